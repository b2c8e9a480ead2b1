import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

/**
 * Select lists for reads that return plain objects: `alias.column AS "property"`
 * for an entity's columns, read from its TypeORM metadata (the one description
 * of each table), so rows come back from pg already shaped as the entity.
 */
interface EntityColumns {
  /** Property name → SQL column name. */
  byProperty: Map<string, string>;
  /** The id and the foreign keys (`*Id`): always selected, since resolvers of relations read them. */
  keys: string[];
}

const described = new Map<unknown, EntityColumns>();
const lists = new Map<string, string>();
/** Select lists kept: one per entity, alias and set of fields asked for, so a bound keeps odd queries from growing it. */
const MAX_LISTS = 2000;

function describe(dataSource: DataSource, target: EntityTarget<ObjectLiteral>): EntityColumns {
  let found = described.get(target);
  if (!found) {
    // Columns marked `select: false` (search vectors) are never read back.
    const columns = dataSource.getMetadata(target).ownColumns.filter((column) => column.isSelect);
    const byProperty = new Map(columns.map((column) => [column.propertyName, column.databaseName]));
    found = { byProperty, keys: [...byProperty.keys()].filter((property) => property === 'id' || /Id$/.test(property)) };
    described.set(target, found);
  }
  return found;
}

/**
 * The select list of the entity aliased `alias`: the properties named in
 * `fields` that are columns (others, such as fields a resolver computes, are
 * skipped) plus the id and foreign keys; every column when `fields` is omitted.
 */
export function selectList(
  dataSource: DataSource,
  target: EntityTarget<ObjectLiteral>,
  alias: string,
  fields?: Iterable<string>,
): string {
  const { byProperty, keys } = describe(dataSource, target);
  const wanted = fields ? [...new Set([...keys, ...fields])].filter((field) => byProperty.has(field)).sort() : [...byProperty.keys()];
  const cacheKey = `${String((target as { name?: string }).name ?? target)}|${alias}|${wanted.join(',')}`;
  let list = lists.get(cacheKey);
  if (list === undefined) {
    list = wanted.map((property) => `${alias}.${byProperty.get(property)} AS "${property}"`).join(', ');
    if (lists.size < MAX_LISTS) lists.set(cacheKey, list);
  }
  return list;
}

/** Every column the entity reads back, as `alias.column` under its SQL name: for rows hydrated as entities or wrapped in a subquery. */
export function columnNames(dataSource: DataSource, target: EntityTarget<ObjectLiteral>, alias: string): string {
  return [...describe(dataSource, target).byProperty.values()].map((column) => `${alias}.${column}`).join(', ');
}

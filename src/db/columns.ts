import pg from 'pg';
import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { JsonRows } from './gather';

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
  /** How its rows decode from JSON (a gathered read, gather.ts); null when a column's JSON form loses what pg gives (bigint, numeric). */
  json: JsonRows | null;
}

/** Column types whose JSON form is what pg gives (numbers, strings, booleans, arrays of them, JSON itself). */
const AS_JSON = new Set(['integer', 'int', 'int4', 'smallint', 'int2', 'text', 'character varying', 'varchar', 'character', 'char', 'boolean', 'bool', 'enum', 'uuid', 'jsonb', 'json']);
/** Types JSON holds as ISO text, which pg would parse (gather.ts parses it the same way), by their Postgres type id. */
const PARSED: Record<string, number> = {
  date: pg.types.builtins.DATE,
  'timestamp with time zone': pg.types.builtins.TIMESTAMPTZ,
  timestamptz: pg.types.builtins.TIMESTAMPTZ,
  'timestamp without time zone': pg.types.builtins.TIMESTAMP,
  timestamp: pg.types.builtins.TIMESTAMP,
};

function jsonRows(dataSource: DataSource, columns: ColumnMetadata[]): JsonRows | null {
  const parsed: Array<{ property: string; type: number }> = [];
  for (const column of columns) {
    const type = dataSource.driver.normalizeType(column);
    if (type in PARSED && !column.isArray) parsed.push({ property: column.propertyName, type: PARSED[type] });
    else if (!AS_JSON.has(type)) return null;
  }
  return { parsed };
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
    const keys = [...byProperty.keys()].filter((property) => property === 'id' || /Id$/.test(property));
    found = { byProperty, keys, json: jsonRows(dataSource, columns) };
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

/** How rows of the entity's select list (`selectList`) decode from a gathered read's JSON; null when they cannot be gathered. */
export function jsonRowsOf(dataSource: DataSource, target: EntityTarget<ObjectLiteral>): JsonRows | null {
  return describe(dataSource, target).json;
}

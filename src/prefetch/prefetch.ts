import {
  FieldNode,
  getNamedType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLResolveInfo,
  isObjectType,
} from 'graphql';
import { collectSubfields } from 'graphql/execution/collectFields';
import { gathering } from '../db/statements';

/**
 * Reading ahead. A root list (`issues`, `links`) knows from the query which
 * relations of its items will be asked for, and how deep: it loads each one for
 * all items at once, a level at a time (the relations of a level go out together
 * as one statement, src/db/gather.ts, whatever the page size), selecting only
 * the columns asked for, and hands the results to the field resolvers, which
 * then answer at once instead of through a loader promise per object. What a relation returns is decided by the same
 * service methods the loaders call, with the viewer's scope: reading ahead
 * changes when rows are fetched, never which.
 */

/** What a relation holds for one parent: an object, a list, or nothing. */
export type RelationValue = object | object[] | null;

/** A relation of a GraphQL type: loads it for every parent at once, given the fields asked of the children. */
export type Relation<TContext> = (parents: readonly object[], fields: ReadonlySet<string>, context: TContext) => Promise<RelationValue[]>;

/** Relations that can be read ahead, by GraphQL type and field (fields without arguments only). */
export type Relations<TContext> = Readonly<Record<string, Readonly<Record<string, Relation<TContext>>>>>;

/**
 * What was read ahead for one request: per parent object, per place in the
 * query (the first field node of the field, which graphql-js hands the resolver
 * as `info.fieldNodes[0]`), the value. Keyed by place, so that one object reached
 * by two parts of a query with different selections keeps each part's own.
 */
export class Prefetched {
  private readonly values = new WeakMap<object, Map<FieldNode, RelationValue>>();

  set(parent: object, place: FieldNode, value: RelationValue): void {
    let found = this.values.get(parent);
    if (!found) {
      found = new Map();
      this.values.set(parent, found);
    }
    found.set(place, value);
  }

  /** The value read ahead for this field of `parent`, else what `load` gives (a loader). */
  or<T>(parent: object, info: GraphQLResolveInfo, load: () => T): T | RelationValue {
    const found = this.values.get(parent);
    const place = info.fieldNodes[0];
    return found?.has(place) ? (found.get(place) as RelationValue) : load();
  }
}

/** One part of a query to read ahead for: the object type, the objects, and the field nodes selecting their fields. */
interface Level {
  type: GraphQLObjectType;
  parents: readonly object[];
  fieldNodes: readonly FieldNode[];
}

function objectType(type: GraphQLNamedType | undefined): GraphQLObjectType | null {
  return type && isObjectType(type) ? type : null;
}

/** Everything the values hold, each object once. */
function childrenOf(values: readonly RelationValue[]): object[] {
  const children = new Set<object>();
  for (const value of values) {
    if (Array.isArray(value)) for (const child of value) children.add(child);
    else if (value) children.add(value);
  }
  return [...children];
}

export class ReadAhead<TContext> {
  constructor(
    private readonly relations: Relations<TContext>,
    private readonly info: GraphQLResolveInfo,
    private readonly prefetched: Prefetched,
    private readonly context: TContext,
  ) {}

  private subfields(type: GraphQLObjectType, fieldNodes: readonly FieldNode[]) {
    return collectSubfields(this.info.schema, this.info.fragments, this.info.variableValues, type, fieldNodes);
  }

  /** Reads ahead for `items`, the objects the root field returns (the nodes, for a connection). */
  async run(items: readonly object[]): Promise<void> {
    if (!items.length) return;
    const returned = objectType(getNamedType(this.info.returnType));
    if (!returned) return;
    const levels: Level[] = [];
    if (returned.name.endsWith('Connection')) {
      const edgeType = objectType(getNamedType(returned.getFields().edges?.type));
      const nodeType = objectType(getNamedType(edgeType?.getFields().node?.type));
      if (!edgeType || !nodeType) return;
      for (const edges of this.subfields(returned, this.info.fieldNodes).values()) {
        if (edges[0].name.value !== 'edges') continue;
        for (const [, nodes] of this.subfields(edgeType, edges)) {
          if (nodes[0].name.value === 'node') levels.push({ type: nodeType, parents: items, fieldNodes: nodes });
        }
      }
    } else {
      levels.push({ type: returned, parents: items, fieldNodes: this.info.fieldNodes });
    }
    await gathering(() => Promise.all(levels.map((level) => this.level(level))));
  }

  /** Loads every relation asked of this level at once, then the levels below them. */
  private async level({ type, parents, fieldNodes }: Level): Promise<void> {
    const relations = this.relations[type.name];
    if (!relations) return;
    const work: Array<Promise<void>> = [];
    for (const nodes of this.subfields(type, fieldNodes).values()) {
      const field = nodes[0].name.value;
      const relation = relations[field];
      const childType = objectType(getNamedType(type.getFields()[field]?.type));
      if (!relation || !childType || nodes.some((node) => node.arguments?.length)) continue;
      work.push(this.relation(relation, childType, parents, nodes));
    }
    await Promise.all(work);
  }

  private async relation(relation: Relation<TContext>, type: GraphQLObjectType, parents: readonly object[], nodes: readonly FieldNode[]) {
    const fields = new Set([...this.subfields(type, nodes).values()].map((selected) => selected[0].name.value));
    const values = await relation(parents, fields, this.context);
    parents.forEach((parent, index) => this.prefetched.set(parent, nodes[0], values[index] ?? null));
    const children = childrenOf(values);
    if (children.length) await this.level({ type, parents: children, fieldNodes: nodes });
  }
}

/** Whether the query asks the object the root field returns (the connection itself, for a list) for `field`. */
export function selects(info: GraphQLResolveInfo, field: string): boolean {
  const returned = objectType(getNamedType(info.returnType));
  if (!returned) return false;
  const subfields = collectSubfields(info.schema, info.fragments, info.variableValues, returned, info.fieldNodes);
  return [...subfields.values()].some((nodes) => nodes[0].name.value === field);
}

/** Whether the query asks each edge of the connection the root field returns for one of `fields`. */
export function selectsOnEdges(info: GraphQLResolveInfo, fields: readonly string[]): boolean {
  const returned = objectType(getNamedType(info.returnType));
  const edgeType = objectType(getNamedType(returned?.getFields().edges?.type));
  if (!returned || !edgeType) return false;
  const subfields = (type: GraphQLObjectType, nodes: readonly FieldNode[]) =>
    collectSubfields(info.schema, info.fragments, info.variableValues, type, nodes).values();
  for (const edges of subfields(returned, info.fieldNodes)) {
    if (edges[0].name.value !== 'edges') continue;
    for (const selected of subfields(edgeType, edges)) if (fields.includes(selected[0].name.value)) return true;
  }
  return false;
}

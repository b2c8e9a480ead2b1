import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getOperationAST,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { MAX_PAGE_SIZE } from '../common/pagination';
import { fieldCost, INTROSPECTION_COST } from './cost.table';

/**
 * The cost of a selection: `fixed`, plus `perItem` for each item of the page
 * that encloses it (the lists of a connection are as long as its `first`).
 * Keeping the two apart lets a fragment be priced once, wherever it is spread.
 */
interface Cost {
  fixed: number;
  perItem: number;
}

const FREE: Cost = Object.freeze({ fixed: 0, perItem: 0 });

/** A product where nothing times anything is nothing: a bomb's Infinity inside a page of 0 never makes NaN. */
function times(count: number, cost: number): number {
  return count === 0 || cost === 0 ? 0 : count * cost;
}

export interface CostOptions {
  /** The request's variables, to read page sizes given as `first: $n`. */
  variables?: Readonly<Record<string, unknown>> | null;
  operationName?: string | null;
}

export interface CostResult {
  cost: number;
  /** Selections looked at: each selection of the operation and of each fragment, once. */
  visits: number;
}

/** Prices one operation of a document: linear in its size, each fragment priced once. */
class CostWalk {
  visits = 0;
  private readonly fragmentCosts = new Map<string, Cost | 'pending'>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
    private readonly operation: OperationDefinitionNode,
    private readonly variables: Readonly<Record<string, unknown>>,
  ) {}

  total(): number {
    const root = this.schema.getRootType(this.operation.operation);
    if (!root) return 0;
    const { fixed, perItem } = this.selectionSet(this.operation.selectionSet, root);
    return fixed + times(MAX_PAGE_SIZE, perItem);
  }

  private selectionSet(set: SelectionSetNode, type: GraphQLNamedType): Cost {
    let fixed = 0;
    let perItem = 0;
    for (const selection of set.selections) {
      this.visits += 1;
      let cost: Cost;
      if (selection.kind === Kind.FIELD) {
        cost = this.field(selection, type);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && this.schema.getType(selection.typeCondition.name.value);
        cost = this.selectionSet(selection.selectionSet, condition ?? type);
      } else {
        cost = this.fragment(selection.name.value);
      }
      fixed += cost.fixed;
      perItem += cost.perItem;
    }
    return { fixed, perItem };
  }

  /** A fragment's cost, computed at its first spread; a cycle (refused by validation anyway) counts 0. */
  private fragment(name: string): Cost {
    const known = this.fragmentCosts.get(name);
    if (known === 'pending') return FREE;
    if (known) return known;
    const definition = this.fragments.get(name);
    const type = definition && this.schema.getType(definition.typeCondition.name.value);
    if (!definition || !type) return FREE;
    this.fragmentCosts.set(name, 'pending');
    const cost = this.selectionSet(definition.selectionSet, type);
    this.fragmentCosts.set(name, cost);
    return cost;
  }

  private field(node: FieldNode, parentType: GraphQLNamedType): Cost {
    const name = node.name.value;
    if (name === '__schema' || name === '__type') return { fixed: INTROSPECTION_COST, perItem: 0 };
    if (!isObjectType(parentType) && !isInterfaceType(parentType)) return FREE;
    const definition = parentType.getFields()[name];
    if (!definition) return FREE;
    const rule = fieldCost(parentType.name, name);
    const type = getNamedType(definition.type);
    const below = node.selectionSet ? this.selectionSet(node.selectionSet, type) : FREE;
    // A field that takes `first` returns a page: the connection's lists below it are that long.
    const pageSize = this.pageSize(node, definition);
    const inner = pageSize === null ? below.fixed : below.fixed + times(pageSize, below.perItem);
    const passedUp = pageSize === null ? below.perItem : 0;
    const each = (rule?.cost ?? (isCompositeType(type) ? 1 : 0)) + inner;
    if (!isListType(getNullableType(definition.type))) return { fixed: each, perItem: passedUp };
    if (rule?.maxItems !== undefined) {
      return { fixed: times(rule.maxItems, each), perItem: times(rule.maxItems, passedUp) };
    }
    if (parentType.name.endsWith('Connection')) return { fixed: 0, perItem: each + passedUp };
    // A list nobody declared a size for (a test keeps these out of the schema): assume a full page.
    return { fixed: times(MAX_PAGE_SIZE, each), perItem: times(MAX_PAGE_SIZE, passedUp) };
  }

  /** The page size a `first` argument asks for (a literal, a variable or the default), within 0..100; null without one. */
  private pageSize(node: FieldNode, definition: GraphQLField<unknown, unknown>): number | null {
    const argument = definition.args.find((arg) => arg.name === 'first');
    if (!argument) return null;
    const given = node.arguments?.find((arg) => arg.name.value === 'first')?.value;
    let value: unknown = argument.defaultValue;
    if (given?.kind === Kind.INT) {
      value = Number(given.value);
    } else if (given?.kind === Kind.VARIABLE) {
      const variable = given.name.value;
      const declared = this.operation.variableDefinitions?.find((def) => def.variable.name.value === variable);
      if (Object.hasOwn(this.variables, variable)) value = this.variables[variable];
      else if (declared?.defaultValue?.kind === Kind.INT) value = Number(declared.defaultValue.value);
    } else if (given) {
      value = undefined;
    }
    // Anything else (null, a string) is refused when arguments are checked; price it as the largest page.
    if (typeof value !== 'number' || !Number.isFinite(value)) return MAX_PAGE_SIZE;
    return Math.min(Math.max(Math.trunc(value), 0), MAX_PAGE_SIZE);
  }
}

/** Prices the operation a request runs (by `operationName`); see cost.table.ts for what each field costs. */
export function measureCost(schema: GraphQLSchema, document: DocumentNode, options: CostOptions = {}): CostResult {
  const operation = getOperationAST(document, options.operationName ?? undefined);
  if (!operation) return { cost: 0, visits: 0 };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const walk = new CostWalk(schema, fragments, operation, options.variables ?? {});
  // Bombs reach numbers past exact integers (or Infinity): report them as the largest exact one.
  const total = walk.total();
  const cost = Number.isNaN(total) ? Number.MAX_SAFE_INTEGER : Math.min(total, Number.MAX_SAFE_INTEGER);
  return { cost, visits: walk.visits };
}

export const COST_LIMIT_EXCEEDED = 'COST_LIMIT_EXCEEDED';

/** Longest key of variables remembered; longer ones are priced afresh each time. */
const MAX_REMEMBERED_VARIABLES = 1024;
/** Prices remembered per document (one per operation name and set of variables). */
const MAX_PRICES_PER_DOCUMENT = 32;

const prices = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, CostResult>>>();

/**
 * A key for the variables as the price sees them, short enough to keep; null
 * otherwise. A price reads variables only as page sizes (`pageSize`): a number
 * counts by its value, any other value (a slug, a date, null) prices as the
 * largest page whatever it is, so they all share one key.
 */
function variablesKey(variables: Readonly<Record<string, unknown>> | null | undefined): string | null {
  let key = '';
  for (const name in variables) {
    const value = variables[name];
    // The name quoted, so that no name can pass for another.
    key += `${JSON.stringify(name)}:${typeof value === 'number' ? value : '-'},`;
    if (key.length > MAX_REMEMBERED_VARIABLES) return null;
  }
  return key;
}

/**
 * measureCost, remembered per parsed document (Apollo keeps one per query text),
 * operation name and page sizes given as variables: a repeated request is priced by a lookup
 * instead of a walk of its whole document.
 */
export function priceOf(schema: GraphQLSchema, document: DocumentNode, options: CostOptions = {}): CostResult {
  const variables = variablesKey(options.variables);
  if (variables === null) return measureCost(schema, document, options);
  const key = `${options.operationName ?? ''}\n${variables}`;
  let bySchema = prices.get(schema);
  if (!bySchema) prices.set(schema, (bySchema = new WeakMap()));
  let known = bySchema.get(document);
  const found = known?.get(key);
  if (found) return found;
  const result = measureCost(schema, document, options);
  if (!known) bySchema.set(document, (known = new Map()));
  if (known.size < MAX_PRICES_PER_DOCUMENT) known.set(key, result);
  return result;
}

/** The COST_LIMIT_EXCEEDED error for an operation costing more than `limit`, before anything runs; null within it. */
export function costRefusal(cost: number, limit: number): GraphQLError | null {
  if (cost <= limit) return null;
  return new GraphQLError(
    `This query costs ${cost}, more than the ${limit} a request may cost. ` +
      'Ask for smaller pages (first), fewer nested lists or fewer aliases, or split it into several requests.',
    { extensions: { code: COST_LIMIT_EXCEEDED, cost, limit, http: { status: 400 } } },
  );
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputObjectType,
  GraphQLInputType,
  GraphQLObjectType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
} from 'graphql';
import { gqlCase, HostileCase } from './hostile';
import { ADMIN_TOKEN } from './harness';

/**
 * Every argument of every root field, and every field of every mutation input,
 * given junk, generated from the committed schema so a new argument is covered
 * the day it appears.
 */

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const long = 'x'.repeat(10_000);
const deep = (depth: number): unknown => (depth === 0 ? 1 : { a: deep(depth - 1) });

/** Junk for each kind of leaf, cycled through so the table covers every value. */
const JUNK: Record<string, unknown[]> = {
  String: ['', '\u0000', long, "'; DROP TABLE issue; --", '\uD800', cursor(['issues', '2025-06-01', 1, 'extra']), cursor(['x', { $gt: 1 }]), '   ', 'a\u0000b', 7],
  ID: ['', '0', '-1', '1e3', '99999999999', '\u0000', long, 1.5, ' 1', '0x10', '2147483648', true],
  Int: [-1, 0, 2147483647, -2147483648, '1', 1.5, 2 ** 31, null],
  Boolean: ['true', 0, null],
  Date: ['2025-02-30', '', '\u0000', long, '0001-01-01', '9999-12-31', '2025-6-1', 20250601],
  DateTime: ['now', '2025-01-01T25:00:00Z', '', '1970-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '2025-06-01', long],
  JSONObject: [[], 'str', deep(200), { __proto__: { admin: true }, constructor: { prototype: 1 } }, null],
  enum: ['NOPE', '', 0, null],
  list: [[], Array.from({ length: 1000 }, () => ''), [null], 'not a list'],
  object: ['str', [], 5, null],
};

/** A plausible value of this type: ids that name nothing, so a junk field is the only thing wrong. */
function plausible(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return plausible(type.ofType);
  if (isListType(type)) return [plausible(type.ofType)];
  if (isInputObjectType(type)) {
    return Object.fromEntries(
      Object.values(type.getFields())
        .filter((field) => isNonNullType(field.type))
        .map((field) => [field.name, plausible(field.type)]),
    );
  }
  if (isEnumType(type)) return type.getValues()[0].value;
  switch (type.name) {
    case 'ID':
      return '999999';
    case 'Int':
      return 1;
    case 'Boolean':
      return false;
    case 'Date':
      return '2025-06-01';
    case 'DateTime':
      return '2030-06-01T00:00:00Z';
    case 'JSONObject':
      return {};
    default:
      return 'hostile';
  }
}

interface Leaf {
  path: string[];
  type: GraphQLInputType;
}

/** Each argument, and each field of an input object down two levels, with the type it takes. */
function leaves(args: readonly GraphQLArgument[]): Leaf[] {
  const found: Leaf[] = [];
  const walk = (path: string[], type: GraphQLInputType, level: number) => {
    found.push({ path, type });
    const named = getNamedType(type);
    if (level < 2 && named instanceof GraphQLInputObjectType) {
      for (const field of Object.values(named.getFields())) walk([...path, field.name], field.type, level + 1);
    }
  };
  for (const arg of args) walk([arg.name], arg.type, 0);
  return found;
}

function junkFor(type: GraphQLInputType): unknown[] {
  const bare = isNonNullType(type) ? type.ofType : type;
  if (isListType(bare)) return JUNK.list;
  if (isInputObjectType(bare)) return JUNK.object;
  if (isEnumType(bare)) return JUNK.enum;
  return JUNK[(bare as { name: string }).name] ?? JUNK.String;
}

/** Sets `value` at `path` inside a copy of the plausible arguments (through lists, into their first element). */
function withJunk(base: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(base);
  let node: any = copy;
  for (const key of path.slice(0, -1)) {
    if (node[key] === undefined || node[key] === null) node[key] = {};
    node = Array.isArray(node[key]) ? node[key][0] : node[key];
  }
  node[path[path.length - 1]] = value;
  return copy;
}

function selectionOf(field: GraphQLField<unknown, unknown>): string {
  return isLeafType(getNamedType(field.type)) ? '' : '{ __typename }';
}

/** Junk per leaf: `perLeaf` values, starting further along the list for each leaf so every value gets used. */
export function argumentJunk(perLeaf = 3): HostileCase[] {
  const schema = buildSchema(readFileSync(join(__dirname, '../../schema.graphql'), 'utf8'));
  const cases: HostileCase[] = [];
  let turn = 0;
  for (const [operation, root] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as Array<[string, GraphQLObjectType | null]>) {
    for (const field of Object.values(root?.getFields() ?? {})) {
      if (field.args.length === 0) continue;
      const definitions = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ');
      const query = `${operation}(${definitions}) { ${field.name}(${field.args.map((arg) => `${arg.name}: $${arg.name}`).join(', ')}) ${selectionOf(field)} }`;
      const base = Object.fromEntries(field.args.map((arg) => [arg.name, plausible(arg.type)]));
      // Mutations with the admin token, so junk reaches validation and the service rather than stopping at auth.
      const headers: Record<string, string> = operation === 'mutation' ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {};
      for (const leaf of leaves(field.args)) {
        const junk = junkFor(leaf.type);
        for (let k = 0; k < perLeaf; k += 1) {
          const value = junk[(turn + k) % junk.length];
          const shown = JSON.stringify(value)?.slice(0, 24);
          cases.push(gqlCase('argument junk', `${field.name}(${leaf.path.join('.')}: ${shown})`, { query, variables: withJunk(base, leaf.path, value) }, headers));
        }
        turn += perLeaf;
      }
    }
  }
  return cases;
}

/** The same junk written into the document as literals, once per root field: validation, not coercion, refuses it. */
export function literalJunk(): HostileCase[] {
  const schema = buildSchema(readFileSync(join(__dirname, '../../schema.graphql'), 'utf8'));
  const cases: HostileCase[] = [];
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    if (field.args.length === 0) continue;
    const args = field.args.map((arg) => `${arg.name}: { junk: [1, "\\u0000", null, 1e999] }`).join(', ');
    cases.push(gqlCase('argument junk', `${field.name} with literal junk`, { query: `{ ${field.name}(${args}) ${selectionOf(field)} }` }));
  }
  return cases;
}

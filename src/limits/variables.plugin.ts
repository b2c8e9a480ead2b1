import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, GraphQLInputType, GraphQLSchema, isInputObjectType, isListType, isNonNullType, OperationDefinitionNode, typeFromAST } from 'graphql';
import { quote } from '../common/excerpt';
import type { Context } from '../context';

/** Most entries (object keys and list items) one request's variables are walked through. */
export const MAX_VARIABLE_ENTRIES = 200_000;

interface Walk {
  entries: number;
}

/** The first field an input object does not define, as a path, or null; stops counting past the entry limit. */
function unknownField(value: unknown, type: GraphQLInputType, path: string, walk: Walk): string | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return unknownField(value, type.ofType, path, walk);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    for (let i = 0; i < items.length && walk.entries <= MAX_VARIABLE_ENTRIES; i += 1) {
      walk.entries += 1;
      const found = unknownField(items[i], type.ofType, `${path}[${i}]`, walk);
      if (found) return found;
    }
    return null;
  }
  if (!isInputObjectType(type) || typeof value !== 'object' || Array.isArray(value)) return null;
  const fields = type.getFields();
  for (const [key, inner] of Object.entries(value)) {
    walk.entries += 1;
    if (walk.entries > MAX_VARIABLE_ENTRIES) return null;
    if (!Object.hasOwn(fields, key)) return `${path}.${key}`;
    const found = unknownField(inner, fields[key].type, `${path}.${key}`, walk);
    if (found) return found;
  }
  return null;
}

function refuse(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

/** The reason to refuse these variables before graphql-js coerces them, or null. */
export function variablesProblem(schema: GraphQLSchema, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined): GraphQLError | null {
  if (!variables) return null;
  const walk: Walk = { entries: 0 };
  for (const definition of operation.variableDefinitions ?? []) {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    const name = definition.variable.name.value;
    const found = type ? unknownField(variables[name], type, `$${name}`, walk) : null;
    if (found) return refuse(`Variable ${quote(found)} is not a field of its input type.`);
    if (walk.entries > MAX_VARIABLE_ENTRIES) return refuse(`Variables hold more than ${MAX_VARIABLE_ENTRIES} entries.`);
  }
  return null;
}

/**
 * Refuses, before execution, variables holding a field their input type does not
 * define. graphql-js reports each such field with a copy of the whole object it
 * sits in (50 times over), which for an object of 50,000 junk keys blocks the
 * event loop for seconds; this walk is linear and stops at the first one.
 */
export function variablesPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, operation, request }) {
          const problem = operation ? variablesProblem(schema, operation, request.variables) : null;
          if (problem) throw problem;
        },
      };
    },
  };
}

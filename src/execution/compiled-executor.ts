import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { DocumentNode, execute, ExecutionResult, GraphQLError, GraphQLSchema } from 'graphql';
import type { CompiledQuery } from 'graphql-jit';
import type { Context } from '../context';

/** graphql-jit, loaded when the first operation is compiled: loading it takes a tenth of a cold start or more. */
let jit: typeof import('graphql-jit') | null = null;
// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, see above
const loadJit = () => (jit ??= require('graphql-jit') as typeof import('graphql-jit'));

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** graphql-jit's error as graphql-js makes it (Apollo and format-error.ts expect its `extensions`, always an object). */
function asGraphQLError(error: GraphQLError): GraphQLError {
  const { message, path, originalError, extensions, locations } = error;
  return Object.assign(new GraphQLError(message, { path, originalError, extensions }), { locations });
}

/** A copy of an AST whose nodes are new objects; locations are shared (their token lists are long, and only read). */
function copyAst<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyAst) as T;
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) copy[key] = key === 'loc' ? inner : copyAst(inner);
  return copy as T;
}

/** Most operations counted or kept compiled; the least recently used go first. */
const MAX_OPERATIONS = 1000;

/** Most characters of source behind the operations kept compiled (their code takes some 100 bytes of memory per character). */
const MAX_COMPILED_SOURCE = 256 * 1024;

/** Longer documents are always interpreted: clients' operations are far shorter, and one would push out many. */
const MAX_SOURCE_COMPILED = 16 * 1024;

type Compiled = CompiledQuery<unknown, Record<string, unknown>>;

/** An operation seen but not yet compiled, compiled (with the length of its source), or one graphql-jit cannot compile. */
type Slot = { uses: number } | { compiled: Compiled; weight: number } | 'interpreted';

/**
 * Executes operations through code generated for each (graphql-jit), after
 * Apollo has parsed, validated, priced and admitted them. An operation is
 * compiled on its `compileAt`-th use (the second by default: a document sent
 * once costs more to compile than to interpret) and kept in an LRU by the
 * document's hash and the operation's name, bounded by count and by source
 * length. It runs the schema's own resolvers with the same context and `info`
 * (field nodes, fragments, variables), so every rule the resolvers apply
 * holds; requests whose variables do not coerce are run by graphql-js, whose
 * errors (and codes) clients already know.
 */
export class CompiledExecution {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly schema: GraphQLSchema,
    /** The use at which an operation is compiled; 0 never compiles. */
    private readonly compileAt: number,
  ) {}

  /** Characters of source behind the operations kept compiled. */
  private weight = 0;

  /** Operations held compiled now. */
  get compiled(): number {
    let count = 0;
    for (const slot of this.slots.values()) if (typeof slot === 'object' && 'compiled' in slot) count += 1;
    return count;
  }

  /** What Apollo needs to run a custom executor: a gateway that serves this schema. */
  gateway(): Gateway {
    let announce: Parameters<Gateway['onSchemaLoadOrUpdate']>[0] | null = null;
    return {
      onSchemaLoadOrUpdate: (callback) => {
        announce = callback;
        return () => (announce = null);
      },
      load: async () => {
        announce?.({ apiSchema: this.schema, coreSupergraphSdl: '' });
        return { executor: this.executor };
      },
      stop: async () => undefined,
    };
  }

  private readonly executor: Executor = async (request) => {
    const { document, queryHash, source = '' } = request;
    // The name the client asked for (Apollo's `operationName` is that of the operation it resolved, if any).
    const { operationName, variables = {} } = request.request;
    const compiled = request.operation && this.compileAt > 0 ? this.compiledFor(`${queryHash}\n${operationName ?? ''}`, document, operationName, source.length) : null;
    if (compiled) {
      const result = (await compiled.query(undefined, request.context, variables)) as ExecutionResult;
      if (!result.errors?.length) return result;
      // Variables that do not coerce: nothing ran; graphql-js words the errors as clients know them.
      if (result.data !== undefined) return { ...result, errors: result.errors.map(asGraphQLError) };
    }
    return execute({ schema: this.schema, document, contextValue: request.context, variableValues: variables, operationName });
  };

  /** The operation's compiled form from its `compileAt`-th use on; null while graphql-js runs it. */
  private compiledFor(key: string, document: DocumentNode, operationName: string | null | undefined, weight: number): Compiled | null {
    let slot = this.slots.get(key) ?? { uses: 0 };
    this.slots.delete(key);
    if (typeof slot === 'object' && 'uses' in slot) {
      if (slot.uses + 1 < this.compileAt) slot = { uses: slot.uses + 1 };
      else slot = weight > MAX_SOURCE_COMPILED ? 'interpreted' : this.compile(document, operationName, weight);
      if (typeof slot === 'object' && 'compiled' in slot) this.weight += slot.weight;
    }
    this.slots.set(key, slot);
    while (this.slots.size > MAX_OPERATIONS || this.weight > MAX_COMPILED_SOURCE) this.evictOldest();
    return typeof slot === 'object' && 'compiled' in slot && this.slots.has(key) ? slot.compiled : null;
  }

  private evictOldest(): void {
    const [key, slot] = this.slots.entries().next().value as [string, Slot];
    this.slots.delete(key);
    if (typeof slot === 'object' && 'compiled' in slot) this.weight -= slot.weight;
  }

  /** The operation compiled, or 'interpreted' when graphql-jit cannot compile it (graphql-js then runs it, and words any error). */
  private compile(document: DocumentNode, operationName: string | null | undefined, weight: number): Slot {
    try {
      // graphql-jit annotates the field nodes it compiles: it gets its own copy, never Apollo's cached document.
      const { compileQuery, isCompiledQuery } = loadJit();
      const compiled = compileQuery(this.schema, copyAst(document), operationName ?? undefined);
      return isCompiledQuery(compiled) ? { compiled: compiled as Compiled, weight } : 'interpreted';
    } catch {
      return 'interpreted';
    }
  }
}

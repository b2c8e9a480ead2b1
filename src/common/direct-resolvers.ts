import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * Plain field resolvers for the fields type-graphql would wrap for nothing.
 * type-graphql runs every field through its middleware chain and parameter
 * builder, an object and a promise or two per field and object, even where
 * no middleware, role or validation applies; a large answer resolves
 * thousands of fields. Here a field with no roles and no middlewares reads
 * its property directly, and a field resolver whose parameters are only the
 * root (as it is), the context, the info and scalar or enum arguments calls its
 * method directly. Anything else (roles, middlewares, argument objects that
 * class-validator checks) keeps type-graphql's resolver.
 */

type Resolver = GraphQLFieldResolver<unknown, unknown>;
type Params = NonNullable<ReturnType<typeof getMetadataStorage>['fieldResolvers'][number]['params']>;

/** A root type reflected as Object (common/root.ts) is handed over unchanged; a class would be copied into an instance. */
const passesRootAsIs = (getType: (() => unknown) | undefined) => !getType || getType() === Object;

/** How to build the method's arguments from a resolver call, or null when type-graphql must do it. */
function directParams(params: Params): Array<(root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown> | null {
  const sorted = [...params].sort((a, b) => a.index - b.index);
  const builders = [];
  for (const [position, param] of sorted.entries()) {
    if (param.index !== position) return null;
    if (param.kind === 'root' && passesRootAsIs(param.getType)) {
      const property = param.propertyName;
      builders.push(property ? (root: unknown) => (root as Record<string, unknown>)[property] : (root: unknown) => root);
    } else if (param.kind === 'context') {
      const property = param.propertyName;
      builders.push(property ? (_r: unknown, _a: unknown, context: unknown) => (context as Record<string, unknown>)[property] : (_r: unknown, _a: unknown, context: unknown) => context);
    } else if (param.kind === 'info') {
      builders.push((_r: unknown, _a: unknown, _c: unknown, info: unknown) => info);
    } else if (param.kind === 'arg' && !param.validateFn && param.validateSettings === undefined) {
      const name = param.name;
      builders.push((_r: unknown, args: Record<string, unknown>) => args[name]);
    } else {
      return null;
    }
  }
  return builders;
}

/** Whether any argument of this call is an object or a list (which type-graphql converts and validates). */
function hasStructuredArgument(args: Record<string, unknown>): boolean {
  for (const key in args) {
    const value = args[key];
    if (value !== null && typeof value === 'object') return true;
  }
  return false;
}

type ResolverClass = new () => Record<string, (...values: unknown[]) => unknown>;

function directFieldResolver(target: unknown, methodName: string, params: Params, original: Resolver): Resolver | null {
  const builders = directParams(params);
  if (!builders) return null;
  // type-graphql's default container keeps one instance per resolver class; these classes hold no state.
  const instance = new (target as ResolverClass)();
  const method = instance[methodName];
  if (typeof method !== 'function') return null;
  return (root, args, context, info) => {
    if (hasStructuredArgument(args)) return original(root, args, context, info);
    const values = new Array<unknown>(builders.length);
    for (let i = 0; i < builders.length; i += 1) values[i] = builders[i](root, args, context, info);
    return method.apply(instance, values);
  };
}

/** Replaces type-graphql's wrappers with direct resolvers where nothing is lost (see above); returns the schema. */
export function directResolvers(schema: GraphQLSchema): GraphQLSchema {
  const storage = getMetadataStorage();
  const rootTypes = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type) || rootTypes.has(type)) continue;
    const fields = type.getFields();
    for (const field of objectType.fields ?? []) {
      const definition = fields[field.schemaName];
      if (!definition || field.roles?.length || field.middlewares?.length) continue;
      const resolver = storage.fieldResolvers.find(
        (candidate) => candidate.kind === 'external' && candidate.schemaName === field.schemaName && candidate.getObjectType?.() === objectType.target,
      );
      if (!resolver) {
        const property = field.name;
        if (!storage.fieldResolvers.some((candidate) => candidate.schemaName === field.schemaName && candidate.getObjectType?.() === objectType.target)) {
          definition.resolve = (root) => (root as Record<string, unknown>)[property];
        }
        continue;
      }
      if (resolver.roles?.length || resolver.middlewares?.length || !definition.resolve) continue;
      const direct = directFieldResolver(resolver.target, resolver.methodName, resolver.params ?? [], definition.resolve);
      if (direct) definition.resolve = direct;
    }
  }
  return schema;
}

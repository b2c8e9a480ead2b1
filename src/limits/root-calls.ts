import { defaultFieldResolver, GraphQLSchema } from 'graphql';
import type { Context } from '../context';

/**
 * Makes identical root query calls within one request (the same field with the
 * same arguments, as under many aliases) share one result through the request's
 * memo, so a list asked for 200 times runs its SQL once.
 */
export function shareRootCalls(schema: GraphQLSchema): GraphQLSchema {
  for (const field of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context: Context, info) =>
      context.loaders.rootCalls(field.name, args, () => resolve(source, args, context, info));
  }
  return schema;
}

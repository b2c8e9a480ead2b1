import {
  getNamedType,
  GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { buildGraphQLSchema } from '../../src/schema';

/** Values for required scalars: well-formed, so only authorisation can refuse the call. */
const SCALARS: Record<string, unknown> = {
  ID: '1',
  String: 'x',
  Int: 1,
  Float: 1,
  Boolean: false,
  Date: '2030-01-01',
  DateTime: '2030-01-01T00:00:00Z',
  JSONObject: {},
};

/** The smallest value of `type` that passes GraphQL validation: required fields only. */
function minimal(type: GraphQLInputType): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [minimal(inner.ofType)];
  if (isEnumType(inner)) return inner.getValues()[0].value;
  if (isInputObjectType(inner)) {
    const fields = Object.values(inner.getFields()).filter((field) => isNonNullType(field.type) && field.defaultValue === undefined);
    return Object.fromEntries(fields.map((field) => [field.name, minimal(field.type)]));
  }
  if (isScalarType(inner)) {
    if (!(inner.name in SCALARS)) throw new Error(`no sample value for scalar ${inner.name}`);
    return SCALARS[inner.name];
  }
  throw new Error(`cannot build a value of ${String(type)}`);
}

/**
 * One well-formed call of every mutation the schema has (required arguments
 * only, each passed as a variable), so a test can check who may call them all;
 * a mutation added later is covered without touching the test.
 */
export async function everyMutation(): Promise<Array<{ name: string; query: string; variables: Record<string, unknown> }>> {
  const schema = await buildGraphQLSchema();
  const fields = Object.values(schema.getMutationType()?.getFields() ?? {});
  return fields.map((field) => {
    const args = field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);
    const declared = args.map((arg) => `$${arg.name}: ${String(arg.type)}`).join(', ');
    const passed = args.map((arg) => `${arg.name}: $${arg.name}`).join(', ');
    const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
    return {
      name: field.name,
      query: `mutation${declared ? `(${declared})` : ''} { ${field.name}${passed ? `(${passed})` : ''}${selection} }`,
      variables: Object.fromEntries(args.map((arg) => [arg.name, minimal(arg.type)])),
    };
  });
}

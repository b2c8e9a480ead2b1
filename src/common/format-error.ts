import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { Messages } from './errors';

/** Codes whose messages are written for clients and pass through as they are. */
const CLIENT_CODES = new Set([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CONFLICT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'COST_LIMIT_EXCEEDED',
]);

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** Each failing field's path with its messages, from class-validator's nested failures. */
function validationFailures(failures: ValidationFailure[], prefix = ''): Array<{ path: string; messages: string[] }> {
  return failures.flatMap((failure) => {
    const path = prefix ? `${prefix}.${failure.property}` : failure.property;
    const own = failure.constraints ? [{ path, messages: Object.values(failure.constraints) }] : [];
    return [...own, ...validationFailures(failure.children ?? [], path)];
  });
}

/**
 * Postgres errors caused by the value a client sent (a NUL character, a number
 * out of range), answered as BAD_USER_INPUT rather than masked.
 */
const INPUT_SQLSTATES: Record<string, string> = {
  '22021': 'Input contains a character that cannot be stored (such as NUL).',
  '22P05': 'Input contains a character that cannot be stored (such as NUL).',
  '22003': 'Input contains a number out of range.',
};

function inputSqlState(error: unknown): string | undefined {
  const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return typeof code === 'string' ? INPUT_SQLSTATES[code] : undefined;
}

function codeOf(error: unknown): unknown {
  return error instanceof GraphQLError ? error.extensions?.code : undefined;
}

/**
 * Shapes every error a client sees: known codes keep their message, a bad
 * scalar literal is reported as BAD_USER_INPUT, anything else is masked as
 * INTERNAL_SERVER_ERROR and logged. Stack traces and SQL never leave.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code ?? codeOf(original);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof GraphQLError && codeOf(original.originalError) === 'BAD_USER_INPUT') {
    return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  const inputProblem = inputSqlState(original);
  if (inputProblem) return { ...base, message: inputProblem, extensions: { code: 'BAD_USER_INPUT' } };
  if (typeof code === 'string' && CLIENT_CODES.has(code)) {
    const extensions: Record<string, unknown> = { ...formatted.extensions, code };
    delete extensions.stacktrace;
    const failures = extensions.validationErrors as ValidationFailure[] | undefined;
    if (failures) {
      delete extensions.validationErrors;
      const fields = validationFailures(failures);
      const message = fields.flatMap(({ path, messages }) => messages.map((text) => `${path}: ${text}`)).join('; ');
      // The first offending field, as a path inside the argument ("headline", "tags.any").
      return { ...base, message: `Invalid argument: ${message}`, extensions: { ...extensions, field: fields[0]?.path } };
    }
    return { ...base, extensions };
  }
  console.error('unexpected error while serving a request:', original);
  return { message: Messages.internal, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

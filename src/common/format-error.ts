import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { GraphQLError } from 'graphql';
import { AppError, Messages } from './errors';
import { ECHO_LIMIT, quote } from './excerpt';

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
  'EXECUTION_TIMEOUT',
  'RATE_LIMITED',
  'SERVER_BUSY',
]);

/**
 * Failures that pass (the database is down, busy or slow): each has its own
 * code and a message for clients, and is answered HTTP 503 with Retry-After.
 */
const TRANSIENT_MESSAGES = {
  SERVICE_UNAVAILABLE: 'The database is unavailable at the moment. Retry shortly.',
  DATABASE_BUSY: 'Every database connection is busy at the moment. Retry shortly.',
  STATEMENT_TIMEOUT: 'A database statement took too long and was stopped. Retry shortly, or ask for less.',
  LOCK_TIMEOUT: 'The data asked for is locked by a change in progress. Retry shortly.',
  TRANSACTION_TIMEOUT: 'A database transaction sat idle too long and was ended. Retry shortly.',
  EXECUTION_TIMEOUT: 'The request took too long and was stopped. Retry shortly, or ask for less.',
} as const;

export type TransientCode = keyof typeof TRANSIENT_MESSAGES;

/** Postgres codes: 57014 is only raised by statement_timeout here (the server never cancels a statement otherwise). */
const TRANSIENT_SQLSTATES: Record<string, TransientCode> = {
  '57014': 'STATEMENT_TIMEOUT',
  '55P03': 'LOCK_TIMEOUT',
  '25P03': 'TRANSACTION_TIMEOUT',
  '53300': 'DATABASE_BUSY',
};

/** SQLSTATEs of a server that is unreachable, shutting down, starting or refusing us (class 08, 57P0x, 28xxx, 3D000). */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-4]|28...|3D000)$/;

/** Socket errors of a connection to the database that failed or broke. */
const NETWORK_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE']);

/** What node-postgres (and its pool) says when a connection cannot be had or broke under a query. */
function poolFailure(message: string): TransientCode | undefined {
  if (message === 'timeout exceeded when trying to connect') return 'DATABASE_BUSY';
  if (/^Connection terminated|not queryable|after calling end on the pool/.test(message)) return 'SERVICE_UNAVAILABLE';
  return undefined;
}

interface ErrorLike {
  message: string;
  code?: unknown;
  syscall?: unknown;
  reason?: unknown;
  driverError?: unknown;
  originalError?: unknown;
  cause?: unknown;
}

/** Errors are recognised by shape: those node itself raises fail `instanceof Error` inside jest's sandbox. */
function isErrorLike(value: unknown): value is ErrorLike {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

function transientCodeOf(error: ErrorLike): TransientCode | undefined {
  const { code, syscall } = error;
  if (error instanceof GraphQLError) {
    const own = error.extensions?.code;
    return typeof own === 'string' && own in TRANSIENT_MESSAGES ? (own as TransientCode) : undefined;
  }
  if (typeof code === 'string') {
    if (TRANSIENT_SQLSTATES[code]) return TRANSIENT_SQLSTATES[code];
    if (UNAVAILABLE_SQLSTATE.test(code) || NETWORK_ERRNOS.has(code)) return 'SERVICE_UNAVAILABLE';
    // A Unix socket file that is missing: the server is not running.
    if (code === 'ENOENT' && syscall === 'connect') return 'SERVICE_UNAVAILABLE';
  }
  return poolFailure(error.message);
}

/**
 * The transient failure behind an error, if any: the error itself, or what it
 * wraps (GraphQL's `originalError`, TypeORM's `driverError`, pg-pool's `cause`).
 * `reason` is what the driver said, for the log only.
 */
export function transientFailure(error: unknown): { code: TransientCode; message: string; reason: string } | null {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && isErrorLike(current); depth += 1) {
    const code = transientCodeOf(current);
    if (code) {
      const reason = typeof current.reason === 'string' ? current.reason : current.message;
      return { code, message: TRANSIENT_MESSAGES[code], reason };
    }
    current = current.originalError ?? current.driverError ?? current.cause;
  }
  return null;
}

/** A transient failure met by the database layer, coded where it happened; `reason` (what the driver said) stays in the log. */
export class TransientError extends AppError {
  constructor(
    code: TransientCode,
    readonly reason: string,
  ) {
    super(code, TRANSIENT_MESSAGES[code]);
  }
}

/** The coded error for a transient database failure, or null when the error is something else. */
export function asTransientError(error: unknown): TransientError | null {
  if (error instanceof TransientError) return error;
  const failure = transientFailure(error);
  return failure ? new TransientError(failure.code, failure.reason) : null;
}

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

/** What graphql-js says, without a code or a node, when variables hold more than 50 bad values: the client's input, not a fault. */
const VARIABLE_ERROR_LIMIT = 'Too many errors processing variables, error limit reached. Execution aborted.';

function codeOf(error: unknown): unknown {
  return error instanceof GraphQLError ? error.extensions?.code : undefined;
}

/** Longest message a client gets. */
const MESSAGE_LIMIT = 1000;

/** Cuts every long quoted value in a message (graphql-js quotes the input it refuses, whole) and caps the message. */
function shorten(message: string): string {
  const cut = message.replace(/"((?:[^"\\]|\\.)*)"/g, (whole, inner: string) => (inner.length <= ECHO_LIMIT ? whole : quote(inner)));
  return cut.length <= MESSAGE_LIMIT ? cut : `${cut.slice(0, MESSAGE_LIMIT)}…`;
}

/**
 * Shapes every error a client sees: known codes keep their message, a bad
 * scalar literal is reported as BAD_USER_INPUT, a database that is down, busy
 * or slow gets its own code, anything else is masked as INTERNAL_SERVER_ERROR
 * and logged. Stack traces and SQL never leave; input is echoed only cut short.
 */
/** Apollo's refusals of a malformed persisted-query request carry no code; they are the client's mistake, said plainly. */
const PERSISTED_QUERY_REFUSALS = new Map([
  ['provided sha does not match query', 'extensions.persistedQuery.sha256Hash does not match the query sent with it.'],
  ['Unsupported persisted query version', 'extensions.persistedQuery.version must be 1.'],
]);

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const shaped = shape(formatted, error);
  return { ...shaped, message: shorten(shaped.message) };
}

function shape(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const code = formatted.extensions?.code ?? codeOf(original);
  const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
  if (original instanceof GraphQLError && codeOf(original.originalError) === 'BAD_USER_INPUT') {
    return { ...base, message: formatted.message, extensions: { code: 'BAD_USER_INPUT' } };
  }
  if (original instanceof GraphQLError && original.message === VARIABLE_ERROR_LIMIT) return { ...base, extensions: { code: 'BAD_USER_INPUT' } };
  const persisted = original instanceof GraphQLError ? PERSISTED_QUERY_REFUSALS.get(original.message) : undefined;
  if (persisted) return { ...base, message: persisted, extensions: { code: 'BAD_REQUEST' } };
  const inputProblem = inputSqlState(original);
  if (inputProblem) return { ...base, message: inputProblem, extensions: { code: 'BAD_USER_INPUT' } };
  const transient = transientFailure(original);
  if (transient) return { ...base, message: transient.message, extensions: { code: transient.code } };
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

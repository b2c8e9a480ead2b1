import { GraphQLError } from 'graphql';
import { asTransientError, formatError, transientFailure } from '../../src/common/format-error';

/** What the driver raises, by shape: a Postgres error carries its SQLSTATE as `code`, a socket error its errno name. */
function pgError(code: string, message = 'from postgres'): Error {
  return Object.assign(new Error(message), { code });
}

describe('transientFailure', () => {
  it.each([
    [pgError('57014', 'canceling statement due to statement timeout'), 'STATEMENT_TIMEOUT'],
    [pgError('55P03', 'canceling statement due to lock timeout'), 'LOCK_TIMEOUT'],
    [pgError('25P03', 'terminating connection due to idle-in-transaction timeout'), 'TRANSACTION_TIMEOUT'],
    [pgError('53300', 'sorry, too many clients already'), 'DATABASE_BUSY'],
    [new Error('timeout exceeded when trying to connect'), 'DATABASE_BUSY'],
    [pgError('57P01', 'terminating connection due to administrator command'), 'SERVICE_UNAVAILABLE'],
    [pgError('57P03', 'the database system is starting up'), 'SERVICE_UNAVAILABLE'],
    [pgError('08006'), 'SERVICE_UNAVAILABLE'],
    [pgError('28P01', 'password authentication failed'), 'SERVICE_UNAVAILABLE'],
    [pgError('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432'), 'SERVICE_UNAVAILABLE'],
    [Object.assign(pgError('ENOENT', 'connect ENOENT /tmp/.s.PGSQL.5432'), { syscall: 'connect' }), 'SERVICE_UNAVAILABLE'],
    [new Error('Connection terminated unexpectedly'), 'SERVICE_UNAVAILABLE'],
    [new Error('Connection terminated due to connection timeout'), 'SERVICE_UNAVAILABLE'],
  ])('codes %p as %s', (error, code) => {
    expect(transientFailure(error)?.code).toBe(code);
  });

  it('finds the failure inside the errors that wrap it', () => {
    const driverError = pgError('55P03', 'canceling statement due to lock timeout');
    const queryFailed = Object.assign(new Error('QueryFailedError'), { driverError });
    const located = new GraphQLError('wrapped', { originalError: queryFailed });
    expect(transientFailure(located)).toEqual({
      code: 'LOCK_TIMEOUT',
      message: 'The data asked for is locked by a change in progress. Retry shortly.',
      reason: 'canceling statement due to lock timeout',
    });
    const pooled = new Error('Connection terminated due to connection timeout', { cause: pgError('ETIMEDOUT') });
    expect(transientFailure(pooled)?.code).toBe('SERVICE_UNAVAILABLE');
  });

  it('leaves every other error alone', () => {
    expect(transientFailure(pgError('23505', 'duplicate key value'))).toBeNull();
    expect(transientFailure(Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', syscall: 'open' }))).toBeNull();
    expect(transientFailure(new Error('something else'))).toBeNull();
    expect(transientFailure('not an error')).toBeNull();
  });

  it('keeps the driver message for the log, and out of the answer', () => {
    const error = asTransientError(pgError('57014', 'canceling statement due to statement timeout'));
    expect(error?.reason).toBe('canceling statement due to statement timeout');
    const formatted = formatError({ message: error!.message }, error);
    expect(formatted).toEqual({
      message: 'A database statement took too long and was stopped. Retry shortly, or ask for less.',
      extensions: { code: 'STATEMENT_TIMEOUT' },
    });
  });
});

describe('formatError', () => {
  it('cuts long quoted input in any message it passes on', () => {
    const formatted = formatError(
      { message: `Variable "$s" got invalid value "${'x'.repeat(5000)}"; Int cannot represent it.`, extensions: { code: 'BAD_USER_INPUT' } },
      new GraphQLError('x', { extensions: { code: 'BAD_USER_INPUT' } }),
    );
    expect(formatted.message).toBe(`Variable "$s" got invalid value "${'x'.repeat(63)}…" (5000 characters); Int cannot represent it.`);
  });
});

import path from 'node:path';
import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/config.read';

describe('loadConfig', () => {
  it('gives working defaults for an empty environment', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: null,
      dbPoolSize: 10,
      embeddedDataDir: path.resolve('.data/postgres'),
      embeddedPort: 54329,
      adminToken: null,
      seedSample: true,
      maxQueryDepth: 12,
      maxQueryTokens: 5000,
      maxQueryAliases: 30,
      costBudgets: { PUBLIC: 200_000, PARTNER: 500_000, EDITOR: 1_000_000, ADMIN: 2_000_000 },
      keyLastUsedIntervalS: 60,
      schedulerIntervalMs: 5000,
      schedulerEnabled: true,
      dbStatementTimeoutMs: 5000,
      dbLockTimeoutMs: 2000,
      dbIdleInTransactionTimeoutMs: 10000,
      dbPoolAcquireTimeoutMs: 2000,
      httpHeadersTimeoutMs: 10000,
      httpRequestTimeoutMs: 30000,
      requestDeadlineMs: 15000,
      retryAfterS: 2,
      quotas: {
        enabled: true,
        maxBuckets: 100_000,
        buckets: {
          PUBLIC: { capacity: 1_000_000, refillPerSecond: 50_000 },
          PARTNER: { capacity: 2_500_000, refillPerSecond: 125_000 },
          EDITOR: { capacity: 5_000_000, refillPerSecond: 250_000 },
          ADMIN: { capacity: 10_000_000, refillPerSecond: 500_000 },
        },
      },
      heavyQueries: { heavyCost: 20_000, concurrency: 1, maxWaitMs: 10_000 },
      trustProxy: false,
      observability: { logLevel: 'info', logFormat: 'auto', slowRequestMs: 1000 },
      metricsPort: null,
      metricsHost: '127.0.0.1',
      responseCache: { maxBytes: 64 * 1024 * 1024, ttlS: 300, httpMaxAgeS: 15 },
      compileOperationsAt: 2,
      feeds: { publicUrl: null, issueUrl: null },
    });
  });

  it('reads the feed settings: a base URL without its trailing slash, an issue page template', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://api.example.com/v1/', FEED_ISSUE_URL: 'https://example.com/{newsletter}/{date}' }).feeds).toEqual({
      publicUrl: 'https://api.example.com/v1',
      issueUrl: 'https://example.com/{newsletter}/{date}',
    });
  });

  it('reads the timeouts; 0 turns a database one off', () => {
    expect(
      loadConfig({
        DB_STATEMENT_TIMEOUT_MS: '0',
        DB_LOCK_TIMEOUT_MS: '500',
        DB_IDLE_IN_TRANSACTION_TIMEOUT_MS: '60000',
        DB_POOL_ACQUIRE_TIMEOUT_MS: '750',
        HTTP_HEADERS_TIMEOUT_MS: '5000',
        HTTP_REQUEST_TIMEOUT_MS: '5000',
        REQUEST_DEADLINE_MS: '8000',
        RETRY_AFTER_S: '10',
      }),
    ).toMatchObject({
      dbStatementTimeoutMs: 0,
      dbLockTimeoutMs: 500,
      dbIdleInTransactionTimeoutMs: 60000,
      dbPoolAcquireTimeoutMs: 750,
      httpHeadersTimeoutMs: 5000,
      httpRequestTimeoutMs: 5000,
      requestDeadlineMs: 8000,
      retryAfterS: 10,
    });
  });

  it('reads every setting', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgresql://u:p@db:5432/news',
      DB_POOL_SIZE: '20',
      ADMIN_TOKEN: 'a-very-long-admin-token',
      SEED_SAMPLE: 'false',
      MAX_QUERY_DEPTH: '8',
      SCHEDULER_INTERVAL_MS: '250',
      SCHEDULER_ENABLED: 'no',
      MAX_QUERY_TOKENS: '2000',
      MAX_QUERY_ALIASES: '5',
      COST_BUDGET_PUBLIC: '1000',
      COST_BUDGET_PARTNER: '2000',
      COST_BUDGET_EDITOR: '3000',
      COST_BUDGET_ADMIN: '4000',
      RESPONSE_CACHE_MAX_BYTES: '0',
      RESPONSE_CACHE_TTL_S: '60',
      HTTP_CACHE_MAX_AGE_S: '0',
      COMPILE_OPERATIONS_AT: '0',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgresql://u:p@db:5432/news',
      dbPoolSize: 20,
      adminToken: 'a-very-long-admin-token',
      seedSample: false,
      maxQueryDepth: 8,
      schedulerIntervalMs: 250,
      schedulerEnabled: false,
      maxQueryTokens: 2000,
      maxQueryAliases: 5,
      costBudgets: { PUBLIC: 1000, PARTNER: 2000, EDITOR: 3000, ADMIN: 4000 },
      responseCache: { maxBytes: 0, ttlS: 60, httpMaxAgeS: 0 },
      compileOperationsAt: 0,
    });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT must be a whole number from 0 to 65535/],
    [{ DB_POOL_SIZE: '0' }, /DB_POOL_SIZE/],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL is not a URL/],
    [{ DATABASE_URL: 'mysql://u@h/db' }, /DATABASE_URL must start with postgres/],
    [{ ADMIN_TOKEN: 'short' }, /ADMIN_TOKEN must be at least 16/],
    [{ SEED_SAMPLE: 'maybe' }, /SEED_SAMPLE must be true or false/],
    [{ EMBEDDED_PG_PORT: '-1' }, /EMBEDDED_PG_PORT/],
    [{ SCHEDULER_ENABLED: 'sometimes' }, /SCHEDULER_ENABLED must be true or false/],
    [{ SCHEDULER_INTERVAL_MS: '10' }, /SCHEDULER_INTERVAL_MS must be a whole number from 50/],
    [{ COST_BUDGET_PUBLIC: '0' }, /COST_BUDGET_PUBLIC must be a whole number from 1/],
    [{ COST_BUDGET_ADMIN: 'lots' }, /COST_BUDGET_ADMIN/],
    [{ MAX_QUERY_TOKENS: '10' }, /MAX_QUERY_TOKENS/],
    [{ MAX_QUERY_ALIASES: '-1' }, /MAX_QUERY_ALIASES/],
    [{ DB_STATEMENT_TIMEOUT_MS: '5s' }, /DB_STATEMENT_TIMEOUT_MS must be a whole number from 0/],
    [{ DB_POOL_ACQUIRE_TIMEOUT_MS: '-5' }, /DB_POOL_ACQUIRE_TIMEOUT_MS/],
    [{ HTTP_HEADERS_TIMEOUT_MS: '0' }, /HTTP_HEADERS_TIMEOUT_MS must be a whole number from 1000/],
    [{ HTTP_HEADERS_TIMEOUT_MS: '20000', HTTP_REQUEST_TIMEOUT_MS: '10000' }, /must not exceed HTTP_REQUEST_TIMEOUT_MS/],
    [{ REQUEST_DEADLINE_MS: '50' }, /REQUEST_DEADLINE_MS/],
    [{ RETRY_AFTER_S: '0' }, /RETRY_AFTER_S/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent/],
    [{ LOG_FORMAT: 'xml' }, /LOG_FORMAT must be one of auto, json, pretty/],
    [{ SLOW_REQUEST_MS: 'soon' }, /SLOW_REQUEST_MS/],
    [{ METRICS_PORT: '99999' }, /METRICS_PORT/],
    [{ RESPONSE_CACHE_MAX_BYTES: '64MB' }, /RESPONSE_CACHE_MAX_BYTES must be a whole number/],
    [{ RESPONSE_CACHE_TTL_S: '0' }, /RESPONSE_CACHE_TTL_S must be a whole number from 1/],
    [{ COMPILE_OPERATIONS_AT: 'always' }, /COMPILE_OPERATIONS_AT must be a whole number from 0/],
    [{ HTTP_CACHE_MAX_AGE_S: '-1' }, /HTTP_CACHE_MAX_AGE_S/],
    [{ PUBLIC_URL: 'api.example.com' }, /PUBLIC_URL is not a URL/],
    [{ PUBLIC_URL: 'ftp://api.example.com' }, /PUBLIC_URL must start with http/],
    [{ PUBLIC_URL: 'https://api.example.com/?x=1' }, /PUBLIC_URL must be a base URL/],
    [{ FEED_ISSUE_URL: 'https://example.com/{newsletter}' }, /FEED_ISSUE_URL must contain \{date\}/],
  ])('refuses %p with a message naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

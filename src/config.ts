import { isIP } from 'node:net';
import path from 'node:path';
import { boolean, ConfigError, Env, integer, oneOf } from './config.read';
import { CostBudgets, costBudgets, HeavyQuerySettings, heavyQueries, QuotaSettings, quotas } from './limits/limits.config';
import type { ObservabilitySettings } from './observability/observability';

/**
 * The only reader of process.env: every setting is parsed and validated once,
 * and a bad value stops the start with a message that names it.
 */
export interface Config {
  /** HTTP port the GraphQL server listens on; 0 picks a free one. */
  port: number;
  /** Interface to bind; 0.0.0.0 inside containers. */
  host: string;
  /** A PostgreSQL URL; when absent an embedded server is started. */
  databaseUrl: string | null;
  /** Connections in the pool. */
  dbPoolSize: number;
  /** Data folder of the embedded server. */
  embeddedDataDir: string;
  /** Port of the embedded server. */
  embeddedPort: number;
  /** Bearer token that grants admin rights (mutations); null disables writes over GraphQL. */
  adminToken: string | null;
  /** Load the sample newsletter when the database holds no issue. */
  seedSample: boolean;
  /** Deepest nesting of fields a query may use. */
  maxQueryDepth: number;
  /** Most tokens the parser reads in one query document. */
  maxQueryTokens: number;
  /** Most aliases one query document may use. */
  maxQueryAliases: number;
  /** Cost budget of one request, by caller. */
  costBudgets: CostBudgets;
  /** Least time between two writes of an API key's `last_used_at`. */
  keyLastUsedIntervalS: number;
  /** How often the in-process scheduler looks for scheduled issues that are due. */
  schedulerIntervalMs: number;
  /** Run the in-process scheduler; off only when another process publishes scheduled issues. */
  schedulerEnabled: boolean;
  /** Longest one SQL statement of the server may run (Postgres statement_timeout); 0 turns it off. */
  dbStatementTimeoutMs: number;
  /** Longest a statement of the server waits for a lock (Postgres lock_timeout); 0 turns it off. */
  dbLockTimeoutMs: number;
  /** Longest a transaction may sit idle before Postgres ends its session; 0 turns it off. */
  dbIdleInTransactionTimeoutMs: number;
  /** Longest a request waits for a pooled connection, or for a new one to open (pg connectionTimeoutMillis); 0 waits forever. */
  dbPoolAcquireTimeoutMs: number;
  /** Time a client has to send the headers of a request (node:http headersTimeout). */
  httpHeadersTimeoutMs: number;
  /** Time a client has to send a whole request, body included (node:http requestTimeout). */
  httpRequestTimeoutMs: number;
  /** Longest the server works on one GraphQL request before answering EXECUTION_TIMEOUT. */
  requestDeadlineMs: number;
  /** Seconds in the Retry-After header of answers to passing failures (HTTP 503). */
  retryAfterS: number;
  /** Token buckets spent by request cost, by caller (src/limits/quota.ts). */
  quotas: QuotaSettings;
  /** The lane expensive requests execute in, a few at a time (src/limits/heavy-lane.ts). */
  heavyQueries: HeavyQuerySettings;
  /** Proxies in front whose X-Forwarded-For is believed: off, a number of hops, or their addresses (Express `trust proxy`). */
  trustProxy: TrustProxy;
  /** The server's cache of answers and the HTTP caching headers (src/http/response-caching.ts). */
  responseCache: ResponseCacheSettings;
  /** The use at which an operation is compiled (src/execution/compiled-executor.ts); 0 runs every operation through graphql-js. */
  compileOperationsAt: number;
  /** Request logs and their level, format and slow-request threshold (src/observability/). */
  observability: ObservabilitySettings;
  /** Port of a separate, unauthenticated /metrics listener; null serves /metrics on the API port to admins only. */
  metricsPort: number | null;
  /** Interface the separate metrics listener binds. */
  metricsHost: string;
  /** Feeds: where the server is reached from outside, for their links and ids (src/http/feeds.ts). */
  feeds: FeedSettings;
}

export interface FeedSettings {
  /** The API's public base URL (`https://api.example.com`); null: links use the request's own host, ids `localhost`. */
  publicUrl: string | null;
  /** A web page per issue, `{newsletter}` and `{date}` filled in; null: an issue links to its newsletter's feed. */
  issueUrl: string | null;
}

export type TimeoutSettings = Pick<
  Config,
  | 'dbStatementTimeoutMs'
  | 'dbLockTimeoutMs'
  | 'dbIdleInTransactionTimeoutMs'
  | 'dbPoolAcquireTimeoutMs'
  | 'httpHeadersTimeoutMs'
  | 'httpRequestTimeoutMs'
  | 'requestDeadlineMs'
  | 'retryAfterS'
>;

/** Timeouts of the server and its database, with the value each has when its variable is unset. */
export const TIMEOUT_DEFAULTS: Readonly<TimeoutSettings> = Object.freeze({
  dbStatementTimeoutMs: 5000,
  dbLockTimeoutMs: 2000,
  dbIdleInTransactionTimeoutMs: 10000,
  dbPoolAcquireTimeoutMs: 2000,
  httpHeadersTimeoutMs: 10000,
  httpRequestTimeoutMs: 30000,
  requestDeadlineMs: 15000,
  retryAfterS: 2,
});

export type TrustProxy = false | number | readonly string[];

export interface ResponseCacheSettings {
  /** Bytes of answers the in-process cache holds; 0 turns the server's cache off (HTTP caching headers stay). */
  maxBytes: number;
  /** Longest an answer is served from the server's cache; a write or the next scheduled publication ends it sooner. */
  ttlS: number;
  /** `max-age` of public answers to anonymous reads, for browsers and CDNs (0: they revalidate every time). */
  httpMaxAgeS: number;
}

/** Named ranges Express's `trust proxy` knows, besides addresses and CIDR blocks. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustProxy(env: Env): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '' || /^(0|false|no)$/i.test(raw)) return false;
  if (/^(true|yes)$/i.test(raw)) {
    throw new ConfigError(
      'TRUST_PROXY=true would let any client choose its address through X-Forwarded-For; ' +
        'give the number of proxies in front (e.g. 1) or their addresses (e.g. loopback,10.0.0.0/8)',
    );
  }
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 1, 20);
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address);
    const validBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!PROXY_RANGES.has(entry) && (family === 0 || !validBits || extra !== undefined)) {
      throw new ConfigError(
        `TRUST_PROXY must be a number of proxies (1 to 20) or a comma-separated list of addresses, CIDR blocks, ` +
          `loopback, linklocal or uniquelocal; "${entry}" is none of these`,
      );
    }
  }
  return Object.freeze(entries);
}

function responseCache(env: Env): ResponseCacheSettings {
  return Object.freeze({
    maxBytes: integer(env, 'RESPONSE_CACHE_MAX_BYTES', 64 * 1024 * 1024, 0, 64 * 1024 * 1024 * 1024),
    ttlS: integer(env, 'RESPONSE_CACHE_TTL_S', 300, 1, 86400),
    httpMaxAgeS: integer(env, 'HTTP_CACHE_MAX_AGE_S', 15, 0, 86400),
  });
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];
const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;

function observability(env: Env): ObservabilitySettings {
  return Object.freeze({
    logLevel: oneOf(env, 'LOG_LEVEL', LOG_LEVELS, 'info'),
    logFormat: oneOf(env, 'LOG_FORMAT', LOG_FORMATS, 'auto'),
    slowRequestMs: integer(env, 'SLOW_REQUEST_MS', 1000, 0, 3600000),
  });
}

/** An http(s) URL from the environment, or null when unset; `check` says what else is wrong with it, if anything. */
function webUrl(env: Env, name: string, check: (url: URL, raw: string) => string | null): string | null {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a URL (expected https://...)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must start with http:// or https://`);
  const problem = check(url, raw);
  if (problem) throw new ConfigError(`${name} ${problem}`);
  return raw;
}

function feedSettings(env: Env): FeedSettings {
  const publicUrl = webUrl(env, 'PUBLIC_URL', (url) =>
    url.search || url.hash || url.username ? 'must be a base URL without query, fragment or credentials (https://api.example.com)' : null,
  );
  const issueUrl = webUrl(env, 'FEED_ISSUE_URL', (_url, raw) =>
    raw.includes('{date}') ? null : 'must contain {date} (and usually {newsletter}): https://example.com/{newsletter}/{date}',
  );
  return Object.freeze({ publicUrl: publicUrl?.replace(/\/+$/, '') ?? null, issueUrl });
}

function databaseUrl(env: Env): string | null {
  const raw = env.DATABASE_URL;
  if (raw === undefined || raw === '') return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL is not a URL (expected postgres://user:password@host:5432/database)');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
  }
  return raw;
}

function adminToken(env: Env): string | null {
  const raw = env.ADMIN_TOKEN;
  if (raw === undefined || raw === '') return null;
  if (raw.length < 16) throw new ConfigError('ADMIN_TOKEN must be at least 16 characters long');
  return raw;
}

function timeouts(env: Env): TimeoutSettings {
  const d = TIMEOUT_DEFAULTS;
  const settings = {
    dbStatementTimeoutMs: integer(env, 'DB_STATEMENT_TIMEOUT_MS', d.dbStatementTimeoutMs, 0, 3600000),
    dbLockTimeoutMs: integer(env, 'DB_LOCK_TIMEOUT_MS', d.dbLockTimeoutMs, 0, 3600000),
    dbIdleInTransactionTimeoutMs: integer(env, 'DB_IDLE_IN_TRANSACTION_TIMEOUT_MS', d.dbIdleInTransactionTimeoutMs, 0, 3600000),
    dbPoolAcquireTimeoutMs: integer(env, 'DB_POOL_ACQUIRE_TIMEOUT_MS', d.dbPoolAcquireTimeoutMs, 0, 600000),
    httpHeadersTimeoutMs: integer(env, 'HTTP_HEADERS_TIMEOUT_MS', d.httpHeadersTimeoutMs, 1000, 600000),
    httpRequestTimeoutMs: integer(env, 'HTTP_REQUEST_TIMEOUT_MS', d.httpRequestTimeoutMs, 1000, 3600000),
    requestDeadlineMs: integer(env, 'REQUEST_DEADLINE_MS', d.requestDeadlineMs, 100, 600000),
    retryAfterS: integer(env, 'RETRY_AFTER_S', d.retryAfterS, 1, 3600),
  };
  // node:http refuses a headers timeout longer than the whole-request one.
  if (settings.httpHeadersTimeoutMs > settings.httpRequestTimeoutMs) {
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_MS (${settings.httpHeadersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${settings.httpRequestTimeoutMs})`,
    );
  }
  return settings;
}

export function loadConfig(env: Env = process.env): Readonly<Config> {
  const budgets = costBudgets(env);
  return Object.freeze({
    port: integer(env, 'PORT', 4000, 0, 65535),
    host: env.HOST || '127.0.0.1',
    databaseUrl: databaseUrl(env),
    dbPoolSize: integer(env, 'DB_POOL_SIZE', 10, 1, 200),
    embeddedDataDir: path.resolve(env.EMBEDDED_PG_DIR || '.data/postgres'),
    embeddedPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1, 65535),
    adminToken: adminToken(env),
    seedSample: boolean(env, 'SEED_SAMPLE', true),
    maxQueryDepth: integer(env, 'MAX_QUERY_DEPTH', 12, 2, 50),
    maxQueryTokens: integer(env, 'MAX_QUERY_TOKENS', 5000, 100, 1_000_000),
    maxQueryAliases: integer(env, 'MAX_QUERY_ALIASES', 30, 0, 10_000),
    costBudgets: budgets,
    keyLastUsedIntervalS: integer(env, 'KEY_LAST_USED_INTERVAL_S', 60, 0, 86400),
    schedulerIntervalMs: integer(env, 'SCHEDULER_INTERVAL_MS', 5000, 50, 3600000),
    schedulerEnabled: boolean(env, 'SCHEDULER_ENABLED', true),
    ...timeouts(env),
    quotas: quotas(env, budgets),
    heavyQueries: heavyQueries(env),
    trustProxy: trustProxy(env),
    responseCache: responseCache(env),
    compileOperationsAt: integer(env, 'COMPILE_OPERATIONS_AT', 2, 0, 1000),
    observability: observability(env),
    metricsPort: env.METRICS_PORT ? integer(env, 'METRICS_PORT', 0, 0, 65535) : null,
    metricsHost: env.METRICS_HOST || '127.0.0.1',
    feeds: feedSettings(env),
  });
}

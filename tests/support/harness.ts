import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DataSource, Logger } from 'typeorm';
import { loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { ApiKeyService } from '../../src/modules/api-key/api-key.service';
import { Role } from '../../src/modules/api-key/role';
import { AppServer, createServer, ServerConfig, ServerParts } from '../../src/server';
import type { Actor } from '../../src/auth/actor';

export const ADMIN_TOKEN = 'test-admin-token-0123456789';

/**
 * Tests start servers without the server's response cache unless they ask for
 * it: factories write straight to the database, which no cache hears of.
 */
export const WITHOUT_RESPONSE_CACHE = { responseCache: { ...loadConfig({}).responseCache, maxBytes: 0 } };

/** Who the audit trail names for writes a test makes directly. */
export const TEST_ACTOR: Actor = { kind: 'CLI', keyId: null, name: 'test harness' };

/** Counts the SQL statements the application sends to Postgres. */
export class StatementCounter implements Logger {
  count = 0;
  statements: string[] = [];
  logQuery(query: string): void {
    this.count += 1;
    this.statements.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
  reset(): void {
    this.count = 0;
    this.statements = [];
  }
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string } & Record<string, unknown> }>;
  extensions?: Record<string, any>;
}

export interface RawResponse extends GraphQLResponse {
  contentType: string | null;
}

export interface Harness {
  dataSource: DataSource;
  /** The server under test (its parts: Apollo, the metrics listener, observability). */
  server: AppServer;
  statements: StatementCounter;
  url: string;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GraphQLResponse<T>>;
  /** Like `gql`, sending `Accept` as given and returning the response's content type too. */
  post(body: unknown, options?: { accept?: string; token?: string }): Promise<RawResponse>;
  /** Creates an API key with this role and returns its secret. */
  key(role: Role, name?: string): Promise<string>;
  /** Rows in each table that a write can touch, audit trail included: equal before and after a refused call. */
  rowCounts(): Promise<Record<string, number>>;
  close(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.NEWSLETTER_TEST_SERVER_URL;
  if (!url) throw new Error('integration tests need the Postgres server started by tests/support/global-setup.ts');
  return url;
}

async function onServer(sql: string): Promise<void> {
  const admin = createDataSource({ url: serverUrl(), poolSize: 1 });
  await admin.initialize();
  try {
    await admin.query(sql);
  } finally {
    await admin.destroy();
  }
}

/** Clones the migrated template into a database of this test file's own; `drop` removes it. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `newsletter_test_${randomBytes(6).toString('hex')}`;
  await onServer(`CREATE DATABASE ${name} TEMPLATE newsletter_test_template`);
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => onServer(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A real HTTP server on a random port over a fresh database; `gql` posts to it. */
export async function startHarness(
  options: { adminToken?: string | null; config?: Partial<ServerConfig>; parts?: ServerParts } = {},
): Promise<Harness> {
  const statements = new StatementCounter();
  const database = await createTestDatabase();
  const dataSource = createDataSource({ url: database.url, poolSize: 4, logger: statements });
  await dataSource.initialize();
  const server: AppServer = await createServer(dataSource, {
    // The defaults of an empty environment (cost budgets, query limits), then the test's own settings.
    ...loadConfig({}),
    ...WITHOUT_RESPONSE_CACHE,
    adminToken: options.adminToken === undefined ? ADMIN_TOKEN : options.adminToken,
    maxQueryDepth: 12,
    keyLastUsedIntervalS: 60,
    // Every operation runs compiled from its first use, so every test checks the compiled executor (compiled-execution.test.ts checks both).
    compileOperationsAt: 1,
    // Tests that read the request log pass their own level and a destination.
    observability: { logLevel: 'silent', logFormat: 'json', slowRequestMs: 1000 },
    ...options.config,
  }, options.parts);
  const keys = new ApiKeyService(dataSource, 60);
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = server.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/graphql`;
  return {
    dataSource,
    server,
    statements,
    url,
    async gql(query, variables, token) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (token) headers.authorization = `Bearer ${token}`;
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
      return { status: response.status, ...((await response.json()) as object) };
    },
    async post(body, options = {}) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (options.accept) headers.accept = options.accept;
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
      return { status: response.status, contentType: response.headers.get('content-type'), ...((await response.json()) as object) };
    },
    async key(role, name = `test ${role.toLowerCase()}`) {
      return (await keys.create({ name, role }, TEST_ACTOR)).secret;
    },
    async rowCounts() {
      const rows: Array<{ table: string; n: number }> = await dataSource.query(
        `SELECT 'issue' AS table, count(*) AS n FROM issue UNION ALL SELECT 'section', count(*) FROM section
         UNION ALL SELECT 'link', count(*) FROM link UNION ALL SELECT 'link_tag', count(*) FROM link_tag
         UNION ALL SELECT 'link_tag_override', count(*) FROM link_tag_override
         UNION ALL SELECT 'sponsor', count(*) FROM sponsor UNION ALL SELECT 'sponsor_placement', count(*) FROM sponsor_placement
         UNION ALL SELECT 'newsletter', count(*) FROM newsletter UNION ALL SELECT 'category', count(*) FROM category
         UNION ALL SELECT 'tag', count(*) FROM tag UNION ALL SELECT 'tag_alias', count(*) FROM tag_alias
         UNION ALL SELECT 'category_alias', count(*) FROM category_alias UNION ALL SELECT 'api_key', count(*) FROM api_key
         UNION ALL SELECT 'audit_entry', count(*) FROM audit_entry
         UNION ALL SELECT 'versions', COALESCE(sum(version), 0) FROM issue`,
      );
      return Object.fromEntries(rows.map((row) => [row.table, Number(row.n)]));
    },
    async close() {
      await server.apollo.stop();
      await dataSource.destroy();
      await database.drop();
    },
  };
}

import 'reflect-metadata';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../src/config';
import { createDataSource, DatabaseTimeouts } from '../../src/db/data-source';
import { EmbeddedServer, startEmbeddedPostgres } from '../../src/db/embedded';
import { AppServer, createServer, ServerConfig } from '../../src/server';
import { ADMIN_TOKEN, WITHOUT_RESPONSE_CACHE } from './harness';

/** A port nobody listens on, outside the ranges other test files and the kernel's outgoing connections use. */
export async function freePort(): Promise<number> {
  for (;;) {
    const port = 20000 + Math.floor(Math.random() * 10000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

/**
 * A Postgres server of one test file's own (embedded, in a temporary folder, on
 * a free port), which the test may stop and start again: the shared test
 * server is never touched.
 */
export class OwnPostgres {
  private constructor(
    private server: EmbeddedServer | null,
    readonly dataDir: string,
    readonly port: number,
    private readonly root: string,
  ) {}

  static async start(): Promise<OwnPostgres> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-fault-'));
    // Under root the server runs as `postgres`, which must be able to enter the folder.
    fs.chmodSync(root, 0o755);
    const dataDir = path.join(root, 'pg');
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      try {
        const server = await startEmbeddedPostgres({ dataDir, port, settings: { fsync: 'off', synchronous_commit: 'off' } });
        return new OwnPostgres(server, dataDir, port, root);
      } catch (error) {
        // Someone took the port between the check and the start: try another.
        if (attempt === 3 || fs.existsSync(path.join(dataDir, 'postmaster.pid'))) throw error;
      }
    }
  }

  /** URL of a database on this server. */
  url(database: string): string {
    if (!this.server) throw new Error('the server is stopped');
    const url = new URL(this.server.url);
    url.pathname = `/${database}`;
    return url.toString();
  }

  /** Creates a database with every migration applied; returns its URL. */
  async createDatabase(name: string): Promise<string> {
    await this.onServer(`CREATE DATABASE ${name}`);
    const migrator = createDataSource({ url: this.url(name), poolSize: 1 });
    await migrator.initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    return this.url(name);
  }

  async onServer(sql: string): Promise<void> {
    const admin = createDataSource({ url: this.url('postgres'), poolSize: 1 });
    await admin.initialize();
    try {
      await admin.query(sql);
    } finally {
      await admin.destroy();
    }
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    this.server = null;
  }

  /** Starts the server again on the same folder and port. */
  async restart(): Promise<void> {
    this.server = await startEmbeddedPostgres({ dataDir: this.dataDir, port: this.port, settings: { fsync: 'off', synchronous_commit: 'off' } });
  }

  async destroy(): Promise<void> {
    await this.stop();
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}

export interface TestApp {
  dataSource: DataSource;
  server: AppServer;
  /** http://127.0.0.1:<port> */
  base: string;
  post(query: string, variables?: Record<string, unknown>): Promise<{ status: number; headers: Headers; body: any }>;
  close(): Promise<void>;
}

/** The API over `url` with these timeouts, listening on a free port. */
export async function startApp(
  url: string,
  { poolSize = 4, timeouts, config = {} }: { poolSize?: number; timeouts: DatabaseTimeouts; config?: Partial<ServerConfig> },
): Promise<TestApp> {
  const dataSource = createDataSource({ url, poolSize, timeouts });
  await dataSource.initialize();
  const server = await createServer(dataSource, { ...loadConfig({}), ...WITHOUT_RESPONSE_CACHE, adminToken: ADMIN_TOKEN, keyLastUsedIntervalS: 60, ...config });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  return {
    dataSource,
    server,
    base,
    async post(query, variables) {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
    async close() {
      await server.apollo.stop();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}

/** Polls `probe` until it returns a value other than undefined, or throws after `ceilingMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, what: string, ceilingMs = 30000, everyMs = 50): Promise<T> {
  const deadline = Date.now() + ceilingMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${ceilingMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

import pg from 'pg';
import { DataSource, Logger } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { Config } from '../config';
import { createDataSource, DatabaseTimeouts } from './data-source';
import { EmbeddedServer, startEmbeddedPostgres } from './embedded';
import { requireExtensions } from './extensions';

export interface Database {
  dataSource: DataSource;
  /** Where it runs, without the password, for logs. */
  description: string;
  close(): Promise<void>;
}

const EMBEDDED_DATABASE = 'newsletter';

/** The URL of database `name` on the server at `serverUrl`. */
function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Connects to `url`; Postgres's "database does not exist" when `create` is set creates it (the embedded server's first start) first. */
async function connect(url: string, create: boolean): Promise<pg.Client> {
  const open = async () => {
    const client = new pg.Client({ connectionString: url, application_name: 'newsletter-api start' });
    client.on('error', () => undefined);
    await client.connect();
    return client;
  };
  try {
    return await open();
  } catch (error) {
    if (!create || (error as { code?: string }).code !== '3D000') throw error;
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    const admin = await connect(databaseUrl(url, 'postgres'), false);
    try {
      await admin.query(`CREATE DATABASE "${name}"`);
    } catch (creating) {
      // Another process of ours created it meanwhile.
      if ((creating as { code?: string }).code !== '42P04') throw creating;
    } finally {
      await admin.end();
    }
    return open();
  }
}

/** Whether the database lacks a migration this build has: one small query, so a start with nothing to apply never builds a migrator. */
async function hasPendingMigrations(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ name: string }>('SELECT name FROM migrations').catch((error: { code?: string }) => {
    // No migrations table yet (42P01): everything is pending.
    if (error.code === '42P01') return { rows: [] };
    throw error;
  });
  const applied = new Set(rows.map((row) => row.name));
  return MIGRATIONS.some((Migration) => !applied.has(new Migration().name ?? Migration.name));
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Where the embedded server keeps its data, saying why when that is not the folder configured. */
function embeddedPlace(embedded: EmbeddedServer, configured: string): string {
  if (embedded.dataDir === configured) return configured;
  return `${embedded.dataDir} (the postgres OS user cannot enter ${configured}; set EMBEDDED_PG_DIR to a folder it can reach to keep the data elsewhere)`;
}

/**
 * Applies pending migrations, each in its own transaction, over a connection
 * without the server's timeouts, once the server is known to ship the extensions they install.
 */
async function migrate(url: string, server: string): Promise<void> {
  const migrator = createDataSource({ url, poolSize: 1 });
  await migrator.initialize();
  try {
    await requireExtensions((sql, params) => migrator.query(sql, params), server);
    await migrator.runMigrations({ transaction: 'each' });
  } finally {
    await migrator.destroy();
  }
}

/**
 * Opens the configured database (the embedded server `embedded` is starting,
 * or a new one, when no DATABASE_URL is set), applies pending migrations, then
 * opens the pool (with the server's timeouts when given: the command-line
 * tools run without).
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dbPoolSize' | 'embeddedDataDir' | 'embeddedPort'>,
  { logger, timeouts, embedded: starting }: { logger?: Logger; timeouts?: DatabaseTimeouts; embedded?: Promise<EmbeddedServer> | null } = {},
): Promise<Database> {
  const embedded: EmbeddedServer | null = config.databaseUrl
    ? null
    : await (starting ?? startEmbeddedPostgres({ dataDir: config.embeddedDataDir, port: config.embeddedPort }));
  let dataSource: DataSource | null = null;
  try {
    const url = embedded ? databaseUrl(embedded.url, EMBEDDED_DATABASE) : (config.databaseUrl as string);
    const client = await connect(url, embedded !== null);
    const pending = await hasPendingMigrations(client).finally(() => client.end());
    if (pending) await migrate(url, embedded ? 'the embedded server' : `the server in DATABASE_URL (${redact(url)})`);
    const opened = createDataSource({ url, poolSize: config.dbPoolSize, logger, timeouts });
    dataSource = opened;
    await opened.initialize();
    return {
      dataSource: opened,
      description: embedded ? `embedded Postgres in ${embeddedPlace(embedded, config.embeddedDataDir)} (${redact(url)})` : redact(url),
      async close() {
        await opened.destroy();
        await embedded?.stop();
      },
    };
  } catch (error) {
    if (dataSource?.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    throw error;
  }
}

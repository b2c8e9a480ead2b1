import { DataSource, Logger } from 'typeorm';
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

async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = createDataSource({ url: serverUrl, poolSize: 1 });
  await admin.initialize();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.length) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.destroy();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
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
 * Opens the configured database (starting an embedded server when no
 * DATABASE_URL is set), applies pending migrations, then opens the pool
 * (with the server's timeouts when given: the command-line tools run without).
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dbPoolSize' | 'embeddedDataDir' | 'embeddedPort'>,
  { logger, timeouts }: { logger?: Logger; timeouts?: DatabaseTimeouts } = {},
): Promise<Database> {
  const embedded: EmbeddedServer | null = config.databaseUrl
    ? null
    : await startEmbeddedPostgres({ dataDir: config.embeddedDataDir, port: config.embeddedPort });
  let dataSource: DataSource | null = null;
  try {
    const url = embedded ? await ensureDatabase(embedded.url, EMBEDDED_DATABASE) : (config.databaseUrl as string);
    await migrate(url, embedded ? 'the embedded server' : `the server in DATABASE_URL (${redact(url)})`);
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

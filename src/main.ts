import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadConfig } from './config';
import { ConfigError } from './config.read';
import type { Database } from './db/database';
import { EmbeddedServerError } from './db/embedded-access';
import { EmbeddedServer, startEmbeddedPostgres } from './db/embedded';
import type { IssueScheduler } from './modules/issue/issue.scheduler';
import type { AppServer } from './server';

/**
 * Starts the API: configuration, database, migrations, sample content, the
 * scheduler of scheduled issues, then HTTP. The embedded server (when there is
 * no DATABASE_URL) starts first, in a process of its own: this one loads the
 * application and builds its schema meanwhile, which is why those modules are
 * imported here rather than above. SIGINT/SIGTERM stop it in order: no new
 * requests, requests in flight finished, the scheduler's run in flight
 * finished, pool closed, embedded server stopped; a failed start releases
 * whatever it had already opened.
 */
async function main(): Promise<number> {
  const config = loadConfig();
  let database: Database | null = null;
  let server: AppServer | null = null;
  let scheduler: IssueScheduler | null = null;
  let stopRequested: (signal: string) => void = () => undefined;
  const stopped = new Promise<string>((resolve) => (stopRequested = resolve));
  process.once('SIGINT', () => stopRequested('SIGINT'));
  process.once('SIGTERM', () => stopRequested('SIGTERM'));
  const embedded: Promise<EmbeddedServer> | null = config.databaseUrl
    ? null
    : startEmbeddedPostgres({ dataDir: config.embeddedDataDir, port: config.embeddedPort });
  // Awaited below; marked handled now, so a failure while the modules load is not an unhandled rejection.
  embedded?.catch(() => undefined);
  try {
    /* eslint-disable @typescript-eslint/no-require-imports -- loaded while the embedded server starts, not before */
    const { openDatabase } = require('./db/database') as typeof import('./db/database');
    const { applicationSchema, createServer } = require('./server') as typeof import('./server');
    const { loadSampleIfEmpty } = require('./import/sample') as typeof import('./import/sample');
    const { IssueScheduler } = require('./modules/issue/issue.scheduler') as typeof import('./modules/issue/issue.scheduler');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const schema = applicationSchema();
    database = await openDatabase(config, { timeouts: config, embedded });
    console.log(`database: ${database.description}`);
    if (config.seedSample) {
      const loaded = await loadSampleIfEmpty(database.dataSource);
      if (loaded) console.log(loaded);
    }
    if (config.schedulerEnabled) {
      scheduler = new IssueScheduler(database.dataSource, { intervalMs: config.schedulerIntervalMs });
      scheduler.start();
      console.log(`scheduler: publishing scheduled issues when due, checking every ${config.schedulerIntervalMs} ms`);
    }
    await schema;
    server = await createServer(database.dataSource, config);
    const { httpServer } = server;
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.port, config.host, resolve);
    });
    const { port } = httpServer.address() as AddressInfo;
    const { metricsServer } = server;
    if (metricsServer) {
      await new Promise<void>((resolve, reject) => {
        metricsServer.once('error', reject);
        metricsServer.listen(config.metricsPort ?? 0, config.metricsHost, resolve);
      });
      const metricsPort = (metricsServer.address() as AddressInfo).port;
      console.log(`metrics at http://${config.metricsHost}:${metricsPort}/metrics`);
    }
    console.log(`GraphQL API ready at http://${config.host}:${port}/graphql`);
    const signal = await stopped;
    console.log(`${signal}: finishing requests in flight, then stopping`);
    return 0;
  } finally {
    await server?.apollo.stop().catch((error: unknown) => console.error('while stopping the server:', error));
    server?.metricsServer?.close();
    await scheduler?.stop().catch((error: unknown) => console.error('while stopping the scheduler:', error));
    if (database) await database.close().catch((error: unknown) => console.error('while closing the database:', error));
    else await embedded?.then((started) => started.stop()).catch(() => undefined);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof ConfigError) console.error(`configuration error: ${error.message}`);
    else if (error instanceof EmbeddedServerError) console.error(error.message);
    else console.error(error);
    process.exit(1);
  },
);

import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { ConfigError, loadConfig } from './config';
import { openDatabase } from './db/database';
import { loadSampleIfEmpty } from './import/sample';
import { createServer } from './server';

/** Starts the API: configuration, database, migrations, sample content, then HTTP. */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  console.log(`database: ${database.description}`);
  if (config.seedSample) {
    const loaded = await loadSampleIfEmpty(database.dataSource);
    if (loaded) console.log(loaded);
  }
  const { httpServer, apollo } = await createServer(database.dataSource, config);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;
  console.log(`GraphQL API ready at http://${config.host}:${port}/graphql`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing requests in flight, then stopping`);
    await apollo.stop();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `configuration error: ${error.message}` : error);
  process.exit(1);
});

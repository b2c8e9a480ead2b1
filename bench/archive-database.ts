import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { cliActor } from '../src/auth/actor';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { collectFiles, importFiles } from '../src/import/batch';
import { Importer } from '../src/import/importer';
import { syntheticIssue } from './synthetic-archive';

/** A port nobody listens on now (the system picks it), for a server a benchmark starts. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export interface ArchiveDatabase {
  url: string;
  links: number;
  stop(): Promise<void>;
}

/**
 * Writes `issueCount` issues of the synthetic archive to `work`, imports them
 * into a fresh database `name` (on BENCH_DATABASE_URL's server, or a new
 * embedded server in `work` on a free port) and analyzes it; `stop` drops it.
 */
export async function prepareArchiveDatabase(work: string, issueCount: number, name: string): Promise<ArchiveDatabase> {
  const archive = path.join(work, 'archive');
  fs.mkdirSync(archive);
  for (let n = 0; n < issueCount; n += 1) {
    const issue = syntheticIssue(n);
    fs.writeFileSync(path.join(archive, issue.name), issue.markdown);
  }
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const embedded = serverUrl ? null : await startEmbeddedPostgres({ dataDir: path.join(work, 'pg'), port: await freePort() });
  const admin = createDataSource({ url: serverUrl ?? embedded!.url, poolSize: 1 });
  await admin.initialize();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl ?? embedded!.url);
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: 4 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const summary = await importFiles(new Importer(dataSource), collectFiles([archive]), { actor: cliActor(), concurrency: 4 });
  await dataSource.query('ANALYZE');
  const [{ n: links }] = await dataSource.query('SELECT count(*) AS n FROM link');
  await dataSource.destroy();
  console.log(`archive: ${summary.created} issues, ${links} links imported (${summary.failed.length} failed) in ${summary.seconds.toFixed(0)} s`);
  return {
    url: url.toString(),
    links,
    async stop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
      await embedded?.stop();
    },
  };
}

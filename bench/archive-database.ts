import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { cliActor } from '../src/auth/actor';
import { createDataSource } from '../src/db/data-source';
import { EmbeddedOptions, EmbeddedServer, startEmbeddedPostgres } from '../src/db/embedded';
import { BatchSummary, collectFiles, importFiles } from '../src/import/batch';
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

/** A new temporary folder for a bench (newsletter-<name>-…), which the embedded server, run as `postgres` when we are root, can enter. */
export function workFolder(name: string): string {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), `newsletter-${name}-`));
  fs.chmodSync(work, 0o755);
  return work;
}

/** Runs `work` on a data source of `poolSize` connections to `url`, destroyed after. */
export async function withDataSource<T>(url: string, poolSize: number, work: (dataSource: DataSource) => Promise<T>): Promise<T> {
  const dataSource = createDataSource({ url, poolSize });
  await dataSource.initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}

/** The server a bench's databases live on: BENCH_DATABASE_URL's, or a new embedded one in `work` on a free port. */
export async function openBenchServer(
  work: string,
  options: Pick<EmbeddedOptions, 'settings' | 'onLog'> = {},
): Promise<{ url: string; embedded: EmbeddedServer | null }> {
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) return { url: serverUrl, embedded: null };
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(work, 'pg'), port: await freePort(), ...options });
  return { url: embedded.url, embedded };
}

/** The URL of database `name` on the server at `serverUrl`. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Writes `issueCount` issues of the synthetic archive to `folder`, migrates the
 * database at `url` and imports them through the importer, as `npm run import`
 * would; the folder is removed after. Any issue that fails to import stops the bench.
 */
export async function importSyntheticArchive(
  url: string,
  folder: string,
  issueCount: number,
  linksPerIssue?: number,
): Promise<{ summary: BatchSummary; links: number }> {
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  for (let n = 0; n < issueCount; n += 1) {
    const issue = syntheticIssue(n, linksPerIssue);
    fs.writeFileSync(path.join(folder, issue.name), issue.markdown);
  }
  try {
    return await withDataSource(url, 6, async (dataSource) => {
      await dataSource.runMigrations({ transaction: 'each' });
      const summary = await importFiles(new Importer(dataSource), collectFiles([folder]), { actor: cliActor(), concurrency: 4 });
      if (summary.failed.length) throw new Error(`${summary.failed.length} issues failed to import: ${summary.failed[0].reason}`);
      const [{ n: links }] = await dataSource.query('SELECT count(*) AS n FROM link');
      return { summary, links };
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
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
  const server = await openBenchServer(work);
  const admin = createDataSource({ url: server.url, poolSize: 1 });
  await admin.initialize();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = databaseUrl(server.url, name);
  const { summary, links } = await importSyntheticArchive(url, path.join(work, 'archive'), issueCount);
  await withDataSource(url, 1, (dataSource) => dataSource.query('ANALYZE'));
  console.log(`archive: ${summary.created} issues, ${links} links imported (${summary.failed.length} failed) in ${summary.seconds.toFixed(0)} s`);
  return {
    url,
    links,
    async stop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
      await server.embedded?.stop();
    },
  };
}

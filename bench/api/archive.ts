import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { cliActor } from '../../src/auth/actor';
import { createDataSource } from '../../src/db/data-source';
import { EmbeddedServer, startEmbeddedPostgres } from '../../src/db/embedded';
import { collectFiles, importFiles } from '../../src/import/batch';
import { Importer } from '../../src/import/importer';
import { syntheticIssue } from '../synthetic-archive';

/** The bench's database: its URL, the embedded server holding it, and a way to follow the server's log. */
export interface BenchDatabase {
  url: string;
  server: EmbeddedServer | null;
  /** Called with every chunk of the embedded server's log (statement counting reads it). */
  onLog: (listener: ((text: string) => void) | null) => void;
  stop(): Promise<void>;
}

const DATABASE = 'bench_api';

/** A port nothing listens on right now (the OS picks it), for the embedded server. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** What the stored archive was made from: a different one is imported afresh. */
function archiveStamp(issues: number, linksPerIssue: number): string {
  const sample = syntheticIssue(issues - 1, linksPerIssue).markdown;
  let hash = 0;
  for (let i = 0; i < sample.length; i += 1) hash = (Math.imul(hash, 31) + sample.charCodeAt(i)) | 0;
  return `${issues}x${linksPerIssue}:${hash}`;
}

/** Writes the synthetic archive and imports it through the importer, as `npm run import` would. */
async function importArchive(url: string, work: string, issues: number, linksPerIssue: number): Promise<void> {
  const folder = path.join(work, 'archive');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  for (let n = 0; n < issues; n += 1) {
    const issue = syntheticIssue(n, linksPerIssue);
    fs.writeFileSync(path.join(folder, issue.name), issue.markdown);
  }
  const dataSource = createDataSource({ url, poolSize: 6 });
  await dataSource.initialize();
  try {
    const started = Date.now();
    const summary = await importFiles(new Importer(dataSource), collectFiles([folder]), { actor: cliActor(), concurrency: 4 });
    if (summary.failed.length) throw new Error(`${summary.failed.length} issues failed to import: ${summary.failed[0].reason}`);
    console.log(`archive: ${summary.created} issues imported in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    await dataSource.destroy();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Opens the bench database in an embedded server kept under `work` (BENCH_DATABASE_URL's
 * server instead, when set), migrates it, and imports the archive unless the
 * one stored was made from the same parameters (`fresh` imports it again anyway).
 */
export async function prepareDatabase(work: string, options: { issues: number; linksPerIssue: number; fresh: boolean }): Promise<BenchDatabase> {
  fs.mkdirSync(work, { recursive: true });
  // The embedded server runs as the `postgres` user when we are root: it must be able to enter this folder.
  fs.chmodSync(work, 0o755);
  let listener: ((text: string) => void) | null = null;
  const serverUrl = process.env.BENCH_DATABASE_URL;
  const server = serverUrl
    ? null
    : await startEmbeddedPostgres({
        dataDir: path.join(work, 'pg'),
        port: await freePort(),
        // Statement counting reads `log_statement` lines; the prefix names the client (application_name).
        settings: { log_line_prefix: '%a|', shared_buffers: '256MB', max_connections: '60' },
        onLog: (text) => listener?.(text),
      });
  const admin = createDataSource({ url: serverUrl ?? server!.url, poolSize: 1 });
  await admin.initialize();
  const url = new URL(serverUrl ?? server!.url);
  url.pathname = `/${DATABASE}`;
  const stamp = archiveStamp(options.issues, options.linksPerIssue);
  const stampFile = path.join(work, 'archive.stamp');
  const stored = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : null;
  const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).length > 0;
  const reuse = exists && !options.fresh && stored === stamp;
  if (!reuse) {
    fs.rmSync(stampFile, { force: true });
    if (exists) await admin.query(`DROP DATABASE ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
  }
  await admin.destroy();
  const migrator = createDataSource({ url: url.toString(), poolSize: 1 });
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
  if (!reuse) {
    await importArchive(url.toString(), work, options.issues, options.linksPerIssue);
    fs.writeFileSync(stampFile, stamp);
  } else {
    console.log(`archive: reusing the one imported earlier in ${work} (--fresh imports it again)`);
  }
  const analyser = createDataSource({ url: url.toString(), poolSize: 1 });
  await analyser.initialize();
  await analyser.query('VACUUM ANALYZE');
  await analyser.destroy();
  return {
    url: url.toString(),
    server,
    onLog: (next) => (listener = next),
    stop: async () => {
      await server?.stop();
    },
  };
}

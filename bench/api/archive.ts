import fs from 'node:fs';
import path from 'node:path';
import { EmbeddedServer } from '../../src/db/embedded';
import { databaseUrl, importSyntheticArchive, openBenchServer, withDataSource } from '../archive-database';
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

/** What the stored archive was made from: a different one is imported afresh. */
function archiveStamp(issues: number, linksPerIssue: number): string {
  const sample = syntheticIssue(issues - 1, linksPerIssue).markdown;
  let hash = 0;
  for (let i = 0; i < sample.length; i += 1) hash = (Math.imul(hash, 31) + sample.charCodeAt(i)) | 0;
  return `${issues}x${linksPerIssue}:${hash}`;
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
  const { url: serverUrl, embedded: server } = await openBenchServer(work, {
    // Statement counting reads `log_statement` lines; the prefix names the client (application_name).
    settings: { log_line_prefix: '%a|', shared_buffers: '256MB', max_connections: '60' },
    onLog: (text) => listener?.(text),
  });
  const url = databaseUrl(serverUrl, DATABASE);
  const stamp = archiveStamp(options.issues, options.linksPerIssue);
  const stampFile = path.join(work, 'archive.stamp');
  const stored = fs.existsSync(stampFile) ? fs.readFileSync(stampFile, 'utf8') : null;
  const reuse = await withDataSource(serverUrl, 1, async (admin) => {
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE])).length > 0;
    if (exists && !options.fresh && stored === stamp) return true;
    fs.rmSync(stampFile, { force: true });
    if (exists) await admin.query(`DROP DATABASE ${DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${DATABASE}`);
    return false;
  });
  if (!reuse) {
    const { summary } = await importSyntheticArchive(url, path.join(work, 'archive'), options.issues, options.linksPerIssue);
    console.log(`archive: ${summary.created} issues imported in ${summary.seconds.toFixed(0)} s`);
    fs.writeFileSync(stampFile, stamp);
  } else {
    await withDataSource(url, 1, (migrator) => migrator.runMigrations({ transaction: 'each' }));
    console.log(`archive: reusing the one imported earlier in ${work} (--fresh imports it again)`);
  }
  await withDataSource(url, 1, (analyser) => analyser.query('VACUUM ANALYZE'));
  return {
    url,
    server,
    onLog: (next) => (listener = next),
    stop: async () => {
      await server?.stop();
    },
  };
}

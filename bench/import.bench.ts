import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor } from '../src/auth/actor';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { collectFiles, importFiles } from '../src/import/batch';
import { Importer } from '../src/import/importer';
import { syntheticIssue } from './synthetic-archive';

/**
 * `npm run bench:import`: writes a deterministic synthetic archive to a temporary
 * folder, imports it into a fresh database (a new embedded server, or a new
 * database on BENCH_DATABASE_URL's server) and prints throughput and memory.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { issues: { type: 'string', default: '3000' }, concurrency: { type: 'string', default: '6' } } });
  const issueCount = Number(values.issues);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-bench-'));
  // The embedded server runs as the `postgres` user when we are root: it must be able to enter this folder.
  fs.chmodSync(work, 0o755);
  const archive = path.join(work, 'archive');
  fs.mkdirSync(archive);
  let links = 0;
  for (let n = 0; n < issueCount; n += 1) {
    const issue = syntheticIssue(n);
    fs.writeFileSync(path.join(archive, issue.name), issue.markdown);
    links += issue.links;
  }
  console.log(`archive: ${issueCount} issues, ${links} section links (+1 sponsor block each) in ${archive}`);

  const serverUrl = process.env.BENCH_DATABASE_URL;
  const embedded = serverUrl ? null : await startEmbeddedPostgres({ dataDir: path.join(work, 'pg'), port: 56000 + (process.pid % 1000) });
  const admin = createDataSource({ url: serverUrl ?? embedded!.url, poolSize: 1 });
  await admin.initialize();
  const name = `newsletter_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.destroy();
  const url = new URL(serverUrl ?? embedded!.url);
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: 8 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });

  let peakRss = process.memoryUsage.rss();
  const cpuBefore = process.cpuUsage();
  const rssAt: string[] = [];
  const files = collectFiles([archive]);
  const summary = await importFiles(new Importer(dataSource), files, {
    actor: cliActor(),
    concurrency: Number(values.concurrency),
    onOutcome: (_file, _outcome, done) => {
      const rss = process.memoryUsage.rss();
      peakRss = Math.max(peakRss, rss);
      if (done % Math.ceil(files.length / 4) === 0) rssAt.push(`${done}: ${(rss / 2 ** 20).toFixed(0)} MiB`);
    },
  });
  const [{ n: stored }] = await dataSource.query('SELECT count(*) AS n FROM link');
  console.log(`imported: ${summary.created} created, ${summary.failed.length} failed, ${stored} links stored`);
  for (const failure of summary.failed.slice(0, 5)) console.log(`  failed: ${failure.file}: ${failure.reason}`);
  const cpu = process.cpuUsage(cpuBefore);
  console.log(`time: ${summary.seconds.toFixed(2)} s (CPU of the importing process: ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s)`);
  console.log(`issues/s: ${(summary.created / summary.seconds).toFixed(0)}`);
  console.log(`links/s: ${(summary.linksWritten / summary.seconds).toFixed(0)}`);
  console.log(`peak RSS: ${(peakRss / 2 ** 20).toFixed(0)} MiB (RSS after ${rssAt.join(', ')})`);

  await dataSource.destroy();
  await embedded?.stop();
  fs.rmSync(work, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

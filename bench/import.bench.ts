import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor } from '../src/auth/actor';
import { createDataSource } from '../src/db/data-source';
import { collectFiles, importFiles } from '../src/import/batch';
import { Importer } from '../src/import/importer';
import { databaseUrl, openBenchServer, workFolder } from './archive-database';
import { clockTicks, loadAverage, median } from './support';
import { realShapedIssue, SyntheticIssue, syntheticIssue } from './synthetic-archive';

/**
 * `npm run bench:import`: writes deterministic archives to a temporary folder and
 * imports each into a fresh database (on a new embedded server, or on
 * BENCH_DATABASE_URL's server), printing links/s as the importer times it (first
 * file read to last commit) with the load average beside it. Cases: `synthetic`
 * (3,000 regular issues), `real-shaped` (the corpus's statistics, about 44,000
 * links) and, given `--corpus DIR`, `corpus`: that folder's real issues
 * replayed under new dates until they hold as many links.
 */
const USAGE =
  'usage: npm run bench:import -- [--case synthetic|real-shaped|corpus|all] [--issues N] [--concurrency N] [--batch N] [--threads N] [--runs N] [--corpus DIR]';

/** Issues of the real-shaped case: about 42,700 links, as many as the real archive's 2,849 issues hold (44,129 items, sponsor blocks included). */
const REAL_SHAPED_ISSUES = 3000;

interface Case {
  name: string;
  /** Writes the archive into the folder; returns its issue and link counts. */
  write(folder: string): { issues: number; links: number };
}

function generated(name: string, issues: number, make: (n: number) => SyntheticIssue): Case {
  return {
    name,
    write(folder) {
      let links = 0;
      for (let n = 0; n < issues; n += 1) {
        const issue = make(n);
        fs.writeFileSync(path.join(folder, issue.name), issue.markdown);
        links += issue.links;
      }
      return { issues, links };
    },
  };
}

/** The real issues under `dir`, copied again and again with their heading dates moved, until there are `minLinks` items. */
function corpusReplay(dir: string, minLinks: number): Case {
  return {
    name: 'corpus',
    write(folder) {
      const sources = collectFiles([dir]).map((file) => fs.readFileSync(file, 'utf8'));
      const itemsOf = sources.map((text) => text.match(/^\[###/gm)?.length ?? 0);
      let issues = 0;
      let items = 0;
      for (let round = 0; items < minLinks; round += 1) {
        sources.forEach((text, index) => {
          const moved = text.replace(/^(#\s+.*?)(\d{4})(-\d{2}-\d{2})\s*$/m, (_, head: string, year: string, rest: string) => `${head}${Number(year) + 100 + 4 * round}${rest}`);
          fs.writeFileSync(path.join(folder, `${round}-${index}.md`), moved);
          issues += 1;
          items += itemsOf[index];
        });
      }
      return { issues, links: items };
    },
  };
}

/**
 * CPU seconds the embedded server has used so far: the postmaster, its live backends and
 * those that exited (the kernel adds them to the postmaster's children's time). Null when unknown.
 */
function serverCpuSeconds(dataDir: string | null): number | null {
  const pid = dataDir ? Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) : NaN;
  if (!Number.isInteger(pid)) return null;
  const ticks = (stat: string, from: number, count: number) =>
    stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(from, from + count).reduce((sum, value) => sum + Number(value), 0);
  let total = ticks(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'), 11, 4);
  for (const entry of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) total += ticks(stat, 11, 2);
    } catch {
      // The process ended while we looked.
    }
  }
  return total / clockTicks();
}

/** Imports one archive into a new database on the server and prints what it measured. */
interface RunOptions {
  concurrency?: number;
  batchSize?: number;
  planThreads?: number;
}

async function run(serverUrl: string, dataDir: string | null, bench: Case, folder: string, options: RunOptions, runIndex: number): Promise<number> {
  const name = `newsletter_bench_${process.pid}_${bench.name.replace(/\W/g, '_')}_${runIndex}`;
  const admin = createDataSource({ url: serverUrl, poolSize: 1 });
  await admin.initialize();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.destroy();
  const dataSource = createDataSource({ url: databaseUrl(serverUrl, name), poolSize: 8 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const loadBefore = loadAverage();
  const cpuBefore = process.cpuUsage();
  const serverBefore = serverCpuSeconds(dataDir);
  let peakRss = process.memoryUsage.rss();
  const summary = await importFiles(new Importer(dataSource), collectFiles([folder]), {
    actor: cliActor(),
    ...options,
    onOutcome: () => (peakRss = Math.max(peakRss, process.memoryUsage.rss())),
  });
  const cpu = process.cpuUsage(cpuBefore);
  // While the pool's backends live: the CPU of backends that exited reaches the postmaster's count only once it reaps them.
  const serverAfter = serverCpuSeconds(dataDir);
  const [{ n: stored }] = await dataSource.query('SELECT count(*)::int AS n FROM link');
  await dataSource.destroy();
  const rate = summary.linksWritten / summary.seconds;
  const perLink = (seconds: number) => `${((seconds * 1e6) / summary.linksWritten).toFixed(0)} µs`;
  const serverCpu = serverBefore === null || serverAfter === null ? '' : `, Postgres ${perLink(serverAfter - serverBefore)}`;
  console.log(
    `${bench.name} run ${runIndex + 1}: ${summary.created} issues created, ${summary.failed.length} failed, ${stored} links stored ` +
      `in ${summary.seconds.toFixed(2)} s; links/s: ${rate.toFixed(0)}; load average ${loadBefore} → ${loadAverage()}\n` +
      `  CPU per link: importer ${perLink((cpu.user + cpu.system) / 1e6)}${serverCpu}; peak RSS ${(peakRss / 2 ** 20).toFixed(0)} MiB`,
  );
  for (const failure of summary.failed.slice(0, 5)) console.log(`  failed: ${failure.file}: ${failure.reason}`);
  return rate;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      case: { type: 'string', default: 'all' },
      issues: { type: 'string' },
      concurrency: { type: 'string' },
      batch: { type: 'string' },
      threads: { type: 'string' },
      runs: { type: 'string', default: '1' },
      corpus: { type: 'string' },
    },
  });
  const count = (fallback: number) => (values.issues ? Number(values.issues) : fallback);
  const all: Case[] = [generated('synthetic', count(3000), (n) => syntheticIssue(n)), generated('real-shaped', count(REAL_SHAPED_ISSUES), realShapedIssue)];
  if (values.corpus) all.push(corpusReplay(values.corpus, count(REAL_SHAPED_ISSUES) * 15.5));
  const cases = all.filter((bench) => values.case === 'all' || bench.name === values.case);
  if (!cases.length) throw new Error(`unknown case "${values.case}"\n${USAGE}`);

  const work = workFolder('bench');
  const { url: serverUrl, embedded } = await openBenchServer(work);
  try {
    for (const bench of cases) {
      const folder = path.join(work, bench.name);
      fs.mkdirSync(folder);
      const { issues, links } = bench.write(folder);
      console.log(`${bench.name}: ${issues} issues, ${links} links in ${folder}`);
      const rates: number[] = [];
      for (let index = 0; index < Number(values.runs); index += 1) {
        const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));
        const options = { concurrency: number(values.concurrency), batchSize: number(values.batch), planThreads: number(values.threads) };
        rates.push(await run(serverUrl, embedded?.dataDir ?? null, bench, folder, options, index));
      }
      if (rates.length > 1) console.log(`${bench.name}: median links/s ${median(rates).toFixed(0)}`);
    }
  } finally {
    await embedded?.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

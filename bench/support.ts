import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { prepareArchiveDatabase, workFolder } from './archive-database';

/** What the benches share: figures, the built API in a process of its own, a light HTTP client, a bench's scaffolding (archive-database.ts makes the data). */

/** The middle of the values, ignoring NaN (a figure not measured); NaN when none is left. */
export function median(values: number[]): number {
  const sorted = values.filter((value) => !Number.isNaN(value)).sort((a, b) => a - b);
  if (!sorted.length) return NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The p-th percentile (nearest rank) of values sorted ascending; NaN when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** The machine's load averages (1, 5, 15 minutes; now unless given), for every figure a bench prints. */
export function loadAverage(values: number[] = os.loadavg()): string {
  return values.map((value) => value.toFixed(2)).join(' ');
}

/**
 * V8 flags the API runs with (Dockerfile, `npm start`): a young generation of
 * 64 MiB a half, so a request's short-lived objects die young instead of
 * piling into the old generation (fewer full collections); and an old
 * generation collected once it grows 25% past what survived the last full
 * collection, where V8 by its own measure let it reach 2.5 times that (an RSS
 * swinging by 80 MiB under `npm run bench:soak` with 35 MiB live).
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=64', '--heap-growing-percent=25'];

const ROOT = path.join(__dirname, '..', '..');

export interface Api {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** How to run the API: which node binary (ours unless given) and its flags (API_NODE_FLAGS unless given). */
export interface ApiProcessOptions {
  node?: string;
  nodeFlags?: string[];
}

/** Resolves with the first group of `pattern` once the child prints it on stdout, which is then drained so a chatty child never blocks. */
export function waitForLine(child: ChildProcess, pattern: RegExp, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code} before it was ready:\n${output}`)));
  });
}

/** Sends SIGTERM and waits for the exit (at once when the process is gone already). */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/**
 * Starts the built API (`dist/src/main.js`) on a free port over `databaseUrl`, with our
 * environment, then `env`; resolves with its GraphQL URL. It runs as the Dockerfile
 * runs it, NODE_ENV=production (graphql-js skips its development checks), unless `env` says otherwise.
 */
export async function startApi(databaseUrl: string, env: Record<string, string> = {}, options: ApiProcessOptions = {}): Promise<Api> {
  const child = spawn(options.node ?? process.execPath, [...(options.nodeFlags ?? API_NODE_FLAGS), path.join(ROOT, 'dist', 'src', 'main.js')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      PORT: '0',
      SEED_SAMPLE: 'false',
      SCHEDULER_ENABLED: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await waitForLine(child, /GraphQL API ready at (\S+)/, 'the API');
  return { url, process: child, stop: () => stopProcess(child) };
}

/** The resident set of a process (from /proc), in bytes. */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** The resident part of a process's brk heap (/proc smaps `[heap]`), where the C library's allocator keeps the main thread's memory; 0 when not found. */
export function mallocHeapOf(pid: number): number {
  const smaps = fs.readFileSync(`/proc/${pid}/smaps`, 'utf8');
  const at = smaps.indexOf(' [heap]\n');
  return at < 0 ? 0 : Number(/Rss:\s+(\d+) kB/.exec(smaps.slice(at))?.[1] ?? 0) * 1024;
}

let ticksPerSecond: number | undefined;

/** The kernel's clock ticks per second, the unit of CPU times in /proc (read once). */
export function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return ticksPerSecond;
}

/** CPU time (user + system, every thread) a process has used so far, in ms, from /proc; null once it is gone. */
export function cpuMs(pid: number): number | null {
  const perSecond = clockTicks();
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime); the slice starts at field 3.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / perSecond;
  } catch {
    return null;
  }
}

/** CPU of each of a set of processes (a server's Postgres backends) now, to compare with `cpuSince`. */
export function cpuOf(pids: readonly number[]): Map<number, number> {
  return new Map(
    pids.flatMap((pid) => {
      const ms = cpuMs(pid);
      return ms === null ? [] : [[pid, ms] as [number, number]];
    }),
  );
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

export interface Posted {
  status: number;
  headers: http.IncomingHttpHeaders;
  bytes: number;
}

/** A keep-alive client far lighter than fetch, so the client's CPU does not set the rate measured. */
export class BenchClient {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(url: string, connections: number) {
    this.target = new URL(url);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  }

  /** Sends one request (to the API's path unless `pathname` says otherwise); the body is counted, and handed to `onChunk` when given. */
  request(
    method: 'GET' | 'POST',
    body: string | Buffer | null,
    headers: Record<string, string>,
    search = '',
    onChunk?: (chunk: Buffer) => void,
    pathname = this.target.pathname,
  ): Promise<Posted> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent: this.agent,
          host: this.target.hostname,
          port: this.target.port,
          path: `${pathname}${search}`,
          method,
          headers: body === null ? headers : { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => {
          let bytes = 0;
          response.on('data', (chunk: Buffer) => {
            bytes += chunk.length;
            onChunk?.(chunk);
          });
          response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, bytes }));
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body ?? undefined);
    });
  }

  /** `request`, with the body of the answer as text. */
  async requestText(
    method: 'GET' | 'POST',
    body: string | Buffer | null,
    headers: Record<string, string>,
    search = '',
    pathname = this.target.pathname,
  ): Promise<Posted & { text: string }> {
    const chunks: Buffer[] = [];
    const answer = await this.request(method, body, headers, search, (chunk) => chunks.push(chunk), pathname);
    return { ...answer, text: Buffer.concat(chunks).toString('utf8') };
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Runs a bench's main: on failure prints the error and exits with 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}

/**
 * The frame of benches that load built APIs: `issues` of the synthetic archive in a
 * fresh database (newsletter_<name>_<pid>) under a temporary folder, one API over it
 * per environment in `apis`; `body` runs with them, then everything is stopped and removed.
 */
export async function withArchiveApis(
  name: string,
  issues: number,
  apis: Array<Record<string, string>>,
  body: (apis: Api[]) => Promise<void>,
  options: ApiProcessOptions = {},
): Promise<void> {
  const work = workFolder(name);
  const started: Api[] = [];
  try {
    const database = await prepareArchiveDatabase(work, issues, `newsletter_${name}_${process.pid}`);
    try {
      for (const env of apis) started.push(await startApi(database.url, env, options));
      await body(started);
    } finally {
      for (const api of started) await api.stop();
      await database.stop();
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

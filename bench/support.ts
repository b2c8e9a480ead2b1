import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

/** What several benches share: the built API in a process of its own, a light HTTP client, figures (archive-database.ts makes the data). */

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The machine's load averages (1, 5, 15 minutes), for every figure a bench prints. */
export function loadAverage(): string {
  return os.loadavg().map((value) => value.toFixed(2)).join(' ');
}

/**
 * V8 flags the API runs with (Dockerfile, `npm start`): a young generation of
 * 64 MiB a half, so a request's short-lived objects die young instead of
 * piling into the old generation (fewer full collections, a flat RSS).
 */
export const API_NODE_FLAGS = ['--max-semi-space-size=64'];

export interface Api {
  url: string;
  process: ChildProcess;
}

/** Starts `node dist/src/main.js` (with API_NODE_FLAGS) on a free port over `databaseUrl`, with `env` over our environment; resolves with its GraphQL URL. */
export function startApi(databaseUrl: string, env: Record<string, string> = {}): Promise<Api> {
  const child = spawn(process.execPath, [...API_NODE_FLAGS, path.join(__dirname, '..', 'src', 'main.js')], {
    // Run as the Dockerfile runs it (NODE_ENV=production: graphql-js skips its development checks), other settings from our environment.
    env: {
      NODE_ENV: 'production',
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      SEED_SAMPLE: 'false',
      SCHEDULER_ENABLED: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    let url: string | undefined;
    child.stdout!.on('data', (chunk: Buffer) => {
      if (url) return;
      output += chunk.toString();
      url = /GraphQL API ready at (\S+)/.exec(output)?.[1];
      if (url) resolve({ url, process: child });
    });
    child.once('exit', (code) => reject(new Error(`the API exited with ${code} before it was ready:\n${output}`)));
  });
}

export async function stopApi(api: Api): Promise<void> {
  if (api.process.exitCode !== null || api.process.signalCode !== null) return;
  const exited = new Promise((resolve) => api.process.once('exit', resolve));
  api.process.kill('SIGTERM');
  await exited;
}

/** The resident set of a process (from /proc), in bytes. */
export function rssOf(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
}

/** CPU seconds a process has used (user + system, from /proc). */
export function cpuSecondsOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
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
    body: string | null,
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

  close(): void {
    this.agent.destroy();
  }
}

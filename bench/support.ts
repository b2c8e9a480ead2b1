import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { cliActor } from '../src/auth/actor';
import { createDataSource } from '../src/db/data-source';
import { startEmbeddedPostgres } from '../src/db/embedded';
import { collectFiles, importFiles } from '../src/import/batch';
import { Importer } from '../src/import/importer';
import { syntheticIssue } from './synthetic-archive';

/** What several benches share: a synthetic archive in a fresh database, the built API in a process of its own, figures. */

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
 * Writes the synthetic archive (`issueCount` issues) into `work` and imports it
 * into a fresh database: on BENCH_DATABASE_URL's server, or on an embedded one
 * in `work`. Returns that database's URL.
 */
export async function prepareDatabase(work: string, issueCount: number): Promise<{ url: string; stop: () => Promise<void> }> {
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
  const name = `newsletter_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl ?? embedded!.url);
  url.pathname = `/${name}`;
  const dataSource = createDataSource({ url: url.toString(), poolSize: 4 });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  const summary = await importFiles(new Importer(dataSource), collectFiles([archive]), { actor: cliActor(), concurrency: 4 });
  await dataSource.query('ANALYZE');
  await dataSource.destroy();
  console.log(`archive: ${summary.created} issues imported (${summary.failed.length} failed) in ${summary.seconds.toFixed(0)} s`);
  return {
    url: url.toString(),
    async stop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.destroy();
      await embedded?.stop();
    },
  };
}

export interface Api {
  url: string;
  process: ChildProcess;
}

/** Starts `node dist/src/main.js` on a free port over `databaseUrl`, with `env` over our environment; resolves with its GraphQL URL. */
export function startApi(databaseUrl: string, env: Record<string, string> = {}): Promise<Api> {
  const child = spawn(process.execPath, [path.join(__dirname, '..', 'src', 'main.js')], {
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

  /** Sends one request; the body is counted, and handed to `onChunk` when given. */
  request(method: 'GET' | 'POST', body: string | null, headers: Record<string, string>, search = '', onChunk?: (chunk: Buffer) => void): Promise<Posted> {
    return new Promise((resolve, reject) => {
      const request = http.request(
        {
          agent: this.agent,
          host: this.target.hostname,
          port: this.target.port,
          path: `${this.target.pathname}${search}`,
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

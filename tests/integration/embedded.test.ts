import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../../src/db/data-source';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { reachableBinaries, serverAccount } from '../../src/db/embedded-access';

const PROJECT = path.resolve(__dirname, '..', '..');

/**
 * Starts the server of an initialised `dataDir` from a separate node process (as the account
 * the embedded server runs as) and resolves with that process once the server is ready.
 */
function startInChild(dataDir: string, port: number) {
  const account = serverAccount();
  const postgres = path.join(reachableBinaries(account), 'bin', 'postgres');
  const script = `
    const { spawn } = require('node:child_process');
    const server = spawn(${JSON.stringify(postgres)}, ['-D', ${JSON.stringify(dataDir)}, '-p', '${port}'],
      { ...${JSON.stringify(account ?? {})}, env: { ...process.env, LC_MESSAGES: 'C' }, stdio: ['ignore', 'ignore', 'pipe'] });
    server.stderr.on('data', (chunk) => String(chunk).includes('ready to accept connections') && console.log('ready'));
    setInterval(() => {}, 1000);`;
  const child = spawn(process.execPath, ['-e', script], { cwd: PROJECT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise<typeof child>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve(child));
    child.on('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

async function canQuery(url: string): Promise<boolean> {
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  const [{ ok }] = await dataSource.query('SELECT 1 AS ok');
  await dataSource.destroy();
  return ok === 1;
}

describe('the embedded server', () => {
  let work: string;

  beforeEach(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-embedded-'));
    fs.chmodSync(work, 0o755);
  });

  afterEach(() => fs.rmSync(work, { recursive: true, force: true }));

  it('starts after a run that was killed, shutting down the orphaned server it left', async () => {
    const dataDir = path.join(work, 'pg');
    const port = 57000 + (process.pid % 500);
    await (await startEmbeddedPostgres({ dataDir, port })).stop();
    const child = await startInChild(dataDir, port);
    const orphanPid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    expect(() => process.kill(orphanPid, 0)).not.toThrow();

    const server = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await canQuery(server.url)).toBe(true);
      const pid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      expect(pid).not.toBe(orphanPid);
    } finally {
      await server.stop();
    }
  });

  it('starts over a stale postmaster.pid whose process is gone', async () => {
    const dataDir = path.join(work, 'pg');
    const port = 57500 + (process.pid % 500);
    const first = await startEmbeddedPostgres({ dataDir, port });
    await first.stop();
    fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), `999999\n${dataDir}\n0\n${port}\n`);
    const second = await startEmbeddedPostgres({ dataDir, port });
    try {
      expect(await canQuery(second.url)).toBe(true);
    } finally {
      await second.stop();
    }
  });
});

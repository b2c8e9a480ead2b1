import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PROJECT = path.resolve(__dirname, '..', '..');

/**
 * `npm start` end to end: the built server on a fresh embedded Postgres loads
 * the sample through the importer, answers, and stops cleanly on SIGTERM.
 */
describe('the server process', () => {
  let work: string;

  beforeAll(() => {
    execFileSync(process.execPath, [path.join(PROJECT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'], {
      cwd: PROJECT,
    });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-start-'));
    fs.chmodSync(work, 0o755);
  }, 120000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('starts on an embedded Postgres with the sample, then drains and exits 0 on SIGTERM', async () => {
    const dataDir = path.join(work, 'pg');
    const embeddedPort = 41000 + Math.floor(Math.random() * 2000);
    const child = spawn(process.execPath, ['dist/src/main.js'], {
      cwd: PROJECT,
      // production: Apollo's own signal handling differs under NODE_ENV=test, and the real one must not cut shutdown short.
      env: { ...process.env, NODE_ENV: 'production', PORT: '0', EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(embeddedPort), DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code, signal) => {
        output += `(exit code ${code}, signal ${signal})`;
        resolve(code);
      }),
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('GraphQL API ready')) resolve();
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      void exited.then(() => reject(new Error(`server exited early:\n${output}`)));
    });
    expect(output).toMatch(/loaded sample content: 4 issues/);

    const url = /GraphQL API ready at (\S+)/.exec(output)?.[1] ?? '';
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ issues { totalCount } newsletters { slug } }' }),
    });
    expect(((await response.json()) as any).data).toEqual({
      issues: { totalCount: 4 },
      newsletters: [{ slug: 'ai' }, { slug: 'devops' }],
    });

    const postgresPid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(() => process.kill(postgresPid, 0)).toThrow();
  }, 60000);
});

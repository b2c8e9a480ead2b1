// Each case spawns whole processes (the build, the server, the CLIs): on a loaded 2-core machine one can take minutes, so ceilings are wide.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../../src/db/data-source';
import { createTestDatabase } from '../support/harness';

async function onDatabase(url: string, sql: string) {
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  try {
    return await dataSource.query(sql);
  } finally {
    await dataSource.destroy();
  }
}

const PROJECT = path.resolve(__dirname, '..', '..');

/** The built entry points run as their own processes, as `npm start` and `npm run import` run them. */
describe('the built commands', () => {
  let work: string;

  beforeAll(() => {
    // What every command runs first: compiles only when a source changed since the last build.
    execFileSync(process.execPath, ['scripts/built.mjs'], { cwd: PROJECT });
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-start-'));
    fs.chmodSync(work, 0o755);
  }, 600000);

  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  it('commands do not compile again when no source changed', () => {
    const check = spawnSync(process.execPath, ['scripts/built.mjs'], { cwd: PROJECT, encoding: 'utf8' });
    expect(check.status).toBe(0);
    expect(check.stderr).not.toMatch(/built in/);
    expect(fs.existsSync(path.join(PROJECT, 'dist', '.built'))).toBe(true);
  });

  it('server: starts on an embedded Postgres with the sample, then drains and exits 0 on SIGTERM', async () => {
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
    expect(output).toMatch(/scheduler: publishing scheduled issues when due, checking every 5000 ms/);

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
  }, 300000);

  it('import: imports the good files, lists each failure, prints the summary and exits 1', async () => {
    const folder = path.join(work, 'issues');
    fs.mkdirSync(folder);
    fs.copyFileSync(path.join(PROJECT, 'tests', 'fixtures', 'issues', 'tldr-ai-2024-01-02.md'), path.join(folder, 'good.md'));
    fs.writeFileSync(path.join(folder, 'empty.md'), '');
    const database = await createTestDatabase();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['dist/src/cli/import.js', ...args], {
        cwd: PROJECT,
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: 'utf8',
      });
    try {
      const dryRun = run('--dry-run', folder);
      expect(dryRun.status).toBe(1);
      expect(dryRun.stdout).toMatch(/^1 would be created, 0 would be updated, 0 unchanged, 1 failed; \d+ links would be written in [\d.]+ s$/m);
      const first = run(folder);
      expect(first.status).toBe(1);
      expect(first.stderr).toContain(`failed: ${path.join(folder, 'empty.md')}: not a newsletter issue: the file is empty`);
      expect(first.stdout).toMatch(/^1 created, 0 updated, 0 unchanged, 1 failed; \d+ links written in [\d.]+ s$/m);
      const again = run(path.join(folder, 'good.md'));
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/^0 created, 0 updated, 1 unchanged, 0 failed; 0 links written/m);
      const missing = run(path.join(folder, 'nope.md'));
      expect(missing.status).toBe(2);
      expect(missing.stderr).toMatch(/no such file or folder: .*nope\.md/);
      const audit = await onDatabase(database.url, `SELECT actor_kind, actor_name, action FROM audit_entry`);
      expect(audit).toEqual([{ actor_kind: 'CLI', actor_name: `cli: cli/import.js ${path.basename(work)}/issues`, action: 'importIssue' }]);
    } finally {
      await database.drop();
    }
  }, 300000);

  it('retag: prints what it changed and audits it as the command line', async () => {
    const database = await createTestDatabase();
    const run = (script: string, ...args: string[]) =>
      spawnSync(process.execPath, [`dist/src/cli/${script}`, ...args], {
        cwd: PROJECT,
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: 'utf8',
      });
    try {
      expect(run('import.js', path.join(PROJECT, 'tests', 'fixtures', 'issues', 'tldr-ai-2024-01-02.md')).status).toBe(0);
      await onDatabase(database.url, 'DELETE FROM link_tag WHERE link_id = (SELECT min(link_id) FROM link_tag)');
      const retag = run('retag.js');
      expect(retag.status).toBe(0);
      expect(retag.stdout).toMatch(/^7 links checked, 1 retagged in 1 issue, 0 taxonomy tags created in [\d.]+ s$/m);
      expect(await onDatabase(database.url, `SELECT actor_kind, actor_name FROM audit_entry WHERE action = 'retag'`)).toEqual([
        { actor_kind: 'CLI', actor_name: 'cli: cli/retag.js' },
      ]);
      expect(run('retag.js').stdout).toMatch(/^7 links checked, 0 retagged in 0 issues, 0 taxonomy tags created/m);
    } finally {
      await database.drop();
    }
  }, 300000);

  it('keys: create prints the secret once, list never shows it, revoke stops it; bad usage exits 2', async () => {
    const database = await createTestDatabase();
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['dist/src/cli/keys.js', ...args], {
        cwd: PROJECT,
        env: { ...process.env, DATABASE_URL: database.url },
        encoding: 'utf8',
      });
    try {
      const created = run('create', '--role', 'editor', '--name', 'Night desk', '--expires', '90d');
      expect(created.status).toBe(0);
      const secret = /secret \(shown once, store it now\): (nlk_\S+)/.exec(created.stdout)?.[1];
      expect(secret).toBeDefined();
      expect(created.stdout).toMatch(/^created key 1 \(EDITOR, "Night desk", expires \d{4}-/m);
      const listed = run('list');
      expect(listed.status).toBe(0);
      expect(listed.stdout).toMatch(/^1 {2}EDITOR {2}active {2}nlk_\S{8}… {2}"Night desk"/m);
      expect(listed.stdout).not.toContain(secret!.slice(12));
      const revoked = run('revoke', '1');
      expect(revoked.status).toBe(0);
      expect(run('list').stdout).toMatch(/^1 {2}EDITOR {2}revoked/m);
      const audit = await onDatabase(database.url, `SELECT action, actor_kind, changes::text FROM audit_entry ORDER BY id`);
      expect(audit.map((row: { action: string }) => row.action)).toEqual(['createApiKey', 'revokeApiKey']);
      expect(audit.every((row: { actor_kind: string }) => row.actor_kind === 'CLI')).toBe(true);
      expect(JSON.stringify(audit)).not.toContain(secret!.slice(12));
      expect(run('create', '--role', 'owner', '--name', 'x').status).toBe(2);
      expect(run('create', '--role', 'admin').stderr).toMatch(/create needs --name/);
      expect(run('revoke', 'abc').status).toBe(2);
      const missing = run('revoke', '99');
      expect(missing.status).toBe(1);
      expect(missing.stderr.trim()).toBe('API key 99 does not exist.');

      await onDatabase(database.url, `INSERT INTO newsletter (slug, name) VALUES ('ai', 'AI'), ('devops', 'DevOps'); INSERT INTO tag (slug, name) VALUES ('security', 'Security')`);
      const scoped = run('create', '--role', 'partner', '--name', 'Feed', '--newsletters', 'ai,devops', '--tags', 'security');
      expect(scoped.status).toBe(0);
      expect(scoped.stdout).toMatch(/^created key 2 \(PARTNER, "Feed", expires -, scope: newsletters ai,devops; tags security\)$/m);
      expect(run('list').stdout).toMatch(/^2 {2}PARTNER {2}active .* {2}scope: newsletters ai,devops; tags security$/m);
      expect(run('scope', '2', '--tags', 'security').stdout.trim()).toBe('key 2 ("Feed") scope: tags security');
      expect(run('scope', '2').stdout.trim()).toBe('key 2 ("Feed") scope: all');
      const unknown = run('create', '--role', 'partner', '--name', 'x', '--newsletters', 'ai,nope');
      expect([unknown.status, unknown.stderr.trim()]).toEqual([1, 'No newsletter has the slug "nope".']);
      const editorScope = run('create', '--role', 'editor', '--name', 'x', '--tags', 'security');
      expect([editorScope.status, editorScope.stderr.trim()]).toEqual([1, 'Only PARTNER keys can be limited to a scope; this key is EDITOR.']);
      const scopeAudit = await onDatabase(database.url, `SELECT action FROM audit_entry WHERE entity_id = 2 ORDER BY id`);
      expect(scopeAudit.map((row: { action: string }) => row.action)).toEqual(['createApiKey', 'setApiKeyScope', 'setApiKeyScope']);
    } finally {
      await database.drop();
    }
  }, 300000);
});

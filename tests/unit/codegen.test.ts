import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.join(__dirname, '..', '..');
const GENERATED = path.join('web', 'generated', 'graphql.ts');
const INPUTS = ['codegen.ts', 'schema.graphql', path.join('examples', 'operations')];

let work: string;

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-codegen-'));
  for (const input of INPUTS) fs.cpSync(path.join(ROOT, input), path.join(work, input), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(work, 'node_modules'), 'dir');
});

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

it(`${GENERATED} is what \`npm run codegen\` makes of schema.graphql and examples/operations/ (run it after changing either)`, async () => {
  // Generated afresh in a copy of its inputs, so a stale committed file shows as a difference.
  const cli = path.join(ROOT, 'node_modules', '@graphql-codegen', 'cli', 'cjs', 'bin.js');
  await promisify(execFile)(process.execPath, [cli, '--config', 'codegen.ts'], { cwd: work });
  const fresh = fs.readFileSync(path.join(work, GENERATED), 'utf8');
  expect(fresh).toBe(fs.readFileSync(path.join(ROOT, GENERATED), 'utf8'));
}, 120000);

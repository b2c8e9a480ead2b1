// Compiles the project only when a source changed since the last build, so
// `npm start`, `npm run import` and the other commands start at once.
// Usage: node scripts/built.mjs [--force]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = path.join(root, 'dist', '.built');
// What the build reads (tsconfig.build.json includes src, migrations and bench; the reader is bundled from web/).
const INPUTS = ['src', 'migrations', 'bench', 'web', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestChange(entry) {
  let stat;
  try {
    stat = fs.statSync(entry);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, name)));
  return newest;
}

function builtAt() {
  try {
    return fs.statSync(STAMP).mtimeMs;
  } catch {
    return -1;
  }
}

// An install before the sources are there (a Docker layer that copies only the manifests) has nothing to build.
if (!fs.existsSync(path.join(root, 'src'))) process.exit(0);

const sourcesChanged = Math.max(...INPUTS.map((input) => newestChange(path.join(root, input))));
if (process.argv.includes('--force') || sourcesChanged >= builtAt()) {
  const startedAt = Date.now();
  const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // The reader (/read/), bundled by esbuild into dist/web/reader/.
  const reader = spawnSync(process.execPath, [path.join(root, 'dist', 'src', 'cli', 'build-reader.js')], { stdio: 'inherit' });
  if (reader.status !== 0) process.exit(reader.status ?? 1);
  fs.writeFileSync(STAMP, `${new Date(startedAt).toISOString()}\n`);
  // The stamp carries the time the build began, so an edit made during it still counts as newer.
  fs.utimesSync(STAMP, new Date(startedAt), new Date(startedAt));
  process.stderr.write(`built in ${((Date.now() - startedAt) / 1000).toFixed(1)} s\n`);
}

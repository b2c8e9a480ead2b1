import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { freePort, workFolder } from './archive-database';
import { API_NODE_FLAGS, loadAverage, median, runBench, stopProcess } from './support';

/**
 * `npm run bench:cold-start`: time from launching the built server
 * (`node dist/src/main.js`, no compile step) to its first 200 from /readyz,
 * on a fresh embedded data folder (initdb, migrations, the sample) and again
 * on the folder that run left (an existing one). Several runs; medians.
 * `--main path/to/main.js` (repeatable) times other builds too, run by run in
 * turn with this one, so a comparison sees the same machine load.
 */

const MAIN = path.resolve(__dirname, '..', 'src', 'main.js');
const POLL_MS = 10;

/** One GET of /readyz with node:http (far lighter than fetch, so the probe takes little CPU from the server it waits for). */
function ready(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 2000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode === 200));
    });
    request.on('error', () => resolve(false));
    request.on('timeout', () => request.destroy());
  });
}

/** Launches the server on `dataDir` and returns the milliseconds to its first 200 from /readyz. */
async function coldStart(main: string, dataDir: string, output: string[]): Promise<number> {
  const [port, pgPort] = [await freePort(), await freePort()];
  const url = `http://127.0.0.1:${port}/readyz`;
  const started = performance.now();
  const child = spawn(process.execPath, [...API_NODE_FLAGS, main], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(pgPort), DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${output.join('')}`);
      if (await ready(url)) return performance.now() - started;
      if (performance.now() - started > 120_000) throw new Error(`not ready after 120 s:\n${output.join('')}`);
      await sleep(POLL_MS);
    }
  } finally {
    await stopProcess(child);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { runs: { type: 'string', default: '5' }, verbose: { type: 'boolean', default: false }, main: { type: 'string', multiple: true, default: [] } },
  });
  const runs = Number(values.runs);
  const builds = [MAIN, ...values.main.map((file) => path.resolve(file))];
  for (const build of builds) if (!fs.existsSync(build)) throw new Error(`${build} is missing: build it first`);
  const work = workFolder('cold-start');
  const times = builds.map(() => ({ fresh: [] as number[], existing: [] as number[] }));
  try {
    for (let run = 1; run <= runs; run += 1) {
      for (const [index, build] of builds.entries()) {
        const dataDir = path.join(work, `pg-${run}-${index}`);
        const output: string[] = [];
        const fresh = await coldStart(build, dataDir, output);
        const existing = await coldStart(build, dataDir, output);
        if (values.verbose) process.stdout.write(output.join(''));
        times[index].fresh.push(fresh);
        times[index].existing.push(existing);
        const name = builds.length > 1 ? ` ${build}` : '';
        console.log(`run ${run}${name}: fresh folder ${(fresh / 1000).toFixed(3)} s, existing folder ${(existing / 1000).toFixed(3)} s (load average ${loadAverage()})`);
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  for (const [index, build] of builds.entries()) {
    const { fresh, existing } = times[index];
    console.log(`median of ${runs}${builds.length > 1 ? ` for ${build}` : ''}: fresh folder ${(median(fresh) / 1000).toFixed(3)} s (goal 3 s), ` +
      `existing folder ${(median(existing) / 1000).toFixed(3)} s (goal 1.5 s)`);
  }
}

runBench(main);

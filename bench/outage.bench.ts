import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { EmbeddedServer, startEmbeddedPostgres } from '../src/db/embedded';
import { loadSampleIfEmpty } from '../src/import/sample';
import { createServer } from '../src/server';
import { databaseUrl, freePort, workFolder } from './archive-database';
import { median, runBench } from './support';

/**
 * `npm run bench:outage`: how long after the database comes back the API
 * answers 200 again. A fresh embedded server with the sample content, the API
 * with the configured timeouts, and closed-loop clients sending a light query;
 * each cycle stops Postgres, waits until the API refuses with 503, keeps it down
 * a while (--down-ms), starts it again and times the first 200 after Postgres
 * says it is ready to accept connections.
 */

const QUERY = JSON.stringify({ query: '{ newsletters { slug } issues(first: 5) { edges { node { date headline } } } }' });

async function until(test: () => boolean, what: string, ceilingMs = 60000): Promise<void> {
  const deadline = Date.now() + ceilingMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await sleep(5);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { cycles: { type: 'string', default: '5' }, clients: { type: 'string', default: '4' }, 'down-ms': { type: 'string', default: '2000' } },
  });
  const config = loadConfig();
  const work = workFolder('outage-bench');
  const dataDir = path.join(work, 'pg');
  const port = await freePort();
  let embedded: EmbeddedServer = await startEmbeddedPostgres({ dataDir, port });
  const admin = createDataSource({ url: embedded.url, poolSize: 1 });
  await admin.initialize();
  await admin.query('CREATE DATABASE newsletter_outage_bench');
  await admin.destroy();
  const url = databaseUrl(embedded.url, 'newsletter_outage_bench');
  const migrator = createDataSource({ url, poolSize: 1 });
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await loadSampleIfEmpty(migrator);
  await migrator.destroy();

  const dataSource = createDataSource({ url, poolSize: config.dbPoolSize, timeouts: config });
  await dataSource.initialize();
  const app = await createServer(dataSource, config);
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  console.log(`database: embedded Postgres on port ${port} (${dataDir}); API: ${endpoint}`);
  console.log(`timeouts: statement ${config.dbStatementTimeoutMs} ms, pool acquire ${config.dbPoolAcquireTimeoutMs} ms, pool of ${config.dbPoolSize}`);

  let running = true;
  let lastOk = 0;
  let lastRefused = 0;
  const tally = new Map<string, number>();
  const clients = Array.from({ length: Number(values.clients) }, async () => {
    while (running) {
      let label: string;
      try {
        const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: QUERY });
        const body = (await response.json()) as { errors?: Array<{ extensions?: { code?: string } }> };
        label = `${response.status} ${body.errors?.[0]?.extensions?.code ?? 'OK'}`;
        if (response.status === 200 && !body.errors) lastOk = Date.now();
        if (response.status === 503) lastRefused = Date.now();
      } catch (error) {
        label = `no answer: ${(error as Error).message}`;
      }
      tally.set(label, (tally.get(label) ?? 0) + 1);
      if (!label.startsWith('200')) await sleep(10);
    }
  });

  const recoveries: number[] = [];
  for (let cycle = 1; cycle <= Number(values.cycles); cycle += 1) {
    // A second of normal service first, so that the API has told the log the last outage is over.
    await sleep(1000);
    const before = Date.now();
    await until(() => lastOk > before, 'answers before the outage');
    await embedded.stop();
    const stoppedAt = Date.now();
    await until(() => lastRefused > stoppedAt, 'a 503 during the outage');
    await sleep(Number(values['down-ms']));
    embedded = await startEmbeddedPostgres({ dataDir, port });
    const backAt = Date.now();
    await until(() => lastOk > backAt, 'an answer after the restart');
    const seconds = (lastOk - backAt) / 1000;
    recoveries.push(seconds);
    console.log(`cycle ${cycle}: down ${((backAt - stoppedAt) / 1000).toFixed(1)} s, first 200 ${seconds.toFixed(3)} s after Postgres was ready`);
  }
  running = false;
  await Promise.all(clients);

  console.log(`answers: ${[...tally].map(([label, n]) => `${label} ×${n}`).join(', ')}`);
  console.log(
    `recovery after the database is back: median ${median(recoveries).toFixed(3)} s over ${recoveries.length} cycles ` +
      `(min ${Math.min(...recoveries).toFixed(3)} s, max ${Math.max(...recoveries).toFixed(3)} s); target under 5 s`,
  );

  await app.apollo.stop();
  await dataSource.destroy();
  await embedded.stop();
  fs.rmSync(work, { recursive: true, force: true });
}

runBench(main);

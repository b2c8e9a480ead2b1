import type { Pool } from 'pg';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { createDataSource } from '../../../src/db/data-source';
import { Factory } from '../../support/factories';
import { eventually, OwnPostgres, startApp, TestApp } from '../../support/own-postgres';

/**
 * The database stopped and started again under load, on a Postgres server of
 * this file's own: clients get 503 SERVICE_UNAVAILABLE with Retry-After
 * meanwhile (never a 500), the log says so once, and the API answers again
 * soon after the database is back.
 */
let pg: OwnPostgres;
let app: TestApp;

const QUERY = '{ newsletters { slug } issues(first: 5) { totalCount edges { node { date } } } }';

interface Outcome {
  status: number;
  code: string | null;
  retryAfter: string | null;
  at: number;
}

beforeAll(async () => {
  pg = await OwnPostgres.start();
  const url = await pg.createDatabase('newsletter');
  const seeder = createDataSource({ url, poolSize: 1 });
  await seeder.initialize();
  const factory = new Factory(seeder);
  const ai = await factory.newsletter('ai');
  for (const date of ['2025-03-10', '2025-03-11', '2025-03-12']) await factory.issue(ai, { date });
  await seeder.destroy();
  app = await startApp(url, {
    poolSize: 4,
    timeouts: { dbStatementTimeoutMs: 5000, dbLockTimeoutMs: 2000, dbIdleInTransactionTimeoutMs: 10000, dbPoolAcquireTimeoutMs: 2000 },
  });
}, 120000);

afterAll(async () => {
  await app?.close();
  await pg?.destroy();
});

it('answers 503 SERVICE_UNAVAILABLE while the database is down, logs the outage once, and answers again once it is back', async () => {
  const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const logs = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  const outcomes: Outcome[] = [];
  let running = true;
  // Four clients, each sending its next request as soon as the last is answered.
  const clients = Array.from({ length: 4 }, async () => {
    while (running) {
      const response = await fetch(`${app.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: QUERY }),
      });
      const body: any = await response.json();
      outcomes.push({ status: response.status, code: body.errors?.[0]?.extensions?.code ?? null, retryAfter: response.headers.get('retry-after'), at: Date.now() });
    }
  });
  const count = (test: (outcome: Outcome) => boolean, since = 0) => outcomes.filter((o) => o.at >= since && test(o)).length;
  const refused = (o: Outcome) => o.status === 503 && o.code === 'SERVICE_UNAVAILABLE';
  try {
    await eventually(async () => (count((o) => o.status === 200) >= 20 ? true : undefined), '20 answers before the outage');

    await pg.stop();
    const stoppedAt = Date.now();
    await eventually(async () => (count(refused, stoppedAt) >= 20 ? true : undefined), '20 refusals during the outage');
    expect((await fetch(`${app.base}/healthz`)).status).toBe(200);
    const readiness = await fetch(`${app.base}/readyz`);
    expect(readiness.status).toBe(503);
    expect(((await readiness.json()) as any).checks.database).toEqual({ ok: false, error: 'unreachable' });

    await pg.restart();
    const backAt = Date.now();
    const answeredAt = await eventually(async () => outcomes.find((o) => o.at > backAt && o.status === 200)?.at, 'an answer after the restart', 15000);
    expect(answeredAt - backAt).toBeLessThan(15000);
    // The pool holds no dead connection: every client is answered again.
    await eventually(async () => (count((o) => o.status === 200, answeredAt) >= 20 ? true : undefined), '20 answers after the restart');
    // Ready again (polled: with four clients hammering a small pool, one probe may find requests queuing).
    await eventually(async () => ((await fetch(`${app.base}/readyz`)).status === 200 ? true : undefined), '/readyz ready again');

    const summary = await eventually(
      async () => logs.mock.calls.map(([line]) => String(line)).find((line) => line.startsWith('database unreachable for')),
      'the end of the outage in the log',
    );
    expect(summary).toMatch(/^database unreachable for \d+\.\d s, [\d,]+ requests? refused$/);
    running = false;
    await Promise.all(clients);

    // Every answer was a result or a 503 with a code and Retry-After: no 500, no unexpected error, nothing masked.
    const others = outcomes.filter((o) => o.status !== 200 && !(o.status === 503 && o.retryAfter === '2' && ['SERVICE_UNAVAILABLE', 'DATABASE_BUSY'].includes(o.code ?? '')));
    expect(others).toEqual([]);
    const logged = errors.mock.calls.map(([line]) => String(line));
    expect(logged.filter((line) => line.startsWith('database unreachable ('))).toHaveLength(1);
    expect(logged.filter((line) => !line.startsWith('database unreachable ('))).toEqual([]);
    const reported = Number(/, ([\d,]+) requests? refused/.exec(summary)![1].replace(/,/g, ''));
    expect(reported).toBeGreaterThan(0);
    expect(reported).toBeLessThanOrEqual(count(refused));
  } catch (error) {
    // Say what the clients got, to tell a slow machine from a wrong answer.
    const tally: Record<string, number> = {};
    for (const { status, code } of outcomes) tally[`${status} ${code}`] = (tally[`${status} ${code}`] ?? 0) + 1;
    throw new Error(`${(error as Error).message}; answers so far: ${JSON.stringify(tally)}`, { cause: error });
  } finally {
    running = false;
    await Promise.allSettled(clients);
    errors.mockRestore();
    logs.mockRestore();
  }
}, 120000);

it('keeps an error listener on every pooled connection while it is handed out', async () => {
  // Without one, a server that ends a connection as it opens (a restart) raises an unhandled error and ends the process.
  const pool = (app.dataSource.driver as PostgresDriver).master as Pool;
  const client = await pool.connect();
  try {
    expect(client.listenerCount('error')).toBeGreaterThan(0);
  } finally {
    client.release();
  }
});

import { createDataSource } from '../../../src/db/data-source';
import { Factory } from '../../support/factories';
import { eventually, OwnPostgres, startApp, TestApp } from '../../support/own-postgres';

/**
 * Timeouts on a Postgres server of this file's own: a lock held longer than
 * the lock timeout, a statement longer than the statement timeout, a pool with
 * no free connection, a request past its deadline. Each is answered at once
 * with its own code, 503 and Retry-After, and never with SQL text.
 */
let pg: OwnPostgres;
/** A database as it should be. */
let quick: string;
/** The same, except that reading `newsletter` sleeps a minute (a view over the real table). */
let slow: string;

const NEWSLETTERS = '{ newsletters { slug } }';

async function seed(url: string, sleepy: boolean): Promise<void> {
  const dataSource = createDataSource({ url, poolSize: 1 });
  await dataSource.initialize();
  const factory = new Factory(dataSource);
  await factory.issue(await factory.newsletter('ai'), { date: '2025-03-13' });
  if (sleepy) {
    await dataSource.query('ALTER TABLE newsletter RENAME TO newsletter_stored');
    await dataSource.query('CREATE VIEW newsletter AS SELECT s.* FROM newsletter_stored s CROSS JOIN (SELECT pg_sleep(60)) AS pause');
  }
  await dataSource.destroy();
}

/** Cancels the statements that sleep in the slow database; returns how many there were. */
async function wakeSleepers(): Promise<number> {
  const admin = createDataSource({ url: pg.url('postgres'), poolSize: 1 });
  await admin.initialize();
  try {
    const rows = await admin.query(
      `SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = 'slow' AND wait_event = 'PgSleep'`,
    );
    return rows.length;
  } finally {
    await admin.destroy();
  }
}

async function sleepers(): Promise<number> {
  const admin = createDataSource({ url: pg.url('postgres'), poolSize: 1 });
  await admin.initialize();
  try {
    const [{ n }] = await admin.query(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = 'slow' AND wait_event = 'PgSleep'`);
    return n;
  } finally {
    await admin.destroy();
  }
}

function expectTransient(response: { status: number; headers: Headers; body: any }, code: string): void {
  expect(response.status).toBe(503);
  expect(response.headers.get('retry-after')).toBe('2');
  expect(response.body.errors.map((error: any) => error.extensions.code)).toEqual([code]);
  expect(JSON.stringify(response.body)).not.toMatch(/SELECT|newsletter_stored|pg_sleep|stacktrace|at .*\.js/);
}

const TIMEOUTS = { dbStatementTimeoutMs: 60000, dbLockTimeoutMs: 0, dbIdleInTransactionTimeoutMs: 10000, dbPoolAcquireTimeoutMs: 5000 };

beforeAll(async () => {
  pg = await OwnPostgres.start();
  quick = await pg.createDatabase('quick');
  slow = await pg.createDatabase('slow');
  await seed(quick, false);
  await seed(slow, true);
}, 120000);

afterAll(() => pg?.destroy());

let app: TestApp | null = null;

afterEach(async () => {
  await wakeSleepers();
  await app?.close();
  app = null;
});

it('answers LOCK_TIMEOUT, without waiting, while a transaction holds a lock longer than the lock timeout', async () => {
  app = await startApp(quick, { timeouts: { ...TIMEOUTS, dbLockTimeoutMs: 300 } });
  const locker = createDataSource({ url: quick, poolSize: 1 });
  await locker.initialize();
  const runner = locker.createQueryRunner();
  await runner.startTransaction();
  try {
    await runner.query('LOCK TABLE newsletter IN ACCESS EXCLUSIVE MODE');
    expectTransient(await app.post(NEWSLETTERS), 'LOCK_TIMEOUT');
  } finally {
    await runner.rollbackTransaction();
    await runner.release();
    await locker.destroy();
  }
  const after = await app.post(NEWSLETTERS);
  expect(after.status).toBe(200);
  expect(after.body.data).toEqual({ newsletters: [{ slug: 'ai' }] });
});

it('answers STATEMENT_TIMEOUT for a statement longer than the statement timeout', async () => {
  app = await startApp(slow, { timeouts: { ...TIMEOUTS, dbStatementTimeoutMs: 300 } });
  expectTransient(await app.post(NEWSLETTERS), 'STATEMENT_TIMEOUT');
  expect(await sleepers()).toBe(0);
});

it('answers DATABASE_BUSY when no pooled connection frees up in time; /readyz says the pool is saturated', async () => {
  app = await startApp(slow, { poolSize: 1, timeouts: { ...TIMEOUTS, dbPoolAcquireTimeoutMs: 3000 } });
  const first = app.post(NEWSLETTERS);
  await eventually(async () => ((await sleepers()) === 1 ? true : undefined), 'the first request to hold the only connection');
  const second = app.post(NEWSLETTERS);
  const base = app.base;
  const readiness = await eventually(async () => {
    const response = await fetch(`${base}/readyz`);
    const body: any = await response.json();
    return body.checks.pool.ok ? undefined : { status: response.status, body };
  }, 'the pool to report a request waiting');
  expect(readiness.status).toBe(503);
  expect(readiness.body).toMatchObject({ status: 'unavailable', checks: { database: { ok: true }, pool: { ok: false, size: 1, waiting: 1 } } });
  expectTransient(await second, 'DATABASE_BUSY');
  expect(await wakeSleepers()).toBe(1);
  // A cancelled statement reads as a statement stopped for taking too long (same SQLSTATE, 57014).
  expectTransient(await first, 'STATEMENT_TIMEOUT');
});

it('answers EXECUTION_TIMEOUT when the request passes its deadline, while the statement still runs', async () => {
  app = await startApp(slow, { timeouts: TIMEOUTS, config: { requestDeadlineMs: 500 } });
  const started = Date.now();
  const response = await app.post(NEWSLETTERS);
  expectTransient(response, 'EXECUTION_TIMEOUT');
  expect(response.body.errors[0].message).toMatch(/longer than 500 ms/);
  // The statement (a minute long) was still running when the answer came: the deadline, not the database, decided.
  expect(await sleepers()).toBe(1);
  expect(Date.now() - started).toBeLessThan(60000);
});

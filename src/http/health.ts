import type express from 'express';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { allowMethods } from './request-guards';

/** Longest a readiness check waits for the database. */
const CHECK_TIMEOUT_MS = 2000;

interface Check {
  ok: boolean;
  [detail: string]: unknown;
}

/** Connects afresh (not through the pool, which may be saturated) and lists the migrations the database holds. */
async function databaseChecks(dataSource: DataSource): Promise<{ database: Check; migrations: Check }> {
  const { url } = dataSource.options as { url?: string };
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: CHECK_TIMEOUT_MS,
    statement_timeout: CHECK_TIMEOUT_MS,
    application_name: 'newsletter-api readiness',
  });
  client.on('error', () => undefined);
  const started = Date.now();
  let applied: Set<string>;
  try {
    await client.connect();
    const rows = (await client.query<{ name: string }>('SELECT name FROM migrations')).rows;
    applied = new Set(rows.map((row) => row.name));
  } catch {
    return { database: { ok: false, error: 'unreachable' }, migrations: { ok: false, error: 'unknown while the database is unreachable' } };
  } finally {
    void client.end().catch(() => undefined);
  }
  const pending = dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name).filter((name) => !applied.has(name));
  return { database: { ok: true, ms: Date.now() - started }, migrations: { ok: pending.length === 0, pending } };
}

/** The pool is saturated when requests are queuing for a connection. */
function poolCheck(dataSource: DataSource): Check {
  const pool = (dataSource.driver as PostgresDriver).master as pg.Pool | undefined;
  if (!pool) return { ok: false, error: 'closed' };
  const { totalCount: open, idleCount: idle, waitingCount: waiting } = pool;
  return { ok: waiting === 0, size: pool.options.max, open, idle, waiting };
}

/**
 * `/healthz`: the process is alive (no database call, so an outage does not get it restarted).
 * `/readyz`: it can serve: database reachable, migrations applied, pool not saturated; 503 otherwise.
 */
export function mountHealth(app: express.Express, dataSource: DataSource, retryAfterS: number): void {
  app.all('/healthz', allowMethods('GET'), (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.all('/readyz', allowMethods('GET'), async (_req, res) => {
    const checks = { ...(await databaseChecks(dataSource)), pool: poolCheck(dataSource) };
    const ready = Object.values(checks).every((check) => check.ok);
    if (!ready) res.status(503).set('retry-after', String(retryAfterS));
    res.json({ status: ready ? 'ready' : 'unavailable', checks });
  });
}

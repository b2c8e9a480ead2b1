import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import type pg from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { checkDeadline } from '../common/deadline';
import { asTransientError } from '../common/format-error';
import { Gather, JsonRows } from './gather';
import type { Row } from './hydrate';

/**
 * Most distinct statements one process names. A name is prepared once per
 * pooled connection and kept for its life, so filters whose SQL varies with
 * the input (a tag list of any length) must not add names forever: past the
 * cap, statements run unnamed.
 */
export const MAX_NAMED_STATEMENTS = 500;

const names = new Map<string, string>();

/** The statement's name: the same text always gets the same name, as pg requires. */
function nameOf(sql: string): string | undefined {
  let name = names.get(sql);
  if (name === undefined && names.size < MAX_NAMED_STATEMENTS) {
    name = `r${createHash('sha1').update(sql).digest('base64url').slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * Runs a read as a named (prepared) statement on a pooled connection:
 * Postgres parses it once per connection instead of on every request, and
 * rows come back as plain objects. Like every statement of the server it is
 * logged (the tests count statements), sends nothing past the request's
 * deadline, and reports a database that is down, busy or slow by its code.
 */
async function runStatement(dataSource: DataSource, sql: string, params: unknown[]): Promise<Row[]> {
  checkDeadline();
  dataSource.logger.logQuery(sql, params);
  const pool = (dataSource.driver as PostgresDriver).master as pg.Pool;
  let client: pg.PoolClient | undefined;
  try {
    client = await pool.connect();
    const result = await client.query({ name: nameOf(sql), text: sql, values: params });
    return result.rows as Row[];
  } catch (error) {
    const failure = error instanceof Error && 'code' in error ? new QueryFailedError(sql, params, error) : error;
    throw asTransientError(failure) ?? failure;
  } finally {
    client?.release();
  }
}

const gathers = new AsyncLocalStorage<Gather>();

/** Runs `work` (a read ahead of one request) so that the reads it starts in the same turn go out as one statement (gather.ts). */
export function gathering<T>(work: () => T): T {
  return gathers.run(new Gather(runStatement), work);
}

/**
 * Reads rows: as a statement of its own (`runStatement`) or, given `json` (how
 * its rows decode from JSON) inside `gathering`, as a part of the statement
 * its turn sends, which checks the deadline once for all its parts.
 */
export function readRows<T = Row>(dataSource: DataSource, sql: string, params: unknown[], json?: JsonRows | null): Promise<T[]> {
  const gather = json ? gathers.getStore() : undefined;
  return (gather && json ? gather.read(dataSource, sql, params, json) : runStatement(dataSource, sql, params)) as Promise<T[]>;
}

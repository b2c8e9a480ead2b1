import pg from 'pg';
import { DataSource, DataSourceOptions, Logger, ObjectLiteral, QueryRunner } from 'typeorm';
import { checkDeadline } from '../common/deadline';
import { asTransientError } from '../common/format-error';
import type { TimeoutSettings } from '../config';
import { ApiKey } from '../modules/api-key/api-key.entity';
import { FeedToken } from '../modules/feed/feed-token.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { CategoryAlias } from '../modules/category/category-alias.entity';
import { Category } from '../modules/category/category.entity';
import { Issue } from '../modules/issue/issue.entity';
import { Link } from '../modules/link/link.entity';
import { Newsletter } from '../modules/newsletter/newsletter.entity';
import { Section } from '../modules/section/section.entity';
import { SponsorPlacement } from '../modules/sponsor/sponsor-placement.entity';
import { SponsorRetirement } from '../modules/sponsor/sponsor-retirement.entity';
import { Sponsor } from '../modules/sponsor/sponsor.entity';
import { LinkTagOverride } from '../modules/tag/link-tag-override.entity';
import { LinkTag } from '../modules/tag/link-tag.entity';
import { TagAlias } from '../modules/tag/tag-alias.entity';
import { Tag } from '../modules/tag/tag.entity';
import { MIGRATIONS } from '../../migrations';
import { countStatement } from '../observability/request-record';

// Calendar days stay strings ("2025-03-13"); a Date would shift with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// Counts come back as bigint strings; they fit comfortably in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export const ENTITIES = [
  Newsletter, Issue, Section, Category, CategoryAlias, Link, Tag, LinkTag, LinkTagOverride, TagAlias, Sponsor, SponsorPlacement,
  SponsorRetirement, ApiKey, AuditEntry, FeedToken,
];

export type DatabaseTimeouts = Pick<
  TimeoutSettings,
  'dbStatementTimeoutMs' | 'dbLockTimeoutMs' | 'dbIdleInTransactionTimeoutMs' | 'dbPoolAcquireTimeoutMs'
>;

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  logger?: Logger;
  /** The server's timeouts, set on every connection it opens; the CLI and migrations run without them. */
  timeouts?: DatabaseTimeouts;
}

/**
 * A DataSource that sends nothing more to Postgres for a request past its
 * deadline (src/common/deadline.ts), and that codes a database that is down,
 * busy or slow where it is met (src/common/format-error.ts).
 */
class AppDataSource extends DataSource {
  override async query<T = unknown>(query: string, parameters?: unknown[] | ObjectLiteral, queryRunner?: QueryRunner): Promise<T> {
    checkDeadline();
    try {
      return await super.query<T>(query, parameters, queryRunner);
    } catch (error) {
      throw asTransientError(error) ?? error;
    }
  }
}

/** Connection parameters (sent at startup, so they hold for every statement of the session) and the pool's wait. */
function timeoutOptions(timeouts: DatabaseTimeouts | undefined) {
  if (!timeouts) return {};
  return {
    statement_timeout: timeouts.dbStatementTimeoutMs,
    lock_timeout: timeouts.dbLockTimeoutMs,
    idle_in_transaction_session_timeout: timeouts.dbIdleInTransactionTimeoutMs,
    connectionTimeoutMillis: timeouts.dbPoolAcquireTimeoutMs,
  };
}

/**
 * Every pooled connection keeps an error listener for its whole life: a
 * server that shuts down as a connection opens can send its FATAL message in
 * the same read as the connection's "ready", after the pool has handed the
 * connection out but before TypeORM listens to it, and an unheard error event
 * ends the process. The failure still reaches the query that uses the connection.
 */
function listenForErrors(client: pg.ClientBase): void {
  client.on('error', () => undefined);
}

/** Every statement a pooled connection sends is counted against the request it serves (observability/request-record.ts). */
function countStatements(client: pg.ClientBase): void {
  const send = client.query;
  client.query = function (this: pg.ClientBase, ...args: Parameters<typeof send>) {
    countStatement();
    return (send as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof send;
}

function onConnect(client: pg.ClientBase): void {
  listenForErrors(client);
  countStatements(client);
}

/** The one DataSource definition used by the server, the CLI and the tests. */
export function createDataSource({ url, poolSize = 10, logger, timeouts }: DataSourceSettings): DataSource {
  const options: DataSourceOptions = {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize,
    logger,
    logging: logger ? ['query'] : false,
    extra: { application_name: 'newsletter-api', onConnect, ...timeoutOptions(timeouts) },
  };
  return new AppDataSource(options);
}

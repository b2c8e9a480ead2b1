import type pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { outsideAnyRequest } from '../observability/request-record';

/** Longest a read of the horizon is trusted when no write has been heard (writes of other processes may not be). */
const MAX_AGE_MS = 10_000;

/**
 * When the next scheduled issue goes out. A cached answer must not outlive it
 * (the issue would appear late), so the server's cache and HTTP caches are
 * told to keep answers no longer. Read at most once per write and per ten seconds.
 */
export class PublicationHorizon {
  private memo: { at: number; next: Promise<number | null> } | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Forgets what was read: a write may have scheduled, moved or published an issue. */
  reset(): void {
    this.memo = null;
  }

  /** The earliest `publish_at` of a scheduled issue (ms since the epoch), possibly past and not yet published; null when none. */
  next(): Promise<number | null> {
    const now = this.clock();
    if (this.memo && now - this.memo.at < MAX_AGE_MS) return this.memo.next;
    const memo = { at: now, next: this.read() };
    this.memo = memo;
    memo.next.catch(() => {
      if (this.memo === memo) this.memo = null;
    });
    return memo.next;
  }

  /** Straight on the pool and outside the request that happens to need it first: it is upkeep shared by many requests. */
  private async read(): Promise<number | null> {
    const pool = (this.dataSource.driver as PostgresDriver).master as pg.Pool;
    const { rows } = await outsideAnyRequest(() =>
      pool.query<{ at: number | null }>(`SELECT (extract(epoch FROM min(publish_at)) * 1000)::float8 AS at FROM issue WHERE status = 'SCHEDULED'`),
    );
    return rows[0]?.at ?? null;
  }
}

import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/**
 * How writes of content reach the caches that hold answers built from it.
 * Every writer (runEdit in src/editing/edit.ts, which mutations, the scheduler
 * and retag use; the importer, which the importIssue mutation and the import
 * command use; retag's canonical-URL pass in modules/link/link-canonical.ts)
 * calls `announceWrite` in its transaction (or right after a
 * write made without one) and awaits `contentWritten` after the commit and
 * before answering. The first is a Postgres NOTIFY, delivered on commit to
 * every other process or pool (src/cache/write-listener.ts); the second purges this
 * process's caches at once.
 */
export const WRITES_CHANNEL = 'newsletter_content_written';

const origins = new WeakMap<DataSource, string>();

/**
 * A pool's name in its notifications, so the listener beside it can skip its
 * own (they purged already); two pools in one process are two writers.
 */
export function originOf(dataSource: DataSource): string {
  let origin = origins.get(dataSource);
  if (!origin) origins.set(dataSource, (origin = randomUUID()));
  return origin;
}

type WriteListener = () => Promise<void>;

const listeners = new WeakMap<DataSource, Set<WriteListener>>();

/** Calls `listener` after every write of content made through `dataSource` in this process; returns the unsubscribe. */
export function onContentWritten(dataSource: DataSource, listener: WriteListener): () => void {
  let set = listeners.get(dataSource);
  if (!set) listeners.set(dataSource, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** Tells this process's caches that content changed; resolves once each has purged. */
export async function contentWritten(dataSource: DataSource): Promise<void> {
  const set = listeners.get(dataSource);
  if (set) await Promise.all([...set].map((listener) => listener()));
}

/** The statement that tells other processes: inside a transaction it is delivered on commit, and not at all on rollback. */
export const ANNOUNCE_SQL = `SELECT pg_notify('${WRITES_CHANNEL}', $1)`;

/** Runs ANNOUNCE_SQL for a write through `dataSource`, with `query` (its transaction's, or the pool's after a write made without one). */
export async function announceWrite(dataSource: DataSource, query: (sql: string, params: unknown[]) => Promise<unknown>): Promise<void> {
  await query(ANNOUNCE_SQL, [originOf(dataSource)]);
}

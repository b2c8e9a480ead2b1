import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { announceWrite, contentWritten } from '../cache/content-writes';
import { ConflictError, NotFoundError } from '../common/errors';
import { appendAudit, AuditRecord } from '../modules/audit/audit.service';

/**
 * One editorial write in progress: its transaction, its actor, the issues it
 * has touched (each bumped once) and the audit entries it will commit with.
 */
export class Edit {
  private readonly versions = new Map<number, number>();
  private readonly records: AuditRecord[] = [];

  constructor(
    readonly manager: EntityManager,
    readonly actor: Actor,
  ) {}

  /** Rows of any statement, RETURNING rows of UPDATE and DELETE included (TypeORM's plain `query` pairs those with a count). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- raw rows; callers name the type when they care
  async query<T = Record<string, any>>(sql: string, params: unknown[] = []): Promise<T[]> {
    const result = await this.manager.queryRunner!.query(sql, params, true);
    return result.records as T[];
  }

  /**
   * Bumps the issue's version once per edit, after checking it is still the
   * one the editor saw (`expectedVersion`; omitted only by bulk writes that
   * take none). The row lock taken here serialises concurrent edits of one
   * issue: the second waits, then finds the version moved and gets CONFLICT.
   */
  async touchIssue(issueId: number, expectedVersion?: number): Promise<number> {
    const known = this.versions.get(issueId);
    if (known !== undefined) return known;
    const params: unknown[] = [issueId];
    const check = expectedVersion === undefined ? '' : ` AND version = $${params.push(expectedVersion)}`;
    const [row] = await this.query<{ version: number }>(
      `UPDATE issue SET version = version + 1, updated_at = now() WHERE id = $1${check} RETURNING version`,
      params,
    );
    if (!row) {
      const [current] = await this.query<{ version: number }>('SELECT version FROM issue WHERE id = $1', [issueId]);
      if (!current) throw new NotFoundError('Issue', issueId, 'issueId');
      throw new ConflictError(issueId, expectedVersion as number, current.version);
    }
    this.versions.set(issueId, row.version);
    return row.version;
  }

  /**
   * Bumps many issues once each in one statement, for bulk writes that take no
   * expected version (merges, retag). Rows are locked in id order, the order
   * every bulk write uses, so two bulk writes cannot deadlock on each other.
   */
  async touchIssues(issueIds: readonly number[]): Promise<void> {
    const pending = [...new Set(issueIds)].filter((id) => !this.versions.has(id));
    if (!pending.length) return;
    const rows = await this.query<{ id: number; version: number }>(
      `UPDATE issue SET version = version + 1, updated_at = now()
        WHERE id IN (SELECT id FROM issue WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE)
        RETURNING id, version`,
      [pending],
    );
    for (const row of rows) this.versions.set(row.id, row.version);
  }

  /** True once the edit has changed something: every write bumps an issue or queues an audit entry. */
  get wrote(): boolean {
    return this.versions.size > 0 || this.records.length > 0;
  }

  /** Queues an audit entry; all of them are written just before the commit. */
  audit(record: AuditRecord): void {
    this.records.push(record);
  }

  async flush(): Promise<void> {
    await appendAudit(this.manager, this.actor, this.records.splice(0));
  }
}

/**
 * Runs `work` in one transaction with its audit entries: everything commits
 * together, or nothing does. An edit that wrote is announced to the caches
 * (cache/content-writes.ts): to other processes on commit, to this one's
 * before the caller gets the result, so no read after it is stale.
 */
export async function runEdit<T>(dataSource: DataSource, actor: Actor, work: (edit: Edit) => Promise<T>): Promise<T> {
  let wrote = false;
  const result = await dataSource.transaction(async (manager) => {
    const edit = new Edit(manager, actor);
    const result = await work(edit);
    wrote = edit.wrote;
    if (wrote) await announceWrite(dataSource, (sql, params) => edit.query(sql, params));
    await edit.flush();
    return result;
  });
  if (wrote) await contentWritten(dataSource);
  return result;
}

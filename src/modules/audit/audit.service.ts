import type { EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: number | null;
  issueId?: number | null;
  changes?: Record<string, { before: unknown; after: unknown }>;
  summary?: Record<string, unknown> | null;
}

/** Appends audit entries; always called with the transaction that makes the write, so both commit or neither. */
export async function appendAudit(manager: EntityManager, actor: Actor, records: AuditRecord[]): Promise<void> {
  if (!records.length) return;
  await manager.query(
    `INSERT INTO audit_entry (actor_kind, actor_key_id, actor_name, action, entity_type, entity_id, issue_id, changes, summary)
     SELECT $1, $2, $3, x.action, x.entity_type, x.entity_id, x.issue_id, x.changes, x.summary
       FROM unnest($4::text[], $5::text[], $6::int[], $7::int[], $8::jsonb[], $9::jsonb[])
         AS x(action, entity_type, entity_id, issue_id, changes, summary)`,
    [
      actor.kind,
      actor.keyId,
      actor.name,
      records.map((r) => r.action),
      records.map((r) => r.entityType),
      records.map((r) => r.entityId),
      records.map((r) => r.issueId ?? null),
      records.map((r) => jsonOf(r.changes ?? {})),
      records.map((r) => (r.summary ? jsonOf(r.summary) : null)),
    ],
  );
}

/** Half of a surrogate pair standing alone: JSON.stringify writes it as an escape that jsonb refuses. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** JSON that jsonb accepts: a lone surrogate a client sent is recorded as U+FFFD, as Postgres stores it in text columns. */
function jsonOf(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'string' ? item.replace(LONE_SURROGATE, '\uFFFD') : item));
}

/** The fields of `after` whose values differ from `before`, as { field: { before, after } }. */
export function changedFields<T extends object>(
  before: T,
  after: Partial<T>,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const old = (before as Record<string, unknown>)[field];
    if (JSON.stringify(old) !== JSON.stringify(value)) changes[field] = { before: old ?? null, after: value };
  }
  return changes;
}

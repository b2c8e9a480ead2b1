/**
 * Brings stored links' canonical URLs, domains and URL-derived kinds up to the
 * rules of src/content/url.ts, so that every appearance of a story shares one
 * canonical URL whenever it was stored. Run by a migration and by `npm run retag`.
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { linkKind } from '../../content/label';
import { canonicalizeUrl, domainOf } from '../../content/url';
import { announceWrite, contentWritten } from '../../cache/content-writes';
import { appendAudit } from '../audit/audit.service';

export interface RecanonicalizeSummary {
  /** Links checked. */
  links: number;
  /** Links whose canonical URL, domain or kind changed. */
  changed: number;
  /** Issues holding them (each one's version bumped once per batch, each audited). */
  issues: number;
}

const BATCH = 2000;

interface StoredUrl {
  id: number;
  issue_id: number;
  url: string;
  canonical_url: string;
  domain: string;
  kind: string;
  read_time_label: string | null;
}

interface Drift {
  link: StoredUrl;
  canonicalUrl: string;
  domain: string;
  kind: string;
}

/** The URL fields the rules give a stored link; null when it already has them. */
export function urlDrift(link: StoredUrl): Drift | null {
  const canonicalUrl = canonicalizeUrl(link.url);
  const domain = domainOf(canonicalUrl);
  // The kind follows the URL only where it is what the stored URL gave: house ads and label-decided kinds stay.
  const urlKind = link.kind === linkKind(link.read_time_label, link.canonical_url);
  const kind = urlKind ? linkKind(link.read_time_label, canonicalUrl) : link.kind;
  if (canonicalUrl === link.canonical_url && domain === link.domain && kind === link.kind) return null;
  return { link, canonicalUrl, domain, kind };
}

/**
 * Checks the links after `afterId` (a batch, in id order) and rewrites the
 * drifted ones. Their issues are locked in id order first; a link whose URL
 * changed since it was read is left alone (its edit derived its fields already).
 * Each issue changed is bumped once, imported_version in step (a refresh of
 * derived fields is not an editor's change), and audited once.
 */
export async function recanonicalizeBatch(
  manager: EntityManager,
  actor: Actor,
  afterId: number,
): Promise<{ lastId: number; links: number; changed: number; issueIds: number[] } | null> {
  const links: StoredUrl[] = await manager.query(
    `SELECT l.id, s.issue_id, l.url, l.canonical_url, l.domain, l.kind::text AS kind, l.read_time_label
       FROM link l JOIN section s ON s.id = l.section_id WHERE l.id > $1 ORDER BY l.id LIMIT ${BATCH}`,
    [afterId],
  );
  if (!links.length) return null;
  const drifts = links.map(urlDrift).filter((drift): drift is Drift => drift !== null);
  const result = { lastId: links[links.length - 1].id, links: links.length, changed: 0, issueIds: [] as number[] };
  if (!drifts.length) return result;
  await manager.query('SELECT id FROM issue WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE', [[...new Set(drifts.map((d) => d.link.issue_id))]]);
  const [changed]: [Array<{ issue_id: number }>, number] = await manager.query(
    `UPDATE link l SET canonical_url = x.canonical_url, domain = x.domain,
            kind = CASE WHEN l.kind::text = x.old_kind THEN x.kind::link_kind ELSE l.kind END
       FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])
         AS x(id, url, old_kind, canonical_url, domain, kind), section s
      WHERE l.id = x.id AND l.url = x.url AND s.id = l.section_id
      RETURNING s.issue_id`,
    [
      drifts.map((d) => d.link.id),
      drifts.map((d) => d.link.url),
      drifts.map((d) => d.link.kind),
      drifts.map((d) => d.canonicalUrl),
      drifts.map((d) => d.domain),
      drifts.map((d) => d.kind),
    ],
  );
  const perIssue = new Map<number, number>();
  for (const { issue_id: issueId } of changed) perIssue.set(issueId, (perIssue.get(issueId) ?? 0) + 1);
  const issueIds = [...perIssue.keys()].sort((a, b) => a - b);
  if (issueIds.length) {
    await manager.query(
      `UPDATE issue SET version = version + 1, updated_at = now(),
              imported_version = CASE WHEN imported_version = version THEN version + 1 ELSE imported_version END
        WHERE id = ANY($1::int[])`,
      [issueIds],
    );
    const records = issueIds.map((issueId) => ({
      action: 'recanonicalize',
      entityType: 'ISSUE',
      entityId: issueId,
      issueId,
      summary: { links: perIssue.get(issueId) },
    }));
    await appendAudit(manager, actor, records);
    await announceWrite(manager.connection, (sql, params) => manager.query(sql, params));
  }
  return { ...result, changed: changed.length, issueIds };
}

/** Every stored link, a batch per call of `inBatch` (a transaction of its own, or one that wraps them all). */
async function recanonicalizeAll(
  inBatch: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>,
  actor: Actor,
  onBatch?: (done: number) => void,
): Promise<RecanonicalizeSummary> {
  const summary: RecanonicalizeSummary = { links: 0, changed: 0, issues: 0 };
  const issues = new Set<number>();
  for (let after = 0; ; ) {
    const batch = await inBatch((manager) => recanonicalizeBatch(manager, actor, after));
    if (!batch) break;
    summary.links += batch.links;
    summary.changed += batch.changed;
    for (const id of batch.issueIds) issues.add(id);
    after = batch.lastId;
    onBatch?.(summary.links);
  }
  summary.issues = issues.size;
  return summary;
}

/** `npm run retag`'s pass over a live archive: one short transaction per batch, so editors wait for one batch at most. */
export function recanonicalizeArchive(dataSource: DataSource, actor: Actor, onBatch?: (done: number) => void): Promise<RecanonicalizeSummary> {
  const inBatch = async <T>(work: (manager: EntityManager) => Promise<T>): Promise<T> => {
    const batch = await dataSource.transaction(work);
    // A batch that wrote announced it in its transaction (other processes); this process's caches purge here.
    await contentWritten(dataSource);
    return batch;
  };
  return recanonicalizeAll(inBatch, actor, onBatch);
}

/** A migration's pass: every batch inside the migration's own transaction. */
export function recanonicalizeWithin(manager: EntityManager, actor: Actor): Promise<RecanonicalizeSummary> {
  return recanonicalizeAll((work) => work(manager), actor);
}

import type { Pool, PoolClient } from 'pg';
import type { Actor } from '../auth/actor';
import type { IssuePlan } from './issue.plan';

/** Rows as parallel arrays, one per column, for `unnest` inserts. */
function columns<T extends Record<string, unknown>>(rows: T[], keys: Array<keyof T>): unknown[][] {
  return keys.map((key) => rows.map((row) => row[key] ?? null));
}

/**
 * Writes issues, all their content and an audit entry for each in one
 * statement: `$1`..`$5` the issues (numbered by their order, `n`), then
 * sections, links, link tags and placements as parallel arrays, then the
 * actor. Rows find their parent by a key computed here: a section's is
 * `n * KEY_BASE + its position`, a link's `section key * KEY_BASE + its position`,
 * so that every join is on one integer (joins on several columns of a CTE are
 * planned badly for many issues at once). Link tags are written with their
 * `published` flag (their issue's status) so that the trigger keeping it has nothing to correct. An issue row takes the id given (a
 * rewrite's stored issue) or a new one. On a (newsletter, date) conflict it
 * either does nothing for that issue (no rows, no entry; the caller learns it
 * from the ids returned) or takes over the stored issue row, whose old content
 * the caller has deleted; that keeps the row's status and schedule, bumps its
 * version and records it as imported.
 */
function writeIssuesSql(onConflict: 'skip' | 'update'): string {
  const conflict =
    onConflict === 'skip'
      ? 'DO NOTHING'
      : `DO UPDATE SET headline = EXCLUDED.headline, updated_at = now(),
           version = issue.version + 1, imported_version = issue.version + 1`;
  return `
WITH x AS (
  SELECT x.n, COALESCE(x.id, nextval('issue_id_seq'))::int AS id, x.newsletter_id, x.date, x.headline, x.summary
    FROM unnest($1::int[], $2::int[], $3::date[], $4::text[], $5::jsonb[]) WITH ORDINALITY AS x(id, newsletter_id, date, headline, summary, n)
), i AS (
  INSERT INTO issue (id, newsletter_id, date, headline, status, published_at, version, imported_version)
  SELECT x.id, x.newsletter_id, x.date, x.headline, 'PUBLISHED', (x.date + time '06:00') AT TIME ZONE 'UTC', 1, 1 FROM x ORDER BY x.n
  ON CONFLICT (newsletter_id, date) ${conflict} RETURNING id, status
), w AS (
  SELECT x.n, x.id, x.summary, i.status = 'PUBLISHED' AS published FROM x JOIN i ON i.id = x.id
), sx AS (
  SELECT y.key, COALESCE(y.id, nextval('section_id_seq'))::int AS id, w.id AS issue_id, y.position, y.title, y.emoji, y.category_id,
         w.published
    FROM unnest($6::int[], $7::int[], $8::int[], $9::text[], $10::text[], $11::int[]) AS y(key, id, position, title, emoji, category_id)
    JOIN w ON w.n = y.key / ${KEY_BASE}
), s AS (
  INSERT INTO section (id, issue_id, position, title, emoji, category_id)
  SELECT id, issue_id, position, title, emoji, category_id FROM sx
), lx AS (
  SELECT y.key, COALESCE(y.id, nextval('link_id_seq'))::int AS id, sx.id AS section_id, y.position, y.title, y.url,
         y.canonical_url, y.domain, y.summary, y.summary_text, y.read_time_label, y.read_minutes, y.kind, y.sponsored, y.sponsor_id,
         sx.published
    FROM unnest($12::int[], $13::int[], $14::int[], $15::text[], $16::text[], $17::text[], $18::text[], $19::text[],
                $20::text[], $21::text[], $22::int[], $23::text[], $24::bool[], $25::int[])
      AS y(key, id, position, title, url, canonical_url, domain, summary, summary_text, read_time_label, read_minutes, kind,
           sponsored, sponsor_id)
    JOIN sx ON sx.key = y.key / ${KEY_BASE}
), l AS (
  INSERT INTO link (id, section_id, position, title, url, canonical_url, domain, summary, summary_text,
                    read_time_label, read_minutes, kind, sponsored, sponsor_id)
  SELECT id, section_id, position, title, url, canonical_url, domain, summary, summary_text,
         read_time_label, read_minutes, kind::link_kind, sponsored, sponsor_id FROM lx
), t AS (
  INSERT INTO link_tag (link_id, tag_id, published)
  SELECT lx.id, y.tag_id, lx.published FROM unnest($26::int[], $27::int[]) AS y(link_key, tag_id) JOIN lx ON lx.key = y.link_key
), p AS (
  INSERT INTO sponsor_placement (issue_id, position, title, body, url, sponsor_id)
  SELECT w.id, y.position, y.title, y.body, y.url, y.sponsor_id
    FROM unnest($28::int[], $29::int[], $30::text[], $31::text[], $32::text[], $33::int[]) AS y(n, position, title, body, url, sponsor_id)
    JOIN w ON w.n = y.n
), a AS (
  INSERT INTO audit_entry (actor_kind, actor_key_id, actor_name, action, entity_type, entity_id, issue_id, summary)
  SELECT $34, $35::int, $36, 'importIssue', 'ISSUE', w.id, w.id, w.summary FROM w ORDER BY w.n
)
SELECT n::int, id FROM w`;
}

/** Above every section's and link's position (the content limits allow at most 30 links in a section). */
const KEY_BASE = 100;

// Named, so each connection plans these long statements once and then reuses the plan.
export const CREATE_ISSUES = { name: 'create-issues', text: writeIssuesSql('skip') };
export const REWRITE_ISSUE = { name: 'rewrite-issue', text: writeIssuesSql('update') };

/** Runs a named statement on the pool or on a transaction's own connection; rows name each written issue's `n` (1-based) and id. */
export async function runNamed(
  on: Pool | PoolClient,
  statement: { name: string; text: string },
  values: unknown[],
): Promise<Array<{ n: number; id: number }>> {
  return (await on.query<{ n: number; id: number }>({ ...statement, values })).rows;
}

const LINK_COLUMNS = [
  'key', 'id', 'position', 'title', 'url', 'canonicalUrl', 'domain', 'summary', 'summaryText',
  'readTimeLabel', 'readMinutes', 'kind', 'sponsored', 'sponsorId',
] as const;

/** Ids of the rows one issue's part of the statement points at. */
export interface StatementRefs {
  newsletterId: number;
  /** The stored issue a rewrite takes over; null for a new issue. */
  issueId: number | null;
  /** Per section. */
  categoryIds: Array<number | null>;
  /** Per section, per link. */
  linkSponsorIds: Array<Array<number | null>>;
  /** Per placement. */
  placementSponsorIds: number[];
  /** Stored ids kept by a rewrite, per section and per section and link; null for a new issue. */
  keptSectionIds: Array<number | null> | null;
  keptLinkIds: Array<Array<number | null>> | null;
  /** Tag id of every slug the plan's links carry. */
  tagIds: ReadonlyMap<string, number>;
}

/** One issue of a statement: what to write, the ids it points at, and its audit entry's summary. */
export interface StatementIssue {
  refs: StatementRefs;
  plan: IssuePlan;
  summary: object;
}

/** Parameters of CREATE_ISSUES / REWRITE_ISSUE: the issues, their content as parallel arrays, then the actor. */
export function statementParams(issues: readonly StatementIssue[], actor: Actor): unknown[] {
  const sections = [];
  const links = [];
  const linkTags = [];
  const placements = [];
  for (const [index, { refs, plan }] of issues.entries()) {
    const n = index + 1;
    for (const [s, section] of plan.sections.entries()) {
      const sectionKey = n * KEY_BASE + s;
      sections.push({ key: sectionKey, id: refs.keptSectionIds?.[s], position: s, title: section.title, emoji: section.emoji, categoryId: refs.categoryIds[s] });
      for (const [position, link] of section.links.entries()) {
        const key = sectionKey * KEY_BASE + position;
        links.push({ ...link, key, id: refs.keptLinkIds?.[s][position], position, sponsorId: refs.linkSponsorIds[s][position] });
        for (const slug of link.tags) {
          const tagId = refs.tagIds.get(slug);
          if (tagId !== undefined) linkTags.push({ key, tagId });
        }
      }
    }
    for (const [position, placement] of plan.placements.entries()) {
      placements.push({ ...placement, n, position, sponsorId: refs.placementSponsorIds[position] });
    }
  }
  return [
    issues.map(({ refs }) => refs.issueId),
    issues.map(({ refs }) => refs.newsletterId),
    issues.map(({ plan }) => plan.date),
    issues.map(({ plan }) => plan.headline),
    issues.map(({ summary }) => JSON.stringify(summary)),
    ...columns(sections, ['key', 'id', 'position', 'title', 'emoji', 'categoryId']),
    ...columns<Record<string, unknown>>(links, [...LINK_COLUMNS]),
    ...columns(linkTags, ['key', 'tagId']),
    ...columns(placements, ['n', 'position', 'title', 'body', 'url', 'sponsorId']),
    actor.kind,
    actor.keyId,
    actor.name,
  ];
}

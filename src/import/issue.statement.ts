import type { Pool, PoolClient } from 'pg';
import type { Actor } from '../auth/actor';
import type { IssuePlan } from './issue.plan';

/** Rows as parallel arrays, one per column, for `unnest` inserts. */
function columns<T extends Record<string, unknown>>(rows: T[], keys: Array<keyof T>): unknown[][] {
  return keys.map((key) => rows.map((row) => row[key] ?? null));
}

/**
 * Writes an issue, all its content and its audit entry in one statement:
 * `$1`..`$3` the issue, then sections, links, link tags and placements as
 * parallel arrays, then the actor and the entry's summary. On a (newsletter,
 * date) conflict it either does nothing (no row, no entry) or takes over the
 * stored issue row, whose old content the caller has deleted; that keeps the
 * row's status and schedule, bumps its version and records it as imported.
 */
function writeIssueSql(onConflict: 'skip' | 'update'): string {
  const conflict =
    onConflict === 'skip'
      ? 'DO NOTHING'
      : `DO UPDATE SET headline = EXCLUDED.headline, updated_at = now(),
           version = issue.version + 1, imported_version = issue.version + 1`;
  return `
WITH i AS (
  INSERT INTO issue (newsletter_id, date, headline, status, published_at, version, imported_version)
  VALUES ($1, $2::date, $3, 'PUBLISHED', ($2::date + time '06:00') AT TIME ZONE 'UTC', 1, 1)
  ON CONFLICT (newsletter_id, date) ${conflict} RETURNING id
), s AS (
  INSERT INTO section (id, issue_id, position, title, emoji, category_id)
  SELECT COALESCE(x.id, nextval('section_id_seq')), i.id, x.position, x.title, x.emoji, x.category_id
    FROM i, unnest($4::int[], $5::int[], $6::text[], $7::text[], $8::int[]) AS x(id, position, title, emoji, category_id)
  RETURNING id, position
), l AS (
  INSERT INTO link (id, section_id, position, title, url, canonical_url, domain, summary, summary_text,
                    read_time_label, read_minutes, kind, sponsored, sponsor_id)
  SELECT COALESCE(x.id, nextval('link_id_seq')), s.id, x.position, x.title, x.url, x.canonical_url, x.domain,
         x.summary, x.summary_text, x.read_time_label, x.read_minutes, x.kind::link_kind, x.sponsored, x.sponsor_id
    FROM unnest($9::int[], $10::int[], $11::int[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
                $17::text[], $18::text[], $19::int[], $20::text[], $21::bool[], $22::int[])
      AS x(id, section_position, position, title, url, canonical_url, domain, summary, summary_text,
           read_time_label, read_minutes, kind, sponsored, sponsor_id)
    JOIN s ON s.position = x.section_position
  RETURNING id, section_id, position
), t AS (
  INSERT INTO link_tag (link_id, tag_id)
  SELECT l.id, x.tag_id
    FROM unnest($23::int[], $24::int[], $25::int[]) AS x(section_position, position, tag_id)
    JOIN s ON s.position = x.section_position
    JOIN l ON l.section_id = s.id AND l.position = x.position
), p AS (
  INSERT INTO sponsor_placement (issue_id, position, title, body, url, sponsor_id)
  SELECT i.id, x.position, x.title, x.body, x.url, x.sponsor_id
    FROM i, unnest($26::int[], $27::text[], $28::text[], $29::text[], $30::int[]) AS x(position, title, body, url, sponsor_id)
), a AS (
  INSERT INTO audit_entry (actor_kind, actor_key_id, actor_name, action, entity_type, entity_id, issue_id, summary)
  SELECT $31, $32::int, $33, 'importIssue', 'ISSUE', i.id, i.id, $34::jsonb FROM i
)
SELECT id FROM i`;
}

// Named, so each connection plans these long statements once and then reuses the plan.
export const CREATE_ISSUE = { name: 'create-issue', text: writeIssueSql('skip') };
export const REWRITE_ISSUE = { name: 'rewrite-issue', text: writeIssueSql('update') };

/** Runs a named statement on the pool or on a transaction's own connection. */
export async function runNamed(
  on: Pool | PoolClient,
  statement: { name: string; text: string },
  values: unknown[],
): Promise<Array<{ id: number }>> {
  return (await on.query<{ id: number }>({ ...statement, values })).rows;
}

const LINK_COLUMNS = [
  'id', 'sectionPosition', 'position', 'title', 'url', 'canonicalUrl', 'domain', 'summary', 'summaryText',
  'readTimeLabel', 'readMinutes', 'kind', 'sponsored', 'sponsorId',
] as const;

/** Ids of the rows one issue's statement points at. */
export interface StatementRefs {
  newsletterId: number;
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

/** Parameters of CREATE_ISSUE / REWRITE_ISSUE: the issue, its content as parallel arrays, then its audit entry. */
export function statementParams(refs: StatementRefs, plan: IssuePlan, actor: Actor, summary: object): unknown[] {
  const sections = [];
  const links = [];
  const linkTags = [];
  for (const [s, section] of plan.sections.entries()) {
    sections.push({ id: refs.keptSectionIds?.[s], position: s, title: section.title, emoji: section.emoji, categoryId: refs.categoryIds[s] });
    for (const [position, link] of section.links.entries()) {
      links.push({ ...link, id: refs.keptLinkIds?.[s][position], sectionPosition: s, position, sponsorId: refs.linkSponsorIds[s][position] });
      for (const slug of link.tags) {
        const tagId = refs.tagIds.get(slug);
        if (tagId !== undefined) linkTags.push({ sectionPosition: s, position, tagId });
      }
    }
  }
  const placements = plan.placements.map((placement, position) => ({
    ...placement,
    position,
    sponsorId: refs.placementSponsorIds[position],
  }));
  return [
    refs.newsletterId,
    plan.date,
    plan.headline,
    ...columns(sections, ['id', 'position', 'title', 'emoji', 'categoryId']),
    ...columns<Record<string, unknown>>(links, [...LINK_COLUMNS]),
    ...columns(linkTags, ['sectionPosition', 'position', 'tagId']),
    ...columns(placements, ['position', 'title', 'body', 'url', 'sponsorId']),
    actor.kind,
    actor.keyId,
    actor.name,
    JSON.stringify(summary),
  ];
}

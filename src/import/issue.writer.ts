import type { Pool, PoolClient } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { IdCache, IdScope } from './id-cache';
import { describeChanges } from './issue.diff';
import type { IssuePlan, PlannedLink } from './issue.plan';
import { loadStoredPlan, StoredPlan } from './issue.stored';
import { TOPICS } from '../content/taxonomy';

export type ImportStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED';

export interface ImportOutcome {
  status: ImportStatus;
  issueId: number;
  newsletter: string;
  date: string;
  /** Links the issue holds after the import. */
  links: number;
  /** What changed, in words ("headline changed", "2 links added"); empty when unchanged. */
  changes: string[];
  dryRun: boolean;
}

/** Ids of stored rows reused by the rewrite: [section position] and [section position][link position]. */
interface KeptIds {
  sections: Array<number | null>;
  links: Array<Array<number | null>>;
}

/** Rows as parallel arrays, one per column, for `unnest` inserts. */
function columns<T extends Record<string, unknown>>(rows: T[], keys: Array<keyof T>): unknown[][] {
  return keys.map((key) => rows.map((row) => row[key] ?? null));
}

/**
 * Writes an issue and all its content in one statement: `$1`..`$3` the issue,
 * then sections, links, link tags and placements as parallel arrays. On a
 * (newsletter, date) conflict it either does nothing (and returns no row) or
 * takes over the stored issue row, whose old content the caller has deleted.
 */
function writeIssueSql(onConflict: 'skip' | 'update'): string {
  const conflict =
    onConflict === 'skip'
      ? 'DO NOTHING'
      : `DO UPDATE SET headline = EXCLUDED.headline, status = 'PUBLISHED',
           published_at = COALESCE(issue.published_at, EXCLUDED.published_at),
           updated_at = now(), version = issue.version + 1`;
  return `
WITH i AS (
  INSERT INTO issue (newsletter_id, date, headline, status, published_at, version)
  VALUES ($1, $2::date, $3, 'PUBLISHED', ($2::date + time '06:00') AT TIME ZONE 'UTC', 1)
  ON CONFLICT (newsletter_id, date) ${conflict} RETURNING id
), s AS (
  INSERT INTO section (id, issue_id, position, title, emoji, category_id)
  SELECT COALESCE(x.id, nextval('section_id_seq')), i.id, x.position, x.title, x.emoji, x.category_id
    FROM i, unnest($4::int[], $5::int[], $6::text[], $7::text[], $8::int[]) AS x(id, position, title, emoji, category_id)
  RETURNING id, position
), l AS (
  INSERT INTO link (id, section_id, position, title, url, canonical_url, domain, summary,
                    read_time_label, read_minutes, kind, sponsored, sponsor_id)
  SELECT COALESCE(x.id, nextval('link_id_seq')), s.id, x.position, x.title, x.url, x.canonical_url, x.domain,
         x.summary, x.read_time_label, x.read_minutes, x.kind::link_kind, x.sponsored, x.sponsor_id
    FROM unnest($9::int[], $10::int[], $11::int[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[],
                $17::text[], $18::int[], $19::text[], $20::bool[], $21::int[])
      AS x(id, section_position, position, title, url, canonical_url, domain, summary,
           read_time_label, read_minutes, kind, sponsored, sponsor_id)
    JOIN s ON s.position = x.section_position
  RETURNING id, section_id, position
), t AS (
  INSERT INTO link_tag (link_id, tag_id)
  SELECT l.id, x.tag_id
    FROM unnest($22::int[], $23::int[], $24::int[]) AS x(section_position, position, tag_id)
    JOIN s ON s.position = x.section_position
    JOIN l ON l.section_id = s.id AND l.position = x.position
), p AS (
  INSERT INTO sponsor_placement (issue_id, position, title, body, url, sponsor_id)
  SELECT i.id, x.position, x.title, x.body, x.url, x.sponsor_id
    FROM i, unnest($25::int[], $26::text[], $27::text[], $28::text[], $29::int[]) AS x(position, title, body, url, sponsor_id)
)
SELECT id FROM i`;
}

// Named, so each connection plans these long statements once and then reuses the plan.
const CREATE_ISSUE = { name: 'create-issue', text: writeIssueSql('skip') };
const REWRITE_ISSUE = { name: 'rewrite-issue', text: writeIssueSql('update') };

/** Runs a named statement on the pool or on a transaction's own connection. */
async function runNamed(
  on: Pool | PoolClient,
  statement: { name: string; text: string },
  values: unknown[],
): Promise<Array<{ id: number }>> {
  return (await on.query<{ id: number }>({ ...statement, values })).rows;
}

const LINK_COLUMNS = [
  'id', 'sectionPosition', 'position', 'title', 'url', 'canonicalUrl', 'domain', 'summary',
  'readTimeLabel', 'readMinutes', 'kind', 'sponsored', 'sponsorId',
] as const;

/**
 * Writes planned issues, each atomically: a new issue is inserted by one
 * statement, a stored one is compared and, only when it differs, rewritten in
 * place in one transaction, keeping
 * the ids of sections and links that are still there. One writer serves a
 * whole batch and caches the ids of newsletters, categories, sponsors and tags.
 */
export class IssueWriter {
  private readonly ids: IdCache;

  constructor(private readonly dataSource: DataSource) {
    this.ids = new IdCache(dataSource);
  }

  async write(plan: IssuePlan, options: { dryRun?: boolean } = {}): Promise<ImportOutcome> {
    if (options.dryRun) {
      // Everything, shared rows included, inside one transaction that is rolled back.
      return this.inTransaction(false, async (runner) => {
        const refs = await resolveRefs(this.ids.scope(runner), plan);
        return (await create(await runner.connect(), refs, plan, true)) ?? this.updateIn(runner, refs, plan, true);
      });
    }
    // Shared rows are resolved before any connection is held for the issue, so concurrent writers never
    // wait on the pool while holding one. A new issue is then a single atomic statement; only an
    // existing one needs a transaction (compare, then rewrite or leave alone).
    const refs = await resolveRefs(this.ids.scope(null), plan);
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    return (
      (await create(pool, refs, plan, false)) ??
      this.inTransaction(true, (runner) => this.updateIn(runner, refs, plan, false))
    );
  }

  private async inTransaction(commit: boolean, work: (runner: QueryRunner) => Promise<ImportOutcome>) {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
      const outcome = await work(runner);
      if (commit && outcome.status !== 'UNCHANGED') await runner.commitTransaction();
      else await runner.rollbackTransaction();
      return outcome;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  /** Compares a stored issue with the plan and rewrites it in place when they differ. */
  private async updateIn(runner: QueryRunner, refs: Refs, plan: IssuePlan, dryRun: boolean): Promise<ImportOutcome> {
    const stored = await loadStoredPlan(runner, refs.newsletterId, plan);
    // The importer takes in issues as published; importing over a draft publishes it.
    const changes = [...(stored.status === 'PUBLISHED' ? [] : ['published']), ...describeChanges(stored, plan)];
    if (!changes.length) return outcomeOf(plan, 'UNCHANGED', stored.issueId, dryRun, []);
    await runner.query('DELETE FROM section WHERE issue_id = $1', [stored.issueId]);
    await runner.query('DELETE FROM sponsor_placement WHERE issue_id = $1', [stored.issueId]);
    await runNamed(await runner.connect(), REWRITE_ISSUE, issueParams(refs, plan, keptIds(stored, plan)));
    return outcomeOf(plan, 'UPDATED', stored.issueId, dryRun, changes);
  }
}

/** Inserts the issue unless one exists for its newsletter and date; null when it does. */
async function create(on: Pool | PoolClient, refs: Refs, plan: IssuePlan, dryRun: boolean): Promise<ImportOutcome | null> {
  const created = await runNamed(on, CREATE_ISSUE, issueParams(refs, plan, null));
  return created.length ? outcomeOf(plan, 'CREATED', created[0].id, dryRun) : null;
}

function linkCount(plan: IssuePlan): number {
  return plan.sections.reduce((sum, section) => sum + section.links.length, 0);
}

function outcomeOf(plan: IssuePlan, status: ImportStatus, issueId: number, dryRun: boolean, changes?: string[]): ImportOutcome {
  const links = linkCount(plan);
  return {
    status,
    issueId,
    newsletter: plan.newsletter.slug,
    date: plan.date,
    links,
    changes: changes ?? [`created with ${plan.sections.length} sections and ${links} links`],
    dryRun,
  };
}

/** Ids of the shared rows one issue points at. */
interface Refs {
  newsletterId: number;
  tagIds: Map<string, number>;
  /** Per section. */
  categoryIds: Array<number | null>;
  /** Per section, per link. */
  linkSponsorIds: Array<Array<number | null>>;
  /** Per placement. */
  placementSponsorIds: number[];
}

async function resolveRefs(ids: IdScope, plan: IssuePlan): Promise<Refs> {
  const refs: Refs = {
    newsletterId: await ids.newsletter(plan.newsletter),
    tagIds: await ids.tags(TOPICS),
    categoryIds: [],
    linkSponsorIds: [],
    placementSponsorIds: [],
  };
  for (const section of plan.sections) {
    refs.categoryIds.push(section.category ? await ids.category(section.category) : null);
    const sponsors = [];
    for (const link of section.links) sponsors.push(link.sponsor ? await ids.sponsor(link.sponsor) : null);
    refs.linkSponsorIds.push(sponsors);
  }
  for (const placement of plan.placements) refs.placementSponsorIds.push(await ids.sponsor(placement.sponsor));
  return refs;
}

/** Parameters of CREATE_ISSUE / REWRITE_ISSUE: the issue, then its content as parallel arrays. */
function issueParams(refs: Refs, plan: IssuePlan, kept: KeptIds | null): unknown[] {
  const sections = [];
  const links = [];
  const linkTags = [];
  for (const [s, section] of plan.sections.entries()) {
    sections.push({ id: kept?.sections[s], position: s, title: section.title, emoji: section.emoji, categoryId: refs.categoryIds[s] });
    for (const [position, link] of section.links.entries()) {
      links.push({ ...link, id: kept?.links[s][position], sectionPosition: s, position, sponsorId: refs.linkSponsorIds[s][position] });
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
  ];
}

/**
 * Which stored ids the new content keeps: a section by its title, a link by
 * its canonical URL (first unused match, in reading order).
 */
function keptIds(stored: StoredPlan, plan: IssuePlan): KeptIds {
  const take = <T>(pool: Map<string, T[]>, key: string): T | null => pool.get(key)?.shift() ?? null;
  const pooled = <T>(entries: Array<[string, T]>) => {
    const pool = new Map<string, T[]>();
    for (const [key, value] of entries) pool.set(key, [...(pool.get(key) ?? []), value]);
    return pool;
  };
  const sectionPool = pooled(stored.sections.map((section, s) => [section.title ?? '', stored.sectionIds[s]]));
  const linkPool = pooled(
    stored.sections.flatMap((section, s) =>
      section.links.map((link: PlannedLink, position): [string, number] => [link.canonicalUrl, stored.linkIds[s][position]]),
    ),
  );
  return {
    sections: plan.sections.map((section) => take(sectionPool, section.title ?? '')),
    links: plan.sections.map((section) => section.links.map((link) => take(linkPool, link.canonicalUrl))),
  };
}

import type { Pool, PoolClient } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { Actor } from '../auth/actor';
import { TOPICS } from '../content/taxonomy';
import { IdCache, IdScope } from './id-cache';
import { asError } from './import.errors';
import { describeChanges } from './issue.diff';
import type { IssuePlan } from './issue.plan';
import type { ImportWarning } from './parsed-issue';
import { CREATE_ISSUES, REWRITE_ISSUE, runNamed, statementParams } from './issue.statement';
import { loadStoredPlan, StoredPlan } from './issue.stored';
import { linkTags, StoredTagOverride, TaxonomyTags } from '../modules/tag/taxonomy-tags';

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
  /** True when the import replaces (or, on a dry run, would replace) an issue editors changed since its last import. */
  overwritesEdits: boolean;
  /** What it replaces of the editors' version, as `changes` words it; empty unless `overwritesEdits`. */
  overwrites: string[];
  dryRun: boolean;
  /** Items the parser left out, and why. */
  warnings: ImportWarning[];
}

export interface WriteOptions {
  /** Who the audit trail names for the write. */
  actor: Actor;
  dryRun?: boolean;
}

/** A stored link a rewrite keeps: its id and its editors' tag decisions, which the rewrite carries over. */
interface KeptLink {
  id: number;
  overrides: StoredTagOverride[];
}

/** Stored rows reused by the rewrite: [section position] and [section position][link position]. */
interface Kept {
  sections: Array<number | null>;
  links: Array<Array<KeptLink | null>>;
}

const INSERT_OVERRIDES =
  'INSERT INTO link_tag_override (link_id, tag_id, included) SELECT * FROM unnest($1::int[], $2::int[], $3::bool[])';

/**
 * Writes planned issues, each atomically with its audit entry: new issues are
 * inserted by one statement (several at once in a batch import), a stored one is compared and, only when it
 * differs, rewritten in place in one transaction, keeping the ids of sections
 * and links that are still there and the editors' tag decisions on those
 * links. A stored issue keeps its status and schedule. One writer serves a
 * whole batch and caches the ids of newsletters, categories, sponsors and tags.
 */
export class IssueWriter {
  private readonly ids: IdCache;

  constructor(private readonly dataSource: DataSource) {
    this.ids = new IdCache(dataSource);
  }

  async write(plan: IssuePlan, { actor, dryRun = false }: WriteOptions): Promise<ImportOutcome> {
    if (dryRun) {
      // Everything, shared rows and the audit entry included, inside one transaction that is rolled back.
      return this.inTransaction(false, async (runner) => {
        const refs = await resolveRefs(this.ids.scope(runner), plan);
        const [created] = await create(await runner.connect(), [{ refs, plan }], actor, true);
        return created ?? this.updateIn(runner, refs, plan, actor, true);
      });
    }
    const [result] = await this.writeMany([plan], { actor });
    if (result instanceof Error) throw result;
    return result;
  }

  /**
   * Writes issues (no dry run), new ones in one statement, and returns each one's outcome or error,
   * in order. Shared rows are resolved before any connection is held, so concurrent writers never
   * wait on the pool while holding one. The new issues are one atomic statement, each with its audit
   * entry; an issue that exists already is compared and rewritten alone, in its own transaction. If
   * the statement fails, each issue is written alone, so that only the faulty one fails.
   */
  async writeMany(plans: readonly IssuePlan[], { actor }: { actor: Actor }): Promise<Array<ImportOutcome | Error>> {
    const results: Array<ImportOutcome | Error | null> = [];
    const entries: Array<{ refs: Refs; plan: IssuePlan; index: number }> = [];
    // On failure (a faulty row), each issue below resolves its own rows, and only the faulty one fails.
    await this.ids.preload(plans).catch(() => undefined);
    for (const [index, plan] of plans.entries()) {
      try {
        entries.push({ refs: await resolveRefs(this.ids.scope(null), plan), plan, index });
        results.push(null);
      } catch (error) {
        results.push(asError(error));
      }
    }
    const pool = (this.dataSource.driver as PostgresDriver).master as Pool;
    let created: Array<ImportOutcome | null>;
    try {
      created = entries.length ? await create(pool, entries, actor, false) : [];
    } catch (error) {
      if (entries.length === 1) return results.map((result) => result ?? asError(error));
      return Promise.all(plans.map((plan, index) => results[index] ?? this.writeMany([plan], { actor }).then(([one]) => one)));
    }
    for (const [k, { refs, plan, index }] of entries.entries()) {
      results[index] =
        created[k] ?? (await this.inTransaction(true, (runner) => this.updateIn(runner, refs, plan, actor, false)).catch(asError));
    }
    return results as Array<ImportOutcome | Error>;
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
  private async updateIn(runner: QueryRunner, refs: Refs, plan: IssuePlan, actor: Actor, dryRun: boolean): Promise<ImportOutcome> {
    const stored = await loadStoredPlan(runner, refs.newsletterId, plan);
    const kept = keptRows(stored, plan);
    const { target, tagIds } = withStoredTags(plan, refs.tags, kept);
    const changes = describeChanges(stored, target);
    if (!changes.length) return outcomeOf(target, 'UNCHANGED', stored.issueId, dryRun, [], false);
    // Editors' writes bump the version but not imported_version; an issue no import made is all editors' work.
    const overwritesEdits = stored.importedVersion !== stored.version;
    const outcome = outcomeOf(target, 'UPDATED', stored.issueId, dryRun, changes, overwritesEdits);
    await runner.query('DELETE FROM section WHERE issue_id = $1', [stored.issueId]);
    await runner.query('DELETE FROM sponsor_placement WHERE issue_id = $1', [stored.issueId]);
    const statementRefs = { ...refs, issueId: stored.issueId, keptSectionIds: kept.sections, keptLinkIds: linkIdsOf(kept), tagIds };
    await runNamed(await runner.connect(), REWRITE_ISSUE, statementParams([{ refs: statementRefs, plan: target, summary: auditSummary(outcome, target) }], actor));
    const overrides = kept.links.flat().flatMap((link) => link?.overrides.map((o) => [link.id, o.tagId, o.included] as const) ?? []);
    if (overrides.length) {
      await runner.query(INSERT_OVERRIDES, [overrides.map((o) => o[0]), overrides.map((o) => o[1]), overrides.map((o) => o[2])]);
    }
    return outcome;
  }
}

/** Inserts the issues in one statement; per issue its outcome, or null when one exists for its newsletter and date. */
async function create(
  on: Pool | PoolClient,
  issues: ReadonlyArray<{ refs: Refs; plan: IssuePlan }>,
  actor: Actor,
  dryRun: boolean,
): Promise<Array<ImportOutcome | null>> {
  const statement = issues.map(({ refs, plan }) => {
    const { target, tagIds } = withStoredTags(plan, refs.tags, null);
    const outcome = outcomeOf(target, 'CREATED', 0, dryRun, null, false);
    const statementRefs = { ...refs, issueId: null, keptSectionIds: null, keptLinkIds: null, tagIds };
    return { refs: statementRefs, plan: target, summary: auditSummary(outcome, target), outcome };
  });
  const written = new Map((await runNamed(on, CREATE_ISSUES, statementParams(statement, actor))).map((row) => [row.n, row.id]));
  return statement.map(({ outcome }, index) => {
    const id = written.get(index + 1);
    return id === undefined ? null : { ...outcome, issueId: id };
  });
}

function linkCount(plan: IssuePlan): number {
  return plan.sections.reduce((sum, section) => sum + section.links.length, 0);
}

function outcomeOf(
  plan: IssuePlan,
  status: ImportStatus,
  issueId: number,
  dryRun: boolean,
  changes: string[] | null,
  overwritesEdits: boolean,
): ImportOutcome {
  const links = linkCount(plan);
  const described = changes ?? [`created with ${plan.sections.length} sections and ${links} links`];
  return {
    status,
    issueId,
    newsletter: plan.newsletter.slug,
    date: plan.date,
    links,
    changes: described,
    overwritesEdits,
    overwrites: overwritesEdits ? described : [],
    dryRun,
    warnings: plan.warnings,
  };
}

/** The counts an import's audit entry records (one entry per issue, never one per link). */
function auditSummary(outcome: ImportOutcome, plan: IssuePlan): object {
  return {
    sections: plan.sections.length,
    links: outcome.links,
    placements: plan.placements.length,
    changes: outcome.changes,
    overwroteEdits: outcome.overwritesEdits,
    ...(outcome.warnings.length ? { warnings: outcome.warnings.map((warning) => warning.code) } : {}),
  };
}

/** Ids of the shared rows one issue points at. */
interface Refs {
  newsletterId: number;
  tags: TaxonomyTags;
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
    tags: await ids.tags(TOPICS),
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

/**
 * The plan with each link's tags as they will be stored: the taxonomy's, under
 * their stored slugs (a merged topic's slug resolves to its target), with the
 * editors' decisions applied on the links the rewrite keeps; and the id of every such tag.
 */
function withStoredTags(plan: IssuePlan, taxonomy: TaxonomyTags, kept: Kept | null): { target: IssuePlan; tagIds: ReadonlyMap<string, number> } {
  // The common case, a new issue with no merged topics, costs nothing per link.
  if (!kept && taxonomy.plain) return { target: plan, tagIds: taxonomy.idBySlug };
  const tagIds = new Map<string, number>();
  const sections = plan.sections.map((section, s) => ({
    ...section,
    links: section.links.map((link, position) => {
      const tags = linkTags(link.tags, taxonomy, kept?.links[s][position]?.overrides ?? []);
      for (const tag of tags) tagIds.set(tag.slug, tag.id);
      return { ...link, tags: tags.map((tag) => tag.slug) };
    }),
  }));
  return { target: { ...plan, sections }, tagIds };
}

function linkIdsOf(kept: Kept): Array<Array<number | null>> {
  return kept.links.map((links) => links.map((link) => link?.id ?? null));
}

/**
 * Which stored rows the new content keeps: a section by its title, a link by
 * its canonical URL (first unused match, in reading order, as the diff matches them).
 */
function keptRows(stored: StoredPlan, plan: IssuePlan): Kept {
  const take = <T>(pool: Map<string, T[]>, key: string): T | null => pool.get(key)?.shift() ?? null;
  const pooled = <T>(entries: Array<[string, T]>) => {
    const pool = new Map<string, T[]>();
    for (const [key, value] of entries) pool.set(key, [...(pool.get(key) ?? []), value]);
    return pool;
  };
  const sectionPool = pooled(stored.sections.map((section, s) => [section.title ?? '', stored.sectionIds[s]]));
  const linkPool = pooled(
    stored.sections.flatMap((section, s) =>
      section.links.map((link, position): [string, KeptLink] => [
        link.canonicalUrl,
        { id: stored.linkIds[s][position], overrides: stored.linkOverrides[s][position] },
      ]),
    ),
  );
  return {
    sections: plan.sections.map((section) => take(sectionPool, section.title ?? '')),
    links: plan.sections.map((section) => section.links.map((link) => take(linkPool, link.canonicalUrl))),
  };
}

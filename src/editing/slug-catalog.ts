import { BadUserInputError, NotFoundError } from '../common/errors';
import { catalogOf, SlugKind } from '../common/slug-aliases';
import { auditIssues, IssueTally, touchIssues } from './bulk';
import type { Edit } from './edit';

/**
 * Writes to the tag and category catalogs that keep slugs resolvable: a slug
 * is either a row's current slug or an alias of exactly one row, never both,
 * and a slug once published (renamed or merged away) stays an alias.
 */

const LABEL: Record<SlugKind, string> = { tag: 'Tag', category: 'Category' };

export interface CatalogRow {
  id: number;
  slug: string;
  name: string;
}

/** Serialises the catalog's slug writes (creates, renames, merges) so their checks cannot interleave. */
export async function lockCatalog(edit: Edit, kind: SlugKind): Promise<void> {
  await edit.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`slug-catalog:${kind}`]);
}

/** The row with this current slug; an old slug (an alias) is BAD_USER_INPUT and an unknown one NOT_FOUND, naming `field`. */
export async function rowBySlug(edit: Edit, kind: SlugKind, slug: string, field: string): Promise<CatalogRow> {
  const { table, aliases, key } = catalogOf(kind);
  const [row] = await edit.query<CatalogRow>(`SELECT id, slug, name FROM ${table} WHERE slug = $1`, [slug]);
  if (row) return row;
  const [alias] = await edit.query<{ target: string }>(
    `SELECT c.slug AS target FROM ${aliases} a JOIN ${table} c ON c.id = a.${key} WHERE a.slug = $1`,
    [slug],
  );
  if (alias) {
    throw new BadUserInputError(`"${slug}" is an old slug of ${kind} "${alias.target}"; use "${alias.target}".`, { field });
  }
  throw new NotFoundError(LABEL[kind], slug, field);
}

/** The row with this id, locked for the update that follows. */
export async function rowById(edit: Edit, kind: SlugKind, id: number): Promise<CatalogRow> {
  const [row] = await edit.query<CatalogRow>(`SELECT id, slug, name FROM ${catalogOf(kind).table} WHERE id = $1 FOR UPDATE`, [id]);
  if (!row) throw new NotFoundError(LABEL[kind], id, 'id');
  return row;
}

/**
 * Makes `slug` available to row `selfId` (null when creating): refused when
 * another row has it or keeps it as an alias; an alias of the row itself is
 * dropped, so renaming a row back to an old slug works.
 */
export async function claimSlug(edit: Edit, kind: SlugKind, slug: string, selfId: number | null): Promise<void> {
  const { table, aliases, key } = catalogOf(kind);
  const [holder] = await edit.query<{ id: number; alias: boolean; target: string }>(
    `SELECT c.id, false AS alias, c.slug AS target FROM ${table} c WHERE c.slug = $1
     UNION ALL
     SELECT c.id, true, c.slug FROM ${aliases} a JOIN ${table} c ON c.id = a.${key} WHERE a.slug = $1`,
    [slug],
  );
  if (!holder) return;
  if (holder.alias && holder.id === selfId) {
    await edit.query(`DELETE FROM ${aliases} WHERE slug = $1`, [slug]);
    return;
  }
  if (holder.id === selfId) return;
  throw slugTaken(slug, holder.alias ? `it is an old slug of ${kind} "${holder.target}", which it still names` : `another ${kind} has it`);
}

/** The refusal of a slug already in use (`why` says how, when known). */
export function slugTaken(slug: string, why = 'another row has it'): BadUserInputError {
  return new BadUserInputError(`The slug "${slug}" is taken: ${why}.`, { field: 'slug' });
}

/** Keeps a renamed row's old slug as its alias, so the filters, scopes and feeds that use it keep working. */
export async function keepOldSlug(edit: Edit, kind: SlugKind, id: number, oldSlug: string): Promise<void> {
  const { aliases, key } = catalogOf(kind);
  await edit.query(`INSERT INTO ${aliases} (slug, ${key}) VALUES ($1, $2)`, [oldSlug, id]);
}

/** Turns a merged-away row's slug and its own aliases into aliases of `targetId`; returns them. */
export async function retireSlug(edit: Edit, kind: SlugKind, source: CatalogRow, targetId: number): Promise<string[]> {
  const { aliases, key } = catalogOf(kind);
  const moved = await edit.query<{ slug: string }>(
    `UPDATE ${aliases} SET ${key} = $2 WHERE ${key} = $1 RETURNING slug`,
    [source.id, targetId],
  );
  await keepOldSlug(edit, kind, targetId, source.slug);
  return [source.slug, ...moved.map((row) => row.slug)].sort();
}

/** Locks the catalog rows a merge reads and deletes, in id order, so nothing new points at the source meanwhile. */
export async function lockRows(edit: Edit, kind: SlugKind, ids: number[]): Promise<void> {
  await edit.query(`SELECT id FROM ${catalogOf(kind).table} WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE`, [ids]);
}

/** What differs between merging tags and merging categories: what points at a row, and how it moves. */
export interface CatalogMerge {
  kind: SlugKind;
  action: string;
  /** The per-issue counts `move` fills in. */
  counters: readonly string[];
  /** Issues whose content uses the source row, read before anything moves. */
  issuesUsing(edit: Edit, sourceId: number): Promise<number[]>;
  /** Points everything that used the source at the target, counting per issue in `tally`. */
  move(edit: Edit, sourceId: number, targetId: number, tally: IssueTally): Promise<void>;
}

/**
 * Merges the row with `sourceSlug` into the row with `targetSlug`: what used
 * the source moves over, the source's slug and aliases become the target's
 * aliases, the source is deleted, and every issue touched is bumped and
 * audited once (plus one entry for the merge itself). Returns the target's id.
 */
export async function mergeCatalogRows(edit: Edit, merge: CatalogMerge, sourceSlug: string, targetSlug: string): Promise<number> {
  const { kind, action } = merge;
  const { table, aliases, key } = catalogOf(kind);
  await lockCatalog(edit, kind);
  const source = await rowBySlug(edit, kind, sourceSlug, 'sourceSlug');
  const target = await rowBySlug(edit, kind, targetSlug, 'targetSlug');
  if (source.id === target.id) {
    throw new BadUserInputError(`A ${kind} cannot be merged into itself.`, { field: 'targetSlug' });
  }
  const tally = new IssueTally(merge.counters);
  await touchIssues(edit, tally, await merge.issuesUsing(edit, source.id));
  await lockRows(edit, kind, [source.id, target.id]);
  const before = await edit.query<{ slug: string }>(`SELECT slug FROM ${aliases} WHERE ${key} = $1 ORDER BY slug`, [target.id]);
  await merge.move(edit, source.id, target.id, tally);
  const added = await retireSlug(edit, kind, source, target.id);
  await edit.query(`DELETE FROM ${table} WHERE id = $1`, [source.id]);
  await auditIssues(edit, action, tally, { source: source.slug, target: target.slug });
  const beforeSlugs = before.map((row) => row.slug);
  edit.audit({
    action,
    entityType: kind.toUpperCase(),
    entityId: target.id,
    changes: { aliases: { before: beforeSlugs, after: [...beforeSlugs, ...added].sort() } },
    summary: { source, target: target.slug, ...tally.totals() },
  });
  return target.id;
}

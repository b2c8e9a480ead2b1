/**
 * The tags of one link inside an edit: taxonomy tags resolved to tag rows,
 * editor decisions (link_tag_override) applied over them by `applyTagOverrides`,
 * the result written to link_tag.
 */
import { BadUserInputError } from '../../common/errors';
import { applyTagOverrides } from '../../content/tag-overrides';
import { matchTopics, TaggableLink, TOPICS } from '../../content/taxonomy';
import type { Edit } from '../../editing/edit';

interface TagRef {
  id: number;
  slug: string;
}

export interface TagChange {
  before: string[];
  after: string[];
}

/** Tag rows by slug or by a slug kept as an alias after a merge, keyed by the slug asked for. */
const RESOLVE_TAGS = `
  SELECT x.slug AS wanted, t.id, t.slug
    FROM unnest($1::text[]) AS x(slug)
    JOIN tag t ON t.id = COALESCE((SELECT id FROM tag WHERE slug = x.slug), (SELECT tag_id FROM tag_alias WHERE slug = x.slug))`;

async function resolveTags(edit: Edit, slugs: readonly string[]): Promise<Map<string, TagRef>> {
  const rows = await edit.query<{ wanted: string; id: number; slug: string }>(RESOLVE_TAGS, [slugs]);
  return new Map(rows.map((row) => [row.wanted, { id: row.id, slug: row.slug }]));
}

/** The link's taxonomy tags as tag rows; a topic without a row gets one, as the importer does. */
async function taxonomyTags(edit: Edit, link: TaggableLink): Promise<TagRef[]> {
  const slugs = matchTopics(link);
  if (!slugs.length) return [];
  const names = slugs.map((slug) => TOPICS.find((topic) => topic.slug === slug)?.name ?? slug);
  await edit.query(
    `INSERT INTO tag (slug, name)
     SELECT x.slug, x.name FROM unnest($1::text[], $2::text[]) AS x(slug, name)
      WHERE NOT EXISTS (SELECT 1 FROM tag_alias a WHERE a.slug = x.slug)
     ON CONFLICT (slug) DO NOTHING`,
    [slugs, names],
  );
  return [...(await resolveTags(edit, slugs)).values()];
}

async function overridesOf(edit: Edit, linkId: number): Promise<Array<TagRef & { included: boolean }>> {
  return edit.query(
    'SELECT t.id, t.slug, o.included FROM link_tag_override o JOIN tag t ON t.id = o.tag_id WHERE o.link_id = $1',
    [linkId],
  );
}

/** Slugs of the tags the link carries, sorted. */
export async function tagSlugsOf(edit: Edit, linkId: number): Promise<string[]> {
  const rows = await edit.query<{ slug: string }>(
    'SELECT t.slug FROM link_tag lt JOIN tag t ON t.id = lt.tag_id WHERE lt.link_id = $1 ORDER BY t.slug COLLATE "C"',
    [linkId],
  );
  return rows.map((row) => row.slug);
}

/** Re-derives the link's tags: the taxonomy's for its text and domain, then its editor decisions over them. */
export async function retagLink(edit: Edit, link: TaggableLink & { id: number }): Promise<TagChange> {
  const before = await tagSlugsOf(edit, link.id);
  const auto = await taxonomyTags(edit, link);
  const overrides = await overridesOf(edit, link.id);
  const after = applyTagOverrides(
    auto.map((tag) => tag.slug),
    overrides,
  );
  const ids = new Map([...auto, ...overrides].map((tag) => [tag.slug, tag.id]));
  await writeLinkTags(
    edit,
    link.id,
    after.map((slug) => ids.get(slug)!),
  );
  return { before, after };
}

/**
 * Makes the link's tags exactly `slugs` by recording editor decisions: each
 * given tag kept on, each other tag it had (or the taxonomy gives it) kept off.
 */
export async function setLinkTags(edit: Edit, link: TaggableLink & { id: number }, slugs: readonly string[]): Promise<TagChange> {
  const wanted = await resolveTags(edit, slugs);
  const unknown = slugs.filter((slug) => !wanted.has(slug));
  if (unknown.length) {
    const named = unknown.map((slug) => JSON.stringify(slug.slice(0, 64))).join(', ');
    throw new BadUserInputError(`No tag has the slug ${named}.`, { field: 'tags' });
  }
  const given = new Set([...wanted.values()].map((tag) => tag.id));
  const before = await tagSlugsOf(edit, link.id);
  const current = await resolveTags(edit, before);
  const dropped = [...current.values(), ...(await taxonomyTags(edit, link))].filter((tag) => !given.has(tag.id));
  const decisions = [...[...given].map((id) => ({ id, included: true })), ...dropped.map((tag) => ({ id: tag.id, included: false }))];
  await edit.query(
    `INSERT INTO link_tag_override (link_id, tag_id, included)
     SELECT DISTINCT ON (x.tag_id) $1::int, x.tag_id, x.included FROM unnest($2::int[], $3::bool[]) AS x(tag_id, included)
     ON CONFLICT (link_id, tag_id) DO UPDATE SET included = EXCLUDED.included`,
    [link.id, decisions.map((decision) => decision.id), decisions.map((decision) => decision.included)],
  );
  const { after } = await retagLink(edit, link);
  return { before, after };
}

/** Writes link_tag so the link carries exactly these tags, touching only the rows that change. */
async function writeLinkTags(edit: Edit, linkId: number, tagIds: readonly number[]): Promise<void> {
  await edit.query('DELETE FROM link_tag WHERE link_id = $1 AND tag_id <> ALL($2::int[])', [linkId, tagIds]);
  await edit.query(
    'INSERT INTO link_tag (link_id, tag_id) SELECT $1, unnest($2::int[]) ON CONFLICT DO NOTHING',
    [linkId, tagIds],
  );
}

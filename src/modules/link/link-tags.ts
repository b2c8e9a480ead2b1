/**
 * The tags of one link inside an edit, derived by the functions the importer
 * and retag use (modules/tag/taxonomy-tags.ts): taxonomy tags resolved through
 * aliases, editor decisions (link_tag_override) applied, written to link_tag.
 */
import { BadUserInputError } from '../../common/errors';
import { matchTopics, TaggableLink, TOPICS } from '../../content/taxonomy';
import type { Edit } from '../../editing/edit';
import { ensureTaxonomyTags, linkTags, resolveTagSlugs, StoredTagOverride, TaxonomyTags } from '../tag/taxonomy-tags';

export interface TagChange {
  before: string[];
  after: string[];
}

/** The link's editor decisions, with their tags' slugs. */
function overridesOf(edit: Edit, linkId: number): Promise<StoredTagOverride[]> {
  return edit.query(
    'SELECT o.tag_id AS "tagId", t.slug, o.included FROM link_tag_override o JOIN tag t ON t.id = o.tag_id WHERE o.link_id = $1',
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

/** Re-derives the link's tags as the importer and retag do: the taxonomy's for its text and domain, then its editor decisions. */
export async function retagLink(
  edit: Edit,
  link: TaggableLink & { id: number },
  taxonomy?: TaxonomyTags,
): Promise<TagChange> {
  const before = await tagSlugsOf(edit, link.id);
  const tags = linkTags(matchTopics(link), taxonomy ?? (await ensureTaxonomyTags(edit, TOPICS)), await overridesOf(edit, link.id));
  await writeLinkTags(
    edit,
    link.id,
    tags.map((tag) => tag.id),
  );
  return { before, after: tags.map((tag) => tag.slug) };
}

/**
 * Makes the link's tags exactly `slugs` by recording editor decisions: each
 * given tag kept on, each other tag it had (or the taxonomy gives it) kept off.
 */
export async function setLinkTags(edit: Edit, link: TaggableLink & { id: number }, slugs: readonly string[]): Promise<TagChange> {
  const wanted = await resolveTagSlugs(edit, slugs);
  const unknown = slugs.filter((slug) => !wanted.has(slug));
  if (unknown.length) {
    const named = unknown.map((slug) => JSON.stringify(slug.slice(0, 64))).join(', ');
    throw new BadUserInputError(`No tag has the slug ${named}.`, { field: 'tags' });
  }
  const given = new Set([...wanted.values()].map((tag) => tag.id));
  const before = await tagSlugsOf(edit, link.id);
  const taxonomy = await ensureTaxonomyTags(edit, TOPICS);
  const auto = linkTags(matchTopics(link), taxonomy, []);
  const dropped = [...(await resolveTagSlugs(edit, before)).values(), ...auto].filter((tag) => !given.has(tag.id));
  const decisions = [...[...given].map((id) => ({ id, included: true })), ...dropped.map((tag) => ({ id: tag.id, included: false }))];
  await edit.query(
    `INSERT INTO link_tag_override (link_id, tag_id, included)
     SELECT DISTINCT ON (x.tag_id) $1::int, x.tag_id, x.included FROM unnest($2::int[], $3::bool[]) AS x(tag_id, included)
     ON CONFLICT (link_id, tag_id) DO UPDATE SET included = EXCLUDED.included`,
    [link.id, decisions.map((decision) => decision.id), decisions.map((decision) => decision.included)],
  );
  const { after } = await retagLink(edit, link, taxonomy);
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

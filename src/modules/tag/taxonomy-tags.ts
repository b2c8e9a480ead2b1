import { idOfSlug } from '../../common/slug-aliases';
import { applyTagOverrides } from '../../content/tag-overrides';
import type { Topic } from '../../content/taxonomy';

/** A stored tag. */
export interface TagRef {
  id: number;
  slug: string;
}

/** The stored tags of the taxonomy's topics, shared by the importer, retag and editing. */
export interface TaxonomyTags {
  /** Topic slug → the tag that carries it: its own tag, or the target of the alias a merge left under that slug. */
  byTopic: Map<string, TagRef>;
  /** Stored slug → id of the tags in `byTopic`. */
  idBySlug: Map<string, number>;
  /** True when every topic's tag carries the topic's own slug (no merged topics): planned tags are stored tags as they are. */
  plain: boolean;
  /** Tags this call created. */
  created: Array<TagRef & { name: string }>;
}

/** A DataSource, a QueryRunner or an edit: anything that runs SQL and returns rows. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Executor = { query(sql: string, params?: unknown[]): Promise<any> };

/** Creates the topics' missing tags, never one under a slug that is now an alias, and never renames a tag (editors own names). */
const CREATE_MISSING = `
INSERT INTO tag (slug, name)
SELECT x.slug, x.name FROM unnest($1::text[], $2::text[]) AS x(slug, name)
 WHERE NOT EXISTS (SELECT 1 FROM tag_alias a WHERE a.slug = x.slug)
ON CONFLICT (slug) DO NOTHING RETURNING id, slug, name`;

/** Each slug's tag (its own, or the target of the alias a merge left under it), keyed by the slug asked for. */
const RESOLVE = `
SELECT x.slug AS topic, t.id, t.slug
  FROM unnest($1::text[]) AS x(slug)
  JOIN tag t ON t.id = ${idOfSlug('tag', 'x.slug')}`;

/** The tags the slugs name (current slugs or aliases), keyed by the slug asked for; unknown slugs are absent. */
export async function resolveTagSlugs(executor: Executor, slugs: readonly string[]): Promise<Map<string, TagRef>> {
  const rows: Array<{ topic: string; id: number; slug: string }> = await executor.query(RESOLVE, [slugs]);
  return new Map(rows.map((row) => [row.topic, { id: Number(row.id), slug: row.slug }]));
}

export async function ensureTaxonomyTags(executor: Executor, topics: readonly Topic[]): Promise<TaxonomyTags> {
  const slugs = topics.map((topic) => topic.slug);
  const created: Array<{ id: number; slug: string; name: string }> = await executor.query(CREATE_MISSING, [slugs, topics.map((topic) => topic.name)]);
  const rows: Array<{ topic: string; id: number; slug: string }> = await executor.query(RESOLVE, [slugs]);
  return {
    byTopic: new Map(rows.map((row) => [row.topic, { id: Number(row.id), slug: row.slug }])),
    idBySlug: new Map(rows.map((row) => [row.slug, Number(row.id)])),
    plain: rows.every((row) => row.topic === row.slug),
    created: created.map((row) => ({ id: Number(row.id), slug: row.slug, name: row.name })),
  };
}

/** An editor's decision on one tag of a stored link (a row of link_tag_override, with the tag's slug). */
export interface StoredTagOverride {
  tagId: number;
  slug: string;
  included: boolean;
}

/**
 * The tags a link carries, with their ids, in slug order: the taxonomy's for
 * its topics (`topicSlugs` as matchTopics gives them; aliases resolved), then
 * its editors' decisions applied, by the one rule in content/tag-overrides.
 */
export function linkTags(topicSlugs: readonly string[], taxonomy: TaxonomyTags, overrides: StoredTagOverride[]): TagRef[] {
  if (taxonomy.plain && !overrides.length) {
    // Topic slugs as matchTopics gives them (sorted, unique) are then already the answer.
    const tags: TagRef[] = [];
    for (const slug of topicSlugs) {
      const tag = taxonomy.byTopic.get(slug);
      if (tag) tags.push(tag);
    }
    return tags;
  }
  const ids = new Map<string, number>();
  for (const slug of topicSlugs) {
    const tag = taxonomy.byTopic.get(slug);
    if (tag) ids.set(tag.slug, tag.id);
  }
  const auto = [...ids.keys()];
  for (const override of overrides) if (override.included) ids.set(override.slug, override.tagId);
  return applyTagOverrides(auto, overrides).map((slug) => ({ id: ids.get(slug)!, slug }));
}

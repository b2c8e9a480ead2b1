/**
 * Tag and category slugs, current and old. A slug names the row whose slug it
 * is, or else the row its alias (left by a merge or a rename) points at, or
 * nothing; every read that accepts a tag or category slug resolves it here.
 */
const CATALOGS = {
  tag: { table: 'tag', aliases: 'tag_alias', key: 'tag_id' },
  category: { table: 'category', aliases: 'category_alias', key: 'category_id' },
} as const;

export type SlugKind = keyof typeof CATALOGS;

export function catalogOf(kind: SlugKind) {
  return CATALOGS[kind];
}

/**
 * SQL for the id the slug `slug` (a text expression) names, NULL when none.
 * Postgres runs it once per statement, and compares its result like a
 * parameter, which keeps filters' plans as good as matching slugs directly.
 */
export function idOfSlug(kind: SlugKind, slug: string): string {
  const { table, aliases, key } = CATALOGS[kind];
  return `COALESCE((SELECT c.id FROM ${table} c WHERE c.slug = ${slug}), (SELECT a.${key} FROM ${aliases} a WHERE a.slug = ${slug}))`;
}

/** SQL for an array of the ids the slugs in `slugs` (a text[] expression) name, one per slug (NULL for an unknown one), for `= ANY(...)`. */
export function idsOfSlugs(kind: SlugKind, slugs: string): string {
  return `ARRAY(SELECT ${idOfSlug(kind, 'x.slug')} FROM unnest(${slugs}::text[]) AS x(slug))`;
}

/**
 * Editors' tag decisions over the taxonomy: the one rule by which editing,
 * retag and re-imports turn a link's taxonomy tags into the tags it carries.
 */

/** An editor's decision about one tag of one link: keep it on (`included`) or keep it off. */
export interface TagOverride {
  slug: string;
  included: boolean;
}

/** (taxonomy tags − tags kept off) ∪ tags kept on, sorted like `matchTopics`, without duplicates. */
export function applyTagOverrides(auto: readonly string[], overrides: readonly TagOverride[]): string[] {
  const excluded = new Set(overrides.filter((override) => !override.included).map((override) => override.slug));
  const tags = new Set(auto.filter((slug) => !excluded.has(slug)));
  for (const override of overrides) if (override.included) tags.add(override.slug);
  return [...tags].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * A link's tags once editors have had their say: the taxonomy's tags minus the
 * ones an editor removed, plus the ones an editor added. Retag, re-imports and
 * editing all compute a link's tags with this one rule.
 */
export function applyTagOverrides(auto: string[], overrides: Array<{ slug: string; included: boolean }>): string[] {
  const removed = new Set(overrides.filter((override) => !override.included).map((override) => override.slug));
  const tags = new Set(auto.filter((slug) => !removed.has(slug)));
  for (const override of overrides) if (override.included) tags.add(override.slug);
  // Sorted by code unit, the order Postgres gives slugs under COLLATE "C", so stored and computed lists compare equal.
  return [...tags].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

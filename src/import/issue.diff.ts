import type { IssuePlan, PlannedLink } from './issue.plan';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function linkFingerprint(l: PlannedLink, place: string): string {
  return JSON.stringify([
    place, l.title, l.url, l.canonicalUrl, l.domain, l.summary, l.summaryText, l.readTimeLabel,
    l.readMinutes, l.kind, l.sponsored, l.sponsor?.domain, l.tags,
  ]);
}

/** Links of an issue with the title of their section, in reading order. */
function placedLinks(plan: IssuePlan): Array<{ link: PlannedLink; place: string }> {
  return plan.sections.flatMap((section) => section.links.map((link) => ({ link, place: section.title ?? '' })));
}

/** The reading order of the links, section by section. */
function linkOrder(plan: IssuePlan): string {
  return JSON.stringify(plan.sections.map((section) => section.links.map((link) => link.canonicalUrl)));
}

/** What turning `stored` into `next` changes, in words; empty when they are the same. */
export function describeChanges(stored: IssuePlan, next: IssuePlan): string[] {
  const changes: string[] = [];
  if (stored.headline !== next.headline) changes.push('headline changed');
  const outline = (plan: IssuePlan) => JSON.stringify(plan.sections.map((s) => [s.title, s.emoji, s.category?.slug]));
  if (outline(stored) !== outline(next)) changes.push('sections changed');

  const before = placedLinks(stored);
  const unmatched = new Map<string, Array<{ link: PlannedLink; place: string }>>();
  for (const entry of before) unmatched.set(entry.link.canonicalUrl, [...(unmatched.get(entry.link.canonicalUrl) ?? []), entry]);
  let added = 0;
  let updated = 0;
  for (const entry of placedLinks(next)) {
    const previous = unmatched.get(entry.link.canonicalUrl)?.shift();
    if (!previous) added += 1;
    else if (linkFingerprint(previous.link, previous.place) !== linkFingerprint(entry.link, entry.place)) updated += 1;
  }
  const removed = [...unmatched.values()].reduce((sum, rest) => sum + rest.length, 0);
  if (added) changes.push(`${plural(added, 'link')} added`);
  if (removed) changes.push(`${plural(removed, 'link')} removed`);
  if (updated) changes.push(`${plural(updated, 'link')} updated`);
  if (!added && !removed && linkOrder(stored) !== linkOrder(next)) changes.push('links reordered');

  const placements = (plan: IssuePlan) =>
    JSON.stringify(plan.placements.map((p) => [p.title, p.body, p.url, p.sponsor.domain]));
  if (placements(stored) !== placements(next)) changes.push('sponsor placements changed');
  return changes;
}

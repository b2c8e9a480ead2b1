/**
 * The most an issue may hold. The importer refuses an issue over any of them and
 * every editing mutation refuses a change that would go over; the query cost rule
 * multiplies by the same figures, so a nested list is priced by what it can return.
 * Real issues stay far below (the sampled archive: 6 sections, 8 links in a section,
 * 18 links, 1 sponsor block, 12 tags on a link).
 */
export const MAX_SECTIONS_PER_ISSUE = 12;
export const MAX_LINKS_PER_SECTION = 30;
export const MAX_LINKS_PER_ISSUE = 100;
export const MAX_PLACEMENTS_PER_ISSUE = 5;
export const MAX_TAGS_PER_LINK = 20;

/** The shape of an issue as far as the maxima are concerned. */
export interface IssueShape {
  sections: ReadonlyArray<{ title: string | null; links: ReadonlyArray<{ title: string; tags: readonly unknown[] }> }>;
  placements: readonly unknown[];
}

/** Titles quoted in a refusal are cut short: the reason is the count, not the text. */
function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Why the issue is over a maximum, in words; null when it is within all of them. */
export function overContentLimit(issue: IssueShape): string | null {
  if (issue.sections.length > MAX_SECTIONS_PER_ISSUE) {
    return `it has ${issue.sections.length} sections; an issue holds at most ${MAX_SECTIONS_PER_ISSUE}`;
  }
  if (issue.placements.length > MAX_PLACEMENTS_PER_ISSUE) {
    return `it has ${issue.placements.length} sponsor blocks; an issue holds at most ${MAX_PLACEMENTS_PER_ISSUE}`;
  }
  const links = issue.sections.reduce((sum, section) => sum + section.links.length, 0);
  if (links > MAX_LINKS_PER_ISSUE) return `it has ${links} links; an issue holds at most ${MAX_LINKS_PER_ISSUE}`;
  for (const section of issue.sections) {
    const name = section.title === null ? 'the untitled block' : `section "${clip(section.title)}"`;
    if (section.links.length > MAX_LINKS_PER_SECTION) {
      return `${name} has ${section.links.length} links; a section holds at most ${MAX_LINKS_PER_SECTION}`;
    }
    const tagged = section.links.find((link) => link.tags.length > MAX_TAGS_PER_LINK);
    if (tagged) {
      return `the link "${clip(tagged.title)}" has ${tagged.tags.length} tags; a link carries at most ${MAX_TAGS_PER_LINK}`;
    }
  }
  return null;
}

import { IssueTooLargeError } from './import.errors';
import { NEWSLETTERS } from './newsletter-names';
import type { ParsedIssue, ParsedLink, ParsedSponsorBlock } from './parsed-issue';
import { overContentLimit } from '../content/limits';
import { matchTopics } from '../content/taxonomy';
import { slugify } from '../content/slug';
import { sponsorOf } from '../content/sponsor-name';
import { summaryText } from '../content/summary';

/**
 * What an issue should look like in the database, in plain values: the
 * parsed issue plus everything derived from it (categories, tags, sponsors).
 * The writer compares it with what is stored and writes the difference.
 */
export interface PlannedLink extends ParsedLink {
  /** The advertiser a sponsored link is for (null for house ads and ads naming nobody); `domain` is its key. */
  sponsor: { domain: string; name: string } | null;
  tags: string[];
  /** The summary as plain text, for search. */
  summaryText: string;
}

export interface PlannedSection {
  /** Null for the untitled block above the first section (house ads, job posts). */
  title: string | null;
  emoji: string | null;
  category: { slug: string; name: string } | null;
  links: PlannedLink[];
}

export interface PlannedPlacement {
  title: string;
  body: string;
  url: string;
  sponsor: { domain: string; name: string };
}

export interface IssuePlan {
  newsletter: { slug: string; name: string };
  date: string;
  headline: string;
  sections: PlannedSection[];
  placements: PlannedPlacement[];
}

function planLink(link: ParsedLink): PlannedLink {
  return {
    ...link,
    sponsor: link.sponsored ? sponsorOf({ title: link.title, body: link.summary, url: link.url }) : null,
    tags: matchTopics(link),
    summaryText: summaryText(link.summary),
  };
}

function planPlacement(block: ParsedSponsorBlock): PlannedPlacement {
  return {
    title: block.title,
    body: block.body,
    url: block.url,
    sponsor: { domain: block.sponsorDomain, name: block.sponsorName },
  };
}

/** Plans an issue; one over the content maxima (src/content/limits.ts) is refused before anything is written. */
export function planIssue(parsed: ParsedIssue): IssuePlan {
  const sections: PlannedSection[] = parsed.sections.map((section) => ({
    title: section.title,
    emoji: section.emoji,
    category: { slug: slugify(section.title), name: section.title },
    links: section.links.map(planLink),
  }));
  if (parsed.topLinks.length) {
    sections.unshift({ title: null, emoji: null, category: null, links: parsed.topLinks.map(planLink) });
  }
  const plan: IssuePlan = {
    newsletter: {
      slug: parsed.newsletter,
      name: NEWSLETTERS.find((known) => known.slug === parsed.newsletter)?.name ?? parsed.heading,
    },
    date: parsed.date,
    headline: parsed.headline,
    sections,
    placements: parsed.sponsorBlocks.map(planPlacement),
  };
  const tooLarge = overContentLimit(plan);
  if (tooLarge) throw new IssueTooLargeError(tooLarge);
  return plan;
}

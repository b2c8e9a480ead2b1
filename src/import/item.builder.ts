/**
 * Turns one item as any format prints it (heading text, URL, summary paragraphs)
 * into a ParsedLink or ParsedSponsorBlock.
 */
import { collapseSpaces, collapseSpacesPerLine, decodeHtmlEntities, unescapeMarkdown } from '../content/inline-text';
import { isSponsored } from '../content/label';
import { deriveLinkFields } from '../content/link-fields';
import type { ParsedLink, ParsedSponsorBlock } from './parsed-issue';
import { sponsorDisplayName } from '../content/sponsor-name';
import { canonicalizeUrl, domainOf, registrableDomain } from '../content/url';

/** An item before interpretation: `[### <heading>](<url>)` followed by paragraphs of markdown. */
export interface RawItem {
  heading: string;
  url: string;
  paragraphs: string[];
}

/** The label is the last parenthesised group of the heading; titles may hold parentheses too. */
const TRAILING_LABEL = /\(([^()]*)\)\s*$/;

export function isSponsoredItem(item: RawItem): boolean {
  return isSponsored(splitHeading(item.heading).label);
}

export function buildLink(item: RawItem): ParsedLink {
  const { title, label } = splitHeading(item.heading);
  return { title, url: item.url.trim(), summary: summaryOf(item), readTimeLabel: label, ...deriveLinkFields(item.url, label) };
}

export function buildSponsorBlock(item: RawItem): ParsedSponsorBlock {
  const url = canonicalizeUrl(item.url);
  const sponsorDomain = registrableDomain(domainOf(url));
  return {
    title: splitHeading(item.heading).title,
    body: summaryOf(item),
    url,
    sponsorDomain,
    sponsorName: sponsorDisplayName(sponsorDomain),
  };
}

/** Title and label of a heading such as `pg\_infer (Sponsor)`, both cleaned for display. */
export function splitHeading(heading: string): { title: string; label: string | null } {
  const text = cleanInline(heading);
  const match = TRAILING_LABEL.exec(text);
  if (!match) return { title: text, label: null };
  const title = text.slice(0, match.index).trim();
  const label = match[1].trim();
  return title === '' ? { title: text, label: null } : { title, label: label === '' ? null : label };
}

/** The paragraphs after the heading as markdown, entities decoded, spaces tidied. */
function summaryOf(item: RawItem): string {
  return item.paragraphs.map((paragraph) => collapseSpacesPerLine(decodeHtmlEntities(paragraph))).join('\n\n');
}

function cleanInline(text: string): string {
  return collapseSpaces(decodeHtmlEntities(unescapeMarkdown(text)));
}

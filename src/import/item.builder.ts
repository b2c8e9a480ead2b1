/**
 * Turns one item as any format prints it (heading text, URL, summary paragraphs)
 * into a ParsedLink or ParsedSponsorBlock.
 */
import { collapseSpaces, collapseSpacesPerLine, decodeHtmlEntities, unescapeMarkdown } from './inline-text';
import { isSponsored, linkKind, readMinutes } from './label';
import type { ParsedLink, ParsedSponsorBlock } from './parsed-issue';
import { canonicalizeUrl, domainOf, registrableDomain } from './url';

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
  const canonicalUrl = canonicalizeUrl(item.url);
  return {
    title,
    url: item.url.trim(),
    canonicalUrl,
    domain: domainOf(canonicalUrl),
    summary: summaryOf(item),
    readTimeLabel: label,
    readMinutes: readMinutes(label),
    kind: linkKind(label, canonicalUrl),
    sponsored: isSponsored(label),
  };
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

/** `go.mezmo.com` → "Mezmo", `flashpoint-intel.com` → "Flashpoint Intel", `tldr.tech` → "TLDR". */
export function sponsorDisplayName(domain: string): string {
  const [name = domain] = domain.split('.');
  return name
    .split('-')
    .filter(Boolean)
    .map((word) => (/[aeiouy]/.test(word) ? word[0].toUpperCase() + word.slice(1) : word.toUpperCase()))
    .join(' ');
}

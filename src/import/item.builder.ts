/**
 * Turns one item as any format prints it (heading text, URL, summary paragraphs)
 * into a ParsedLink or ParsedSponsorBlock.
 */
import { collapseSpaces, collapseSpacesPerLine, decodeHtmlEntities, unescapeMarkdown } from '../content/inline-text';
import { isSponsored } from '../content/label';
import { deriveLinkFields } from '../content/link-fields';
import type { ParsedLink, ParsedSponsorBlock } from './parsed-issue';
import { creditSponsor } from '../content/sponsor-name';
import { canonicalizeUrl } from '../content/url';

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

/** A sponsored item that names its advertiser; house ads and ads naming nobody stay links. */
export function isPlacementItem(item: RawItem): boolean {
  return isSponsoredItem(item) && creditSponsor(adOf(item)).kind === 'ADVERTISER';
}

export function buildLink(item: RawItem): ParsedLink {
  const { title, label } = splitHeading(item.heading);
  const summary = summaryOf(item);
  return { title, url: item.url.trim(), summary, readTimeLabel: label, ...deriveLinkFields(item.url, label, { title, summary }) };
}

/** A top sponsor block; call only for items isPlacementItem accepts. */
export function buildSponsorBlock(item: RawItem): ParsedSponsorBlock {
  const ad = adOf(item);
  const credit = creditSponsor(ad);
  if (credit.kind !== 'ADVERTISER') throw new Error(`"${ad.title}" names no advertiser`);
  return { title: ad.title, body: ad.body, url: canonicalizeUrl(item.url), sponsorDomain: credit.key, sponsorName: credit.name };
}

function adOf(item: RawItem): { title: string; body: string; url: string } {
  return { title: splitHeading(item.heading).title, body: summaryOf(item), url: item.url };
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

/**
 * Turns one item as any format prints it (heading text, URL, summary paragraphs)
 * into a ParsedLink or ParsedSponsorBlock, or a warning when it cannot be one.
 */
import { collapseSpaces, collapseSpacesPerLine, decodeHtmlEntities, unescapeMarkdown } from '../content/inline-text';
import { isSponsored, linkKind, readMinutes } from '../content/label';
import { deriveLinkFields } from '../content/link-fields';
import type { ImportWarning, ParsedLink, ParsedSponsorBlock } from './parsed-issue';
import { creditSponsor, SponsorCredit } from '../content/sponsor-name';
import { canonicalizeUrl } from '../content/url';

/** An item before interpretation: `[### <heading>](<url>)` followed by paragraphs of markdown. */
export interface RawItem {
  heading: string;
  url: string;
  paragraphs: string[];
}

/** A heading read for display: the title and the label after it. */
export interface Heading {
  title: string;
  label: string | null;
}

/** Where an item is printed: its section (null for the unnamed top block) and its 0-based position there. */
export interface ItemPlace {
  section: string | null;
  position: number;
  /** The section holds job posts (see isJobSection). */
  jobSection?: boolean;
}

/** What one item is: a top ad naming its advertiser, a link, or an item left out with a warning. */
export type ItemReading =
  | { type: 'placement'; block: ParsedSponsorBlock }
  | { type: 'link'; link: ParsedLink }
  | { type: 'skipped'; warning: ImportWarning };

/** The label is the last parenthesised group of the heading; titles may hold parentheses too. */
const TRAILING_LABEL = /\(([^()]*)\)\s*$/;

/** A title worth showing holds a letter, a digit or a symbol (an emoji); ")" or "" does not. */
const SHOWABLE = /[\p{L}\p{N}\p{S}]/u;

/**
 * Reads an item. In the top block, a sponsored item naming its advertiser is a placement;
 * everything else is a link; an item without a title is left out, with a warning that
 * says where it was and where it pointed, so an editor can add it by hand.
 */
export function readItem(item: RawItem, place: ItemPlace, heading: Heading = splitHeading(item.heading)): ItemReading {
  if (!SHOWABLE.test(heading.title)) return { type: 'skipped', warning: emptyTitle(item, place) };
  const summary = summaryOf(item);
  const credit = isSponsored(heading.label) ? creditSponsor({ title: heading.title, body: summary, url: item.url }) : null;
  if (place.section === null && credit?.kind === 'ADVERTISER') {
    const block = { title: heading.title, body: summary, url: canonicalizeUrl(item.url), sponsorDomain: credit.key, sponsorName: credit.name };
    return { type: 'placement', block };
  }
  return { type: 'link', link: buildLink(item, heading, summary, credit, place) };
}

/** A top sponsor block rather than a link (the evaluation's reading of the top block). */
export function isPlacementItem(item: RawItem): boolean {
  return readItem(item, { section: null, position: 0 }).type === 'placement';
}

function buildLink(item: RawItem, { title, label }: Heading, summary: string, credit: SponsorCredit | null, place: ItemPlace): ParsedLink {
  const fields = deriveLinkFields(item.url, label, { title, summary, credit: credit ?? undefined }, { jobSection: place.jobSection });
  const sponsor = credit?.kind === 'ADVERTISER' ? { domain: credit.key, name: credit.name } : null;
  return { title, url: item.url.trim(), summary, readTimeLabel: label, ...fields, sponsor };
}

function emptyTitle(item: RawItem, { section, position }: ItemPlace): ImportWarning {
  const where = section === null ? `item ${position + 1} of the top block` : `item ${position + 1} of section "${section}"`;
  return {
    code: 'EMPTY_TITLE',
    message: `${where} has no title ("[### ${item.heading}](…)"), so it was left out; it pointed to ${item.url.trim()}`,
  };
}

/** Title and label of a heading such as `pg\_infer (Sponsor)`, both cleaned for display. */
export function splitHeading(heading: string): Heading {
  const text = cleanInline(heading);
  const match = TRAILING_LABEL.exec(text);
  if (!match) return { title: text, label: null };
  const title = text.slice(0, match.index).trim();
  const label = match[1].trim();
  // A heading that is just a label, "(Sponsor)" or "(8 minute read)", has an empty title; "(Untitled)" is a title.
  if (title === '' && !isKnownLabel(label)) return { title: text, label: null };
  return { title, label: label === '' ? null : label };
}

function isKnownLabel(label: string): boolean {
  return label !== '' && (isSponsored(label) || readMinutes(label) !== null || linkKind(label, '') !== 'OTHER');
}

/** The paragraphs after the heading as markdown, entities decoded, spaces tidied. */
function summaryOf(item: RawItem): string {
  return item.paragraphs.map((paragraph) => collapseSpacesPerLine(decodeHtmlEntities(paragraph))).join('\n\n');
}

function cleanInline(text: string): string {
  return collapseSpaces(decodeHtmlEntities(unescapeMarkdown(text)));
}

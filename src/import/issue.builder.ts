/**
 * Assembles a ParsedIssue from what a format parser read, and refuses what is
 * not an issue. Shared by every format, so the rules live in one place.
 */
import { isIsoDate } from '../common/scalars';
import { NotAnIssueError, UnknownNewsletterError } from './import.errors';
import { collapseSpaces, decodeHtmlEntities } from '../content/inline-text';
import { buildLink, buildSponsorBlock, isPlacementItem, RawItem } from './item.builder';
import { newsletterFromHeading } from './newsletter-names';
import type { ParsedIssue } from './parsed-issue';

export interface RawSection {
  title: string;
  emoji: string | null;
  items: RawItem[];
}

/** An issue as a format parser found it, before interpretation. */
export interface RawIssue {
  /** The whole heading line's text: "TLDR AI 2025-03-13". */
  headingText: string;
  headline: string;
  /** Items above the first named section. */
  topItems: RawItem[];
  sections: RawSection[];
}

export interface ParseOptions {
  /** Newsletter slug to use whatever the heading says; required when the heading is not recognised. */
  newsletter?: string;
}

export const HEADING_FORMAT = "'# <Newsletter> <YYYY-MM-DD>'";
export const ITEM_FORMAT = "'[### Title (label)](url)'";

const HEADING_WITH_DATE = /^(.*?)\s*\b(\d{4})-(\d{2})-(\d{2})$/;

export function buildIssue(raw: RawIssue, options: ParseOptions = {}): ParsedIssue {
  const { heading, date } = readHeading(raw.headingText);
  if (raw.topItems.length === 0 && raw.sections.every((section) => section.items.length === 0)) {
    throw new NotAnIssueError(`no items ${ITEM_FORMAT} after the heading "# ${raw.headingText}"; the file may be truncated`);
  }
  return {
    newsletter: options.newsletter ?? newsletterFromHeading(heading)?.slug ?? failUnknown(heading),
    heading,
    date,
    headline: collapseSpaces(decodeHtmlEntities(raw.headline)),
    sponsorBlocks: raw.topItems.filter(isPlacementItem).map(buildSponsorBlock),
    topLinks: raw.topItems.filter((item) => !isPlacementItem(item)).map(buildLink),
    sections: raw.sections.map((section) => ({
      title: collapseSpaces(decodeHtmlEntities(section.title)),
      emoji: section.emoji,
      links: section.items.map(buildLink),
    })),
  };
}

/** Splits "TLDR AI 2025-03-13" into the newsletter's name and a date that exists. */
function readHeading(text: string): { heading: string; date: string } {
  const match = HEADING_WITH_DATE.exec(collapseSpaces(text));
  if (!match) throw new NotAnIssueError(`the heading "# ${text}" has no date; expected ${HEADING_FORMAT}`);
  const [, name, year, month, day] = match;
  if (!isIsoDate(`${year}-${month}-${day}`)) {
    throw new NotAnIssueError(`impossible date ${year}-${month}-${day} in the heading "# ${text}"`);
  }
  if (name === '') throw new NotAnIssueError(`the heading "# ${text}" names no newsletter; expected ${HEADING_FORMAT}`);
  return { heading: name, date: `${year}-${month}-${day}` };
}

function failUnknown(heading: string): never {
  throw new UnknownNewsletterError(heading);
}

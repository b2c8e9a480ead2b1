/**
 * Assembles a ParsedIssue from what a format parser read, and refuses what is
 * not an issue. Shared by every format, so the rules live in one place.
 */
import { isIsoDate } from '../common/scalars';
import { NotAnIssueError, UnknownNewsletterError } from './import.errors';
import { collapseSpaces, decodeHtmlEntities } from '../content/inline-text';
import { isJobSection } from '../content/label';
import { ItemReading, readItem, RawItem, splitHeading } from './item.builder';
import { newsletterFromHeading } from './newsletter-names';
import type { ImportWarning, ParsedIssue, ParsedLink, ParsedSection } from './parsed-issue';

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
  const warnings: ImportWarning[] = [];
  const top = raw.topItems.map((item, position) => readItem(item, { section: null, position }));
  return {
    newsletter: options.newsletter ?? newsletterFromHeading(heading)?.slug ?? failUnknown(heading),
    heading,
    date,
    headline: collapseSpaces(decodeHtmlEntities(raw.headline)),
    sponsorBlocks: top.flatMap((reading) => (reading.type === 'placement' ? [reading.block] : [])),
    topLinks: linksOf(top, warnings),
    sections: raw.sections.map((section) => buildSection(section, warnings)),
    warnings,
  };
}

function buildSection(section: RawSection, warnings: ImportWarning[]): ParsedSection {
  const title = collapseSpaces(decodeHtmlEntities(section.title));
  const headings = section.items.map((item) => splitHeading(item.heading));
  const jobSection = isJobSection(title, headings.map((heading, index) => ({ label: heading.label, url: section.items[index].url })));
  const readings = section.items.map((item, position) => readItem(item, { section: title, position, jobSection }, headings[position]));
  return { title, emoji: section.emoji, links: linksOf(readings, warnings) };
}

/** The links among the readings; the warnings of skipped items go to `warnings`. */
function linksOf(readings: readonly ItemReading[], warnings: ImportWarning[]): ParsedLink[] {
  const links: ParsedLink[] = [];
  for (const reading of readings) {
    if (reading.type === 'link') links.push(reading.link);
    if (reading.type === 'skipped') warnings.push(reading.warning);
  }
  return links;
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

/**
 * Parser of an issue as the public archive renders it in markdown: a dated
 * `# ` heading, a `## ` headline, an unnamed `### ` block holding the top
 * sponsor, then `### ` sections of `[### Title (label)](url)` items, then the
 * page footer, which opens with the next `## ` heading.
 */
import { NotAnIssueError } from '../import.errors';
import { buildIssue, HEADING_FORMAT, ParseOptions, RawIssue } from '../issue.builder';
import type { ParsedIssue } from '../parsed-issue';
import { repairMojibake } from '../text-repair';
import { readBody } from './markdown.body';

const ISSUE_HEADING = /^#\s+(.*\S)\s*$/;
const DATED_HEADING = /\b\d{4}-\d{2}-\d{2}\s*$/;
const HEADLINE = /^##\s+(.*\S)\s*$/;
const FOOTER = /^##\s/;
const PLACEHOLDER_PAGE = /^(?:none|null|undefined)$/i;
const HTML_PAGE = /^\s*(?:<!doctype\s+html|<html\b|<head\b|<body\b|<\?xml\b)/i;

/**
 * Parses one issue page. Throws NotAnIssueError when the text is not an issue,
 * and UnknownNewsletterError when neither the heading nor `options` names the newsletter.
 */
export function parseMarkdownIssue(text: string, options: ParseOptions = {}): ParsedIssue {
  return buildIssue(readMarkdownIssue(text), options);
}

/**
 * The issue page's heading, headline and items in reading order, before interpretation
 * (evaluation keys judgments by an item's position here). Throws NotAnIssueError as above.
 */
export function readMarkdownIssue(text: string): RawIssue {
  rejectNonIssue(text);
  const lines = repairMojibake(text).replace(/\r\n?/g, '\n').split('\n');
  const headingAt = findHeading(lines);
  const headlineAt = nextNonBlank(lines, headingAt + 1);
  const headline = HEADLINE.exec(lines[headlineAt] ?? '');
  const bodyStart = headline ? headlineAt + 1 : headingAt + 1;
  const footerAt = lines.findIndex((line, index) => index >= bodyStart && FOOTER.test(line));
  const body = readBody(lines.slice(bodyStart, footerAt < 0 ? lines.length : footerAt));
  const headingText = lines[headingAt].replace(/^#\s+/, '').trim();
  return { headingText, headline: headline?.[1] ?? '', ...body };
}

/** Refuses the non-issues an archive serves in an issue's place, with a reason a person can act on. */
function rejectNonIssue(text: string): void {
  const trimmed = text.trim();
  if (trimmed === '') throw new NotAnIssueError('the file is empty');
  if (PLACEHOLDER_PAGE.test(trimmed)) throw new NotAnIssueError(`the page reads just "${trimmed}"`);
  if (HTML_PAGE.test(trimmed)) throw new NotAnIssueError('it is an HTML page (an error page?), not a markdown issue');
}

/** Index of the `# Name YYYY-MM-DD` line; a `# ` line without a date is reported as such. */
function findHeading(lines: readonly string[]): number {
  const headings = lines.flatMap((line, index) => (ISSUE_HEADING.test(line) ? [index] : []));
  const dated = headings.find((index) => DATED_HEADING.test(lines[index]));
  if (dated !== undefined) return dated;
  if (headings.length === 0) throw new NotAnIssueError(`no issue heading ${HEADING_FORMAT} found`);
  throw new NotAnIssueError(`the heading "${lines[headings[0]].trim()}" has no date; expected ${HEADING_FORMAT}`);
}

function nextNonBlank(lines: readonly string[], from: number): number {
  let index = from;
  while (index < lines.length && lines[index].trim() === '') index++;
  return index;
}

import fs from 'node:fs';
import path from 'node:path';
import { parseMarkdownIssue } from '../../src/import/markdown/markdown.parser';
import type { ParsedIssue } from '../../src/import/parsed-issue';
import { CORPUS_DIR, describeWithShared, readExpected, SEED_FILE } from '../support/shared-corpus';

/** The counts EXPECTED.jsonl records, taken from a parsed issue. */
function summarise(issue: ParsedIssue) {
  const sectionLinks = issue.sections.flatMap((section) => section.links);
  const sponsoredLinks = [...issue.topLinks, ...sectionLinks].filter((link) => link.sponsored);
  return {
    newsletter: issue.newsletter,
    heading: issue.heading,
    date: issue.date,
    sections: issue.sections.map((section) => section.title),
    links: issue.sponsorBlocks.length + issue.topLinks.length + sectionLinks.length,
    sponsored: issue.sponsorBlocks.length + sponsoredLinks.length,
    top_items: issue.sponsorBlocks.length + issue.topLinks.length,
    // A top ad that names no advertiser (or is a house ad) is kept as a sponsored top link, not a placement.
    top_sponsored: issue.sponsorBlocks.length + issue.topLinks.filter((link) => link.sponsored).length,
  };
}

/** Text a reader sees: headline, titles, summaries and sponsor bodies. */
function visibleTexts(issue: ParsedIssue): string[] {
  const links = [...issue.topLinks, ...issue.sections.flatMap((section) => section.links)];
  return [
    issue.headline,
    ...issue.sponsorBlocks.flatMap((block) => [block.title, block.body]),
    ...links.flatMap((link) => [link.title, link.summary]),
  ];
}

const MOJIBAKE_MARKERS = /‚Ä|√|Ã|â€|ü|Â|Ô∏|\uf8ff/;

describeWithShared(CORPUS_DIR, 'the shared corpus', () => {
  const expected = readExpected();

  test('lists the 66 corpus issues and the seed', () => {
    expect(expected).toHaveLength(67);
  });

  test.each(expected.map((entry) => [entry.file, entry] as const))('%s parses as expected', (file, entry) => {
    const issue = parseMarkdownIssue(fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8'));
    expect({ file, ...summarise(issue) }).toEqual(entry);
  });
});

describeWithShared(SEED_FILE, 'the seed issue, decoded as Mac Roman on its way here', () => {
  const issue = parseMarkdownIssue(fs.readFileSync(SEED_FILE, 'utf8'));

  test('has its 5 sections, 17 items and 2 sponsored', () => {
    const summary = summarise(issue);
    expect(summary.sections).toHaveLength(5);
    expect(summary.links).toBe(17);
    expect(summary.sponsored).toBe(2);
  });

  test('is repaired: the headline reads as written', () => {
    expect(issue.headline).toBe('Google’s Gemma 3 model 🚀, Improved Video Inpainting 🎨, Small Reasoning Models 🤏🏻');
  });

  test('keeps no mojibake in any title, summary or headline', () => {
    expect(visibleTexts(issue).filter((text) => MOJIBAKE_MARKERS.test(text))).toEqual([]);
  });
});

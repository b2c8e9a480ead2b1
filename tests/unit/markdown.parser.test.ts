import fs from 'node:fs';
import path from 'node:path';
import { NotAnIssueError, UnknownNewsletterError } from '../../src/import/import.errors';
import { parseMarkdownIssue } from '../../src/import/markdown/markdown.parser';
import { MAC_ROMAN } from '../../src/import/text-repair.charsets';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'issues');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('parseMarkdownIssue on a full issue', () => {
  const issue = parseMarkdownIssue(fixture('tldr-ai-2024-01-02.md'));
  const [headlines, engineering, quickLinks] = issue.sections;

  test('reads the heading, date and headline', () => {
    expect(issue).toMatchObject({ newsletter: 'ai', heading: 'TLDR AI', date: '2024-01-02' });
    expect(issue.headline).toBe('Paper robots 🤖, Quiet compilers 🔇, Tea-powered GPUs 🍵');
  });

  test('reads the top sponsor block with its bullets and links', () => {
    expect(issue.topLinks).toEqual([]);
    expect(issue.sponsorBlocks).toEqual([
      {
        title: 'Ship models faster with Kettlebench',
        body: [
          'Kettlebench brews your evaluation suite while you sleep.',
          '* Run 10,000 evals in parallel\n* Compare prompts side by side with [diff view](https://kettlebench.io/diff?utm_campaign=jan)',
          '[Start a free trial →](https://go.kettlebench.io/launch?utm_source=tldr&utm_medium=newsletter&plan=team)',
        ].join('\n\n'),
        url: 'https://go.kettlebench.io/launch?plan=team',
        sponsorDomain: 'kettlebench.io',
        sponsorName: 'Kettlebench',
      },
    ]);
  });

  test('reads the sections in order, with the emoji above each', () => {
    expect(issue.sections.map((section) => [section.title, section.emoji, section.links.length])).toEqual([
      ['Headlines & Launches', '🚀', 2],
      ['Engineering & Resources', '🧠', 3],
      ['Quick Links', '⚡️', 2],
    ]);
  });

  test('reads an item whose title holds parentheses, with entities and trackers in its URL', () => {
    expect(headlines.links[0]).toEqual({
      title: 'Origami Labs folds a robot out of paper (and a little glue)',
      url: 'https://www.Origami-Labs.io/blog/paper-robot/?utm_source=tldrai&amp;ref=tldr#how-it-folds',
      canonicalUrl: 'https://www.origami-labs.io/blog/paper-robot/#how-it-folds',
      domain: 'origami-labs.io',
      summary: 'Origami Labs showed a robot arm made from folded paper that lifts a teacup.\n\nThe team says the design costs <$2 to print.',
      readTimeLabel: '4 minute read',
      readMinutes: 4,
      kind: 'ARTICLE',
      sponsored: false,
      sponsor: null,
    });
  });

  test('reads hour-long reading times and tidies spaces', () => {
    expect(headlines.links[1]).toMatchObject({
      readMinutes: 65,
      canonicalUrl: 'https://quiet-compilers.dev/quiet?id=42',
      summary: 'A long essay on compilers that print nothing, with extra spaces.',
    });
  });

  test('reads repositories, sponsored repositories and videos', () => {
    expect(engineering.links.map((link) => [link.title, link.kind, link.sponsored, link.readMinutes])).toEqual([
      ['teapot_gpu', 'REPO', false, null],
      ['Kettlebench SDK', 'REPO', true, null],
      ['Watching a transformer think', 'VIDEO', false, 12],
    ]);
  });

  test('reads a job ad and a thread, and stops at the page footer', () => {
    expect(quickLinks.links.map((link) => [link.kind, link.readTimeLabel])).toEqual([
      ['JOB', 'Lisbon, Portugal, $60,000 - $80,000'],
      ['THREAD', 'Hacker News Thread'],
    ]);
    expect(quickLinks.links[0].url).toBe('https://jobs.teacup-robotics.io/firmware-engineer-(embedded)/7');
    expect(quickLinks.links[1].summary).toBe('Readers share how they keep up with research.');
  });
});

describe('parseMarkdownIssue on variants', () => {
  test('keeps an unsponsored top item as a top link, and reads to the end without a footer', () => {
    const issue = parseMarkdownIssue(fixture('tldr-2023-06-07-truncated-footer.md'));
    expect(issue).toMatchObject({ newsletter: 'tech', heading: 'Keep up with Tech in 5 minutes', date: '2023-06-07' });
    expect(issue.sponsorBlocks).toEqual([]);
    expect(issue.topLinks.map((link) => [link.title, link.kind, link.domain])).toEqual([
      ['Want to help write this newsletter?', 'JOB', 'newsletter.invalid'],
    ]);
    expect(issue.sections[0].links.map((link) => [link.title, link.sponsored])).toEqual([
      ['A kettle reaches Mars orbit', false],
      ['Fold your phone, fold your bills', true],
    ]);
    expect(issue.sections[0].links[1].summary).toBe('Fold Pay splits a bill into origami.');
  });

  test('repairs mojibake and Windows line endings first', () => {
    const clean = fixture('tldr-ai-2024-01-02.md');
    const high = Array.from(MAC_ROMAN.high);
    const mangled = Array.from(Buffer.from(clean, 'utf8'), (byte) => (byte < 0x80 ? String.fromCharCode(byte) : high[byte - 0x80]))
      .join('')
      .replace(/\n/g, '\r\n');
    expect(parseMarkdownIssue(mangled)).toEqual(parseMarkdownIssue(clean));
  });

  test('takes the newsletter from the caller when given', () => {
    const text = fixture('tldr-ai-2024-01-02.md').replace('# TLDR AI', '# The Kettle Weekly');
    expect(parseMarkdownIssue(text, { newsletter: 'kettle' })).toMatchObject({ newsletter: 'kettle', heading: 'The Kettle Weekly' });
    expect(() => parseMarkdownIssue(text)).toThrow(UnknownNewsletterError);
    expect(() => parseMarkdownIssue(text)).toThrow('unknown newsletter "The Kettle Weekly": pass the newsletter slug explicitly');
  });

  test('reads an issue without an unnamed top block', () => {
    const text = '# TLDR Data 2024-03-04\n\n## Headline\n\n📊\n\n### Deep Dives\n\n[### A (5 minute read)](https://a.io/x)\n\nSummary.\n';
    const issue = parseMarkdownIssue(text);
    expect(issue.sponsorBlocks).toEqual([]);
    expect(issue.topLinks).toEqual([]);
    expect(issue.sections).toMatchObject([{ title: 'Deep Dives', emoji: '📊', links: [{ title: 'A', summary: 'Summary.' }] }]);
  });
});

describe('parseMarkdownIssue refuses what is not an issue', () => {
  const items = '\n\n## Headline\n\n### News\n\n[### A (1 minute read)](https://a.io)\n\nText.\n';
  test.each([
    ['an empty file', '', 'the file is empty'],
    ['a blank file', ' \n\n \n', 'the file is empty'],
    ['a page reading just "None"', 'None\n', 'the page reads just "None"'],
    ['an HTML error page', '<!DOCTYPE html>\n<html><body><h1>502 Bad Gateway</h1></body></html>', 'it is an HTML page'],
    ['text without a heading', 'Just some notes\n\n[### A (1 minute read)](https://a.io)\n', "no issue heading '# <Newsletter> <YYYY-MM-DD>' found"],
    ['a heading without a date', `# TLDR AI${items}`, 'the heading "# TLDR AI" has no date'],
    ['an impossible date', `# TLDR AI 2024-02-30${items}`, 'impossible date 2024-02-30 in the heading "# TLDR AI 2024-02-30"'],
    ['a thirteenth month', `# TLDR AI 2024-13-01${items}`, 'impossible date 2024-13-01'],
    ['a truncated file with no items', '# TLDR AI 2024-01-02\n\n## Headline\n\n### ', "no items '[### Title (label)](url)' after the heading"],
  ])('%s', (_, text, reason) => {
    let error: unknown;
    try {
      parseMarkdownIssue(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(NotAnIssueError);
    expect((error as NotAnIssueError).reason).toContain(reason);
    expect((error as NotAnIssueError).message).toBe(`not a newsletter issue: ${(error as NotAnIssueError).reason}`);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { parseMarkdownIssue } from '../../src/import/markdown/markdown.parser';
import { planIssue } from '../../src/import/issue.plan';

const FIXTURE = fs.readFileSync(path.resolve(__dirname, '..', 'fixtures', 'issues', 'tldr-lines-2031-05-06.md'), 'utf8');

describe('an issue with durations, job sections, a doubled link and items without a title', () => {
  const issue = parseMarkdownIssue(FIXTURE);
  const section = (title: string) => issue.sections.find((candidate) => candidate.title === title)!;
  const kinds = (title: string) => section(title).links.map((link) => [link.title, link.kind, link.readMinutes]);

  test('reads seconds and audio durations as minutes, rounded up', () => {
    expect(kinds('Big Tech & Startups')).toEqual([
      ['A teapot that reads you the news', 'ARTICLE', 1],
      ['Inside the kettle factory', 'PODCAST', 12],
      ['The history of the tea timer', 'PODCAST', 60],
      ['Brew faster with Steeply', 'OTHER', null],
      ['A faster kettle', 'VIDEO', 2],
    ]);
  });

  test('reads a top ad whose link was printed twice as the sponsor block it is', () => {
    expect(issue.topLinks).toEqual([]);
    expect(issue.sponsorBlocks).toEqual([
      {
        title: 'Keep your tea warm all day with Kettlecloud',
        body: 'Kettlecloud keeps a pot at the right heat from the first cup to the last.',
        url: 'https://kettlecloud.io/warm',
        sponsorDomain: 'kettlecloud.io',
        sponsorName: 'Kettlecloud',
      },
    ]);
  });

  test('reads a section ad whose link was printed twice as a sponsored link, without the URL in its title', () => {
    expect(section('Big Tech & Startups').links[3]).toMatchObject({
      title: 'Brew faster with Steeply',
      url: 'https://steeply.dev/brew?utm_source=tldr',
      canonicalUrl: 'https://steeply.dev/brew',
      readTimeLabel: 'Sponsor',
      sponsored: true,
      sponsor: { domain: 'steeply.dev', name: 'Steeply' },
    });
  });

  test('gives JOB to place-only labels in a section titled for jobs, and keeps other labels their kind', () => {
    expect(kinds('Jobs')).toEqual([
      ['Teapot Robotics - Firmware Engineer', 'JOB', null],
      ['Leaf & Co - Tea Taster', 'JOB', null],
      ['Kettlebase - Data Engineer', 'JOB', null],
      ['Brewline - Site Reliability Engineer', 'JOB', null],
      ['kettle-sdk', 'REPO', null],
    ]);
  });

  test('gives JOB to place-only labels in a section whose items are job posts, and not elsewhere', () => {
    expect(kinds('Teapot Corner').map(([, kind]) => kind)).toEqual(['JOB', 'JOB']);
    expect(kinds('Quick Links')).toEqual([['A travel kettle for Lisbon', 'OTHER', null]]);
  });

  test('leaves out items without a title, each reported with a code, where it was and where it pointed', () => {
    const titles = section('Big Tech & Startups').links.map((link) => link.title);
    expect(titles).not.toContain(')');
    expect(titles).not.toContain('(Sponsor)');
    expect(issue.warnings).toEqual([
      {
        code: 'EMPTY_TITLE',
        message:
          'item 4 of section "Big Tech & Startups" has no title ("[### )](…)"), so it was left out; it pointed to https://teapot.news/broken',
      },
      {
        code: 'EMPTY_TITLE',
        message:
          'item 5 of section "Big Tech & Startups" has no title ("[### (Sponsor)](…)"), so it was left out; ' +
          'it pointed to https://ads.kettle.example/offer',
      },
    ]);
  });

  test('carries the warnings into the plan, and tags no left-out item', () => {
    const plan = planIssue(issue);
    expect(plan.warnings.map((warning) => warning.code)).toEqual(['EMPTY_TITLE', 'EMPTY_TITLE']);
    const urls = plan.sections.flatMap((planned) => planned.links.map((link) => link.url));
    expect(urls).not.toContain('https://teapot.news/broken');
    expect(urls).not.toContain('https://ads.kettle.example/offer');
  });

  test('a clean issue has no warnings', () => {
    const clean = FIXTURE.replace(/\[### \)\][^\n]*\n/, '').replace(/\[### \(Sponsor\)\][^\n]*\n/, '');
    expect(parseMarkdownIssue(clean).warnings).toEqual([]);
  });
});

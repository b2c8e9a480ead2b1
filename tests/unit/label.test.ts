import { isJobSection, isSponsored, linkKind, readMinutes } from '../../src/content/label';

describe('readMinutes', () => {
  test.each([
    ['8 minute read', 8],
    ['1 minute read', 1],
    ['12 minutes read', 12],
    ['1 hour read', 60],
    ['2 hour read', 120],
    ['1 hour 5 minute read', 65],
    ['2 minute video', 2],
    ['45 minute podcast', 45],
    ['51 minute presentation', 51],
    ['45 second read', 1],
    ['30 sec read', 1],
    ['60 second video', 1],
    ['90 second video', 2],
    ['1 minute 30 second read', 2],
    ['2 minutes and 30 seconds listen', 3],
    ['12 minute audio', 12],
    ['12-minute audio', 12],
    ['1 hour podcast', 60],
    ['1 hr 20 min podcast', 80],
    ['1.5 hour video', 90],
    ['2 hour audio', 120],
    ['45 minute episode', 45],
    ['5 minute', 5],
    ['GitHub Repo', null],
    ['second opinion', null],
    ['3 hour-long talks', null],
    ['Sponsor', null],
    ['TLDR Curator, ~5 hrs/week', null],
    ['Fully Remote, $100/hr', null],
    ['', null],
    [null, null],
  ])('%p → %p', (label, minutes) => {
    expect(readMinutes(label)).toBe(minutes);
  });
});

describe('isSponsored', () => {
  test.each([
    ['Sponsor', true],
    ['GitHub Repo Sponsor', true],
    ['sponsored', true],
    ['8 minute read', false],
    [null, false],
  ])('%p → %p', (label, sponsored) => {
    expect(isSponsored(label)).toBe(sponsored);
  });
});

describe('linkKind', () => {
  const article = 'https://blog.kettle.io/post';
  test.each([
    ['8 minute read', article, 'ARTICLE'],
    ['1 hour read', article, 'ARTICLE'],
    ['Book', article, 'ARTICLE'],
    ['GitHub Repo', 'https://github.com/o/r', 'REPO'],
    ['Github Repo', 'https://o.github.io/r/', 'REPO'],
    ['GitLab Repo', article, 'REPO'],
    ['Hugging Face Hub', 'https://huggingface.co/o/m', 'REPO'],
    ['GitHub Repo Sponsor', 'https://github.com/o/r', 'REPO'],
    ['GitHub PR', 'https://github.com/o/r/pull/1', 'REPO'],
    ['2 minute video', article, 'VIDEO'],
    ['51 minute presentation', article, 'VIDEO'],
    ['30 minute podcast', article, 'PODCAST'],
    ['12 minute audio', article, 'PODCAST'],
    ['1 hour podcast', article, 'PODCAST'],
    ['45 second read', article, 'ARTICLE'],
    ['45 minute keynote', article, 'VIDEO'],
    ['Hacker News Thread', 'https://news.ycombinator.com/item?id=1', 'THREAD'],
    ['Reddit Thread', article, 'THREAD'],
    ['Product', article, 'PRODUCT'],
    ['Product Launch', article, 'PRODUCT'],
    ['Tool', article, 'PRODUCT'],
    ['Website', article, 'PRODUCT'],
    ['WebApp', article, 'PRODUCT'],
    ['TLDR Job', 'mailto:jobs@kettle.io', 'JOB'],
    ['TLDR Curator, ~5 hrs/week', 'mailto:jobs@kettle.io', 'JOB'],
    ['Redondo Beach, California, $50,000 - $75,000', article, 'JOB'],
    ['Fully Remote, Up to $120,000', article, 'JOB'],
    ['$200k-$300k, Fully Remote', article, 'JOB'],
    ['Sponsor', article, 'OTHER'],
    ['first?', article, 'OTHER'],
    [null, article, 'OTHER'],
  ])('(%s) %s → %s', (label, url, kind) => {
    expect(linkKind(label, url)).toBe(kind);
  });

  test.each([
    ['3 minute read', 'https://www.youtube.com/watch?v=abc', 'VIDEO'],
    ['1 minute read', 'https://threadreaderapp.com/thread/1.html', 'THREAD'],
    ['5 minute read', 'https://github.com/o/r', 'REPO'],
    ['5 minute read', 'https://github.com/o/r/blob/main/essay.md', 'ARTICLE'],
    ['4 minute read', 'https://blog.youtube/news/post', 'ARTICLE'],
    [null, 'https://youtu.be/abc', 'VIDEO'],
    ['Sponsor', 'https://github.com/o/r', 'REPO'],
  ])('a telling URL decides over a bare reading time: (%s) %s → %s', (label, url, kind) => {
    expect(linkKind(label, url)).toBe(kind);
  });
});

describe('linkKind in a job section', () => {
  const post = 'https://kettle.example/jobs/1';
  test.each([
    ['San Francisco, CA', 'JOB'],
    ['Remote', 'JOB'],
    ['London / Berlin', 'JOB'],
    ['Austin, TX or New York', 'JOB'],
    ['Frankfurt am Main, Germany', 'JOB'],
    ['São Paulo', 'JOB'],
    ['NYC', 'JOB'],
    ['GitHub Repo', 'REPO'],
    ['8 minute read', 'ARTICLE'],
    ['Sponsor', 'OTHER'],
    ['first?', 'OTHER'],
    [null, 'OTHER'],
  ])('(%s) → %s', (label, kind) => {
    expect(linkKind(label, post, { jobSection: true })).toBe(kind);
  });

  test('a place-only label elsewhere is no job', () => {
    expect(linkKind('San Francisco, CA', post)).toBe('OTHER');
    expect(linkKind('Lisbon, Portugal', post, { jobSection: false })).toBe('OTHER');
  });
});

describe('isJobSection', () => {
  const article = { label: '5 minute read', url: 'https://kettle.example/post' };
  test.each([
    ['Jobs', [article], true],
    ['Careers at TLDR', [], true],
    ['Hiring', [article], true],
    ['Quick Links', [article, article], false],
    ['Quick Links', [], false],
    ['Openings', [{ label: 'Remote', url: 'https://a.example/x' }, { label: 'Austin, TX', url: 'https://a.example/careers/qa' }], true],
    ['Openings', [{ label: 'Austin, TX', url: 'https://boards.greenhouse.io/kettle/1' }, article], true],
    ['Openings', [{ label: 'Austin, TX', url: 'https://a.example/x' }, article, article], false],
    [null, [{ label: 'TLDR Job', url: 'mailto:jobs@kettle.example' }], true],
  ])('%p with %j → %p', (title, items, expected) => {
    expect(isJobSection(title, items)).toBe(expected);
  });
});

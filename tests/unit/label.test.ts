import { isSponsored, linkKind, readMinutes } from '../../src/content/label';

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
    ['GitHub Repo', null],
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

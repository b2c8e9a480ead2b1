import { canonicalizeUrl, domainOf, isHttpUrl, registrableDomain } from '../../src/content/url';

describe('canonicalizeUrl', () => {
  test.each([
    ['decodes entities and drops utm parameters', 'https://kettle.io/a?utm_source=tldr&amp;utm_medium=email&amp;plan=team', 'https://kettle.io/a?plan=team'],
    ['lower-cases the host, keeps the path', 'https://WWW.Kettle.IO/Blog/Post', 'https://www.kettle.io/Blog/Post'],
    ['drops the question mark when nothing remains', 'https://kettle.io/a?utm_source=tldrai', 'https://kettle.io/a'],
    ['keeps meaningful parameters', 'https://www.youtube.com/watch?v=abc&amp;utm_source=tldr', 'https://www.youtube.com/watch?v=abc'],
    ['keeps id, q and p', 'https://forum.io/item?id=7&q=tea&p=2&fbclid=xyz&gclid=abc', 'https://forum.io/item?id=7&q=tea&p=2'],
    ['drops mailing and ad-platform trackers', 'https://a.io/?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&mkt_tok=5&mtm_source=6&x=1', 'https://a.io/?x=1'],
    ['drops ref only when it names the newsletter', 'https://a.io/p?ref=tldr&page=2', 'https://a.io/p?page=2'],
    ['keeps a ref that is a git reference', 'https://git.io/o/r/raw?ref=main', 'https://git.io/o/r/raw?ref=main'],
    ['drops share parameters of X', 'https://x.com/someone/status/1?s=12&amp;utm_source=tldr', 'https://x.com/someone/status/1'],
    ['keeps an anchor fragment', 'https://a.io/post?utm_source=x#section-2', 'https://a.io/post#section-2'],
    ['drops tracking appended to a fragment', 'https://docs.io/d/1/edit?tab=t.0#heading=h.abc&amp;utm_source=tldr', 'https://docs.io/d/1/edit?tab=t.0#heading=h.abc'],
    ['drops a fragment holding only tracking', 'https://a.io/p#utm_source=tldr', 'https://a.io/p'],
    ['drops empty and text-highlight fragments', 'https://a.io/p#:~:text=tea', 'https://a.io/p'],
    ['reads a stray second question mark as a separator', 'https://a.io/?signup=1?utm_campaign=launch', 'https://a.io/?signup=1'],
    ['survives a doubled question mark', 'https://a.io/news/1??utm_source=tldr', 'https://a.io/news/1'],
    ['keeps parentheses in paths', 'https://jobs.io/engineer-(backend)/7?utm_source=tldr', 'https://jobs.io/engineer-(backend)/7'],
    ['cleans mailto links', 'mailto:jobs@kettle.io?utm_source=tldr', 'mailto:jobs@kettle.io'],
    ['trims surrounding spaces', '  https://a.io/x  ', 'https://a.io/x'],
  ])('%s', (_, raw, canonical) => {
    expect(canonicalizeUrl(raw)).toBe(canonical);
  });

  test.each(['/privacy', 'not a url', 'https://', 'http://exa mple.com/x', '', 'javascript:alert(1)'])(
    'never throws, returning the trimmed decoded input: %p',
    (raw) => {
      expect(canonicalizeUrl(`  ${raw}  `)).toBe(raw);
    },
  );
});

describe('domainOf', () => {
  test.each([
    ['https://www.Kettle.io/a', 'kettle.io'],
    ['https://blog.kettle.io/a?b=c', 'blog.kettle.io'],
    ['https://www.youtube.com/watch?v=a&amp;b=c', 'youtube.com'],
    ['mailto:jobs@Kettle.io', 'kettle.io'],
    ['/relative/path', ''],
  ])('%s → %p', (url, domain) => {
    expect(domainOf(url)).toBe(domain);
  });
});

describe('registrableDomain', () => {
  test.each([
    ['go.mezmo.io', 'mezmo.io'],
    ['kettle.io', 'kettle.io'],
    ['news.kettle.co.uk', 'kettle.co.uk'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, domain) => {
    expect(registrableDomain(host)).toBe(domain);
  });
});

describe('isHttpUrl', () => {
  test.each(['https://kettle.io', ' http://kettle.io/a?b=c&amp;d=e ', 'HTTPS://Kettle.IO/x'])('accepts %p', (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });

  test.each(['/privacy', 'kettle.io', 'https://', 'http://exa mple.com/x', 'ftp://kettle.io/f', 'mailto:jobs@kettle.io', ''])('refuses %p', (url) => {
    expect(isHttpUrl(url)).toBe(false);
  });
});

import { canonicalizeUrl, domainOf, isHttpUrl, registrableDomain, withoutTracking } from '../../src/content/url';

describe('canonicalizeUrl', () => {
  test.each([
    ['decodes entities and drops utm parameters', 'https://kettle.io/a?utm_source=tldr&amp;utm_medium=email&amp;plan=team', 'https://kettle.io/a?plan=team'],
    ['lower-cases the host, keeps the path', 'https://WWW.Kettle.IO/Blog/Post', 'https://www.kettle.io/Blog/Post'],
    ['drops the question mark when nothing remains', 'https://kettle.io/a?utm_source=tldrai', 'https://kettle.io/a'],
    ['keeps meaningful parameters', 'https://www.youtube.com/watch?v=abc&amp;utm_source=tldr', 'https://www.youtube.com/watch?v=abc'],
    ['keeps id, q and p', 'https://forum.io/item?id=7&q=tea&p=2&fbclid=xyz&gclid=abc', 'https://forum.io/item?id=7&q=tea&p=2'],
    ['drops mailing and ad-platform trackers', 'https://a.io/?mc_cid=1&mc_eid=2&_hsenc=3&_hsmi=4&mkt_tok=5&mtm_source=6&x=1', 'https://a.io/?x=1'],
    ['drops ref naming the newsletter', 'https://a.io/p?ref=tldr&page=2', 'https://a.io/p?page=2'],
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

/**
 * Tracking and share parameters never split a story: each row is one the
 * archive holds or the content issue names, and every pair must reach one identity.
 */
describe('canonicalizeUrl: one identity per story', () => {
  test.each([
    ['a fragment that is only a query of tracking', 'https://a.io/p#?utm_source=tldr&utm_medium=email', 'https://a.io/p'],
    ['a fragment query keeping what is not tracking', 'https://a.io/app#?utm_source=tldr&page=2', 'https://a.io/app#?page=2'],
    ['tracking after an anchor', 'https://a.io/p#part-2?utm_source=tldrnewsletter', 'https://a.io/p#part-2'],
    ['a zero-width space before the URL', '\u200bhttps://a.io/p?utm_source=tldr', 'https://a.io/p'],
    ['zero-width joiners, a word joiner and a BOM around it', '\ufeff\u200c\u2060https://a.io/p\u200d\u200b', 'https://a.io/p'],
    ['a no-break space before it, also as an entity', '&nbsp;\u00a0https://a.io/p', 'https://a.io/p'],
    ['a zero-width space as an entity', '&#8203;https://a.io/p', 'https://a.io/p'],
    ['ref whatever its value', 'https://a.io/p?ref=producthunt&page=2', 'https://a.io/p?page=2'],
    ['ref naming the linking site', 'https://blog.a.io/p/?ref=blog.b.io', 'https://blog.a.io/p/'],
    ['ref naming the newsletter on a code host', 'https://github.com/o/r?ref=newsletter', 'https://github.com/o/r'],
    ['ref_src and ref_url of embedded posts', 'https://a.io/p?ref_src=twsrc%5Etfw&ref_url=https%3A%2F%2Fb.io', 'https://a.io/p'],
    ['sc_channel and the rest of the sc_ family', 'https://aws.example/blogs/x/?sc_channel=el&sc_campaign=launch&sc_geo=emea', 'https://aws.example/blogs/x/'],
    ['dub_id', 'https://a.io/p?dub_id=Xy12AbC', 'https://a.io/p'],
    ['guccounter and its referrer', 'https://a.io/p?guccounter=1&guce_referrer=aHR0cHM6&guce_referrer_sig=AQAA', 'https://a.io/p'],
    ['Bloomberg and FT gift tokens', 'https://www.bloomberg.com/news/articles/x?accessToken=eyJhbGci.eyJzb3.Rdy', 'https://www.bloomberg.com/news/articles/x'],
    ['an FT gift link', 'https://www.ft.com/content/1?accessToken=zwAA&sharetype=gift&token=5f1e', 'https://www.ft.com/content/1'],
    ['a New York Times gift link', 'https://www.nytimes.com/2026/05/26/x.html?unlocked_article_code=1.llA.pz&smid=url-share', 'https://www.nytimes.com/2026/05/26/x.html'],
    ['a Wall Street Journal share token', 'https://www.wsj.com/tech/ai/x-e9f5bcd6?st=2AqtKX&mod=e2tw', 'https://www.wsj.com/tech/ai/x-e9f5bcd6'],
    ['a Washington Post gift token', 'https://www.washingtonpost.com/x/?pwapi_token=eyJ0&itid=sh', 'https://www.washingtonpost.com/x/'],
    ['gift, giftCode and giftId', 'https://a.io/p?gift=abc&giftCode=d&giftId=e', 'https://a.io/p'],
    ['share, share_token and shareToken', 'https://a.io/p?share=1&share_token=x&shareToken=y&shared=z', 'https://a.io/p'],
    ['a Medium friend link and tracking id', 'https://medium.com/@a/post-1a2b?sk=0123456789abcdef0123456789abcdef&source=rss', 'https://medium.com/@a/post-1a2b'],
    ['Medium tracking on a custom domain', 'https://netflixtechblog.com/x-d416ec5b1151?gi=469a15a19643', 'https://netflixtechblog.com/x-d416ec5b1151'],
    ['a Substack referral', 'https://one.substack.com/p/x?r=2abc&triedRedirect=true&utm_campaign=post', 'https://one.substack.com/p/x'],
    ['rss=1 and source=rss', 'https://a.io/p?rss=1&source=rss', 'https://a.io/p'],
    ['from=newsletter', 'https://a.io/p?from=newsletter', 'https://a.io/p'],
    ['LinkedIn share parameters', 'https://www.linkedin.com/posts/x?trk=public_post&trackingId=abc&rcm=ACoA', 'https://www.linkedin.com/posts/x'],
    ['Threads share token', 'https://www.threads.net/@a/post/C1?xmt=AQGz', 'https://www.threads.net/@a/post/C1'],
    ['Google ad click ids', 'https://a.io/p?gad_source=1&gbraid=0AAA&wbraid=Cj0&srsltid=AfmB', 'https://a.io/p'],
    ['Reddit share ids', 'https://www.reddit.com/r/x/comments/1/y/?share_id=abc&utm_name=iossmf', 'https://www.reddit.com/r/x/comments/1/y/'],
  ])('drops %s', (_, raw, canonical) => {
    expect(canonicalizeUrl(raw)).toBe(canonical);
  });

  test.each([
    ['a ref naming a branch on a code host', 'https://github.com/o/r/blob/x.md?ref=main'],
    ['a ref on a GitLab instance', 'https://gitlab.example.org/o/r/-/raw/x?ref=v1.2'],
    ['a YouTube video id', 'https://www.youtube.com/watch?v=4Bg64WnkfgE'],
    ['a language', 'https://developer.example/blog/x?hl=en'],
    ['a comments page', 'https://arstechnica.com/x/?comments=1&comments-page=1'],
    ['share in a path or as a word', 'https://a.io/share/p?q=share'],
    ['a gi or sk of another shape', 'https://a.io/p?gi=2&sk=short'],
    ['s and r outside their sites', 'https://a.io/p?s=12&r=2'],
    ['source naming something other than a feed', 'https://a.io/p?source=github'],
  ])('keeps %s', (_, url) => {
    expect(canonicalizeUrl(url)).toBe(url);
  });

  it('gives every appearance of one story the same identity', () => {
    const appearances = [
      'https://www.wsj.com/tech/x-1?mod=tech_lead',
      '\u200bhttps://WWW.WSJ.com/tech/x-1?st=abc&amp;reflink=desktopwebshare_permalink',
      'https://www.wsj.com/tech/x-1#?utm_source=tldrnewsletter',
      'https://www.wsj.com/tech/x-1?utm_source=tldr&utm_medium=email#:~:text=AI',
    ];
    expect(new Set(appearances.map(canonicalizeUrl))).toEqual(new Set(['https://www.wsj.com/tech/x-1']));
  });
});

describe('withoutTracking: links as readers follow them', () => {
  test.each([
    ['keeps a gift token, drops tracking', 'https://www.nytimes.com/x.html?unlocked_article_code=1.ll&smid=url-share', 'https://www.nytimes.com/x.html?unlocked_article_code=1.ll'],
    ['keeps a share token on its site', 'https://www.wsj.com/x?st=2Aq&mod=e2tw', 'https://www.wsj.com/x?st=2Aq'],
    ['keeps a Medium friend link', 'https://medium.com/@a/p?sk=0123456789abcdef0123456789abcdef&source=rss', 'https://medium.com/@a/p?sk=0123456789abcdef0123456789abcdef'],
    ['cleans like canonicalizeUrl otherwise', '\u200bhttps://A.io/p?ref=x&utm_source=y#?utm_medium=z', 'https://a.io/p'],
  ])('%s', (_, raw, cleaned) => {
    expect(withoutTracking(raw)).toBe(cleaned);
  });
});

describe('domainOf', () => {
  test.each([
    ['https://www.Kettle.io/a', 'kettle.io'],
    ['https://blog.kettle.io/a?b=c', 'blog.kettle.io'],
    ['https://www.youtube.com/watch?v=a&amp;b=c', 'youtube.com'],
    ['mailto:jobs@Kettle.io', 'kettle.io'],
    ['/relative/path', ''],
    ['\u200bhttps://www.a.io/p', 'a.io'],
    ['\ufeff\u00a0https://b.io/p', 'b.io'],
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
  test.each(['https://kettle.io', ' http://kettle.io/a?b=c&amp;d=e ', 'HTTPS://Kettle.IO/x', '\u200bhttps://kettle.io/a'])('accepts %p', (url) => {
    expect(isHttpUrl(url)).toBe(true);
  });

  test.each(['/privacy', 'kettle.io', 'https://', 'http://exa mple.com/x', 'ftp://kettle.io/f', 'mailto:jobs@kettle.io', ''])('refuses %p', (url) => {
    expect(isHttpUrl(url)).toBe(false);
  });
});

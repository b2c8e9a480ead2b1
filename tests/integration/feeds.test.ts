import { IssueStatus } from '../../src/modules/issue/issue-status';
import { LinkKind } from '../../src/modules/link/link-kind';
import { Factory } from '../support/factories';
import { FeedAnswer, Format, FORMATS, getFeed, idOf, parseFeed, ParsedFeed } from '../support/feeds';
import { Harness, startHarness } from '../support/harness';

let h: Harness;
const ids: Record<string, number> = {};

const NASTY_TITLE = 'Ship <script>alert(1)</script> & "quotes" ]]> fast';
/** Markup a sanitiser must never let through: scripts, images, javascript: links, event handlers. */
const UNSAFE = /<script|<img|href="javascript:|<[^>]*\son\w+=/i;
const NASTY_SUMMARY = 'Really **bold** claims, [a trap](javascript:alert(1)) and <img src=x onerror=alert(1)> inline.';

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai', 'TLDR AI');
  const devops = await f.newsletter('devops', 'TLDR DevOps');
  const bulk = await f.newsletter('bulk', 'Bulk');
  const k8s = { tags: ['kubernetes'] };
  const first = await f.issue(ai, {
    date: '2025-03-01',
    headline: 'Agents & <tools>',
    sections: [
      { title: 'Headlines', links: [{ title: 'K8s one', ...k8s }, { title: NASTY_TITLE, summary: NASTY_SUMMARY, tags: ['security'] }] },
      { title: 'Repos', category: 'Open Source', links: [{ title: 'A repo', kind: LinkKind.REPO, domain: 'github.com', ...k8s }] },
    ],
  });
  const second = await f.issue(ai, {
    date: '2025-03-02',
    sections: [{ title: 'Headlines', links: [{ title: 'K8s two', ...k8s }, { title: 'Sponsored thing', sponsored: true }] }],
  });
  await f.issue(ai, { date: '2025-03-03', status: IssueStatus.DRAFT, sections: [{ title: 'Secret', links: [{ title: 'Draft k8s link', tags: ['kubernetes', 'draft-only'] }] }] });
  await f.issue(ai, { date: '2025-03-04', status: IssueStatus.SCHEDULED, sections: [{ title: 'Later', links: [{ title: 'Scheduled k8s link', ...k8s }] }] });
  await f.issue(devops, { date: '2025-02-20', sections: [{ title: 'Headlines', links: [{ title: 'Devops k8s', ...k8s }] }] });
  const many = Array.from({ length: 30 }, (_, n) => ({ title: `Bulk ${n}`, tags: ['bulk'] }));
  await f.issue(bulk, { date: '2025-01-01', sections: [{ title: 'A', links: many }, { title: 'B', links: many }] });
  await h.dataSource.query(`INSERT INTO tag_alias (slug, tag_id) SELECT 'k8s', id FROM tag WHERE slug = 'kubernetes'`);
  Object.assign(ids, { first: first.id, second: second.id });
});

afterAll(() => h.close());

async function feed(path: string, headers: Record<string, string> = {}): Promise<FeedAnswer> {
  return getFeed(h.url, path, headers);
}

/** GETs a feed that must answer 200 and parse to spec. */
async function read(path: string): Promise<ParsedFeed> {
  const answer = await feed(path);
  expect({ path, status: answer.status }).toEqual({ path, status: 200 });
  return parseFeed(path.split('?')[0].split('.').pop() as Format, answer.body);
}

async function graphqlLinkIds(filter: Record<string, unknown>, first = 100, distinct = false): Promise<number[]> {
  const { data, errors } = await h.gql(
    `query($filter: LinkFilter, $first: Int, $distinct: Boolean) { links(first: $first, filter: $filter, distinct: $distinct) { edges { node { id } } } }`,
    { filter, first, distinct },
  );
  expect(errors).toBeUndefined();
  return data!.links.edges.map((edge: { node: { id: string } }) => Number(edge.node.id));
}

const itemIds = (parsed: ParsedFeed) => parsed.items.map((item) => idOf(item.id).id);

describe.each(FORMATS)('%s', (format) => {
  it('every route answers a feed that meets its specification, with its media type', async () => {
    const types = { rss: 'application/rss+xml', atom: 'application/atom+xml', json: 'application/feed+json' };
    for (const path of ['/feeds/newsletters/ai', '/feeds/categories/headlines', '/feeds/tags/kubernetes', '/feeds/links']) {
      const answer = await feed(`${path}.${format}`);
      expect({ path, status: answer.status, type: answer.headers.get('content-type') }).toEqual({ path, status: 200, type: `${types[format]}; charset=utf-8` });
      expect(parseFeed(format, answer.body).items.length).toBeGreaterThan(0);
    }
  });

  it('a newsletter feed: one item per published issue, newest first, its sections and links inside as safe HTML', async () => {
    const parsed = await read(`/feeds/newsletters/ai.${format}`);
    expect(parsed.title).toBe('TLDR AI');
    expect(parsed.items.map((item) => idOf(item.id))).toEqual([
      { kind: 'issue', id: ids.second },
      { kind: 'issue', id: ids.first },
    ]);
    const item = parsed.items[1];
    expect(item.title).toBe('Agents & <tools>');
    expect(item.updated).toMatch(/^\d{4}-/);
    expect(item.html).toContain('<h3>Headlines</h3>');
    expect(item.html).toContain('<a href="https://example.com/');
    expect(item.html).toContain('<strong>bold</strong>');
    expect(item.html).toContain('Ship &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; ]]&gt; fast');
    expect(item.html).not.toMatch(UNSAFE);
    expect(parsed.items.map((entry) => entry.html).join(' ')).not.toMatch(/Draft k8s link|Scheduled k8s link|Secret/);
  });

  it('a tag feed: one item per link carrying the tag (an old slug names it too), newest first, drafts and scheduled never', async () => {
    const expected = await graphqlLinkIds({ tags: { any: ['kubernetes'] } });
    for (const slug of ['kubernetes', 'k8s']) {
      const parsed = await read(`/feeds/tags/${slug}.${format}`);
      expect(parsed.title).toBe('KUBERNETES');
      expect(itemIds(parsed)).toEqual(expected);
    }
    const parsed = await read(`/feeds/tags/kubernetes.${format}`);
    expect(parsed.items.map((item) => item.title)).toEqual(['K8s two', 'K8s one', 'A repo', 'Devops k8s']);
    expect(parsed.items[0]).toMatchObject({ url: expect.stringMatching(/^https:\/\/example\.com\/post-\d+$/), categories: ['KUBERNETES'] });
    expect(parsed.items[0].html).toContain('TLDR AI, 2025-03-02 · Headlines');
  });

  it('a category feed: the links of its sections', async () => {
    const parsed = await read(`/feeds/categories/open-source.${format}`);
    expect(parsed.items.map((item) => item.title)).toEqual(['A repo']);
  });

  it('titles and summaries survive escaping: a reader shows the title as written, the summary as safe HTML', async () => {
    const parsed = await read(`/feeds/tags/security.${format}`);
    expect(parsed.items.map((item) => item.title)).toEqual([NASTY_TITLE]);
    expect(parsed.items[0].html).toContain('<strong>bold</strong>');
    expect(parsed.items[0].html).not.toMatch(UNSAFE);
  });

  it('unknown newsletters, tags and categories, and ones with only drafts, are 404 NOT_FOUND', async () => {
    for (const path of ['/feeds/newsletters/nope', '/feeds/tags/nope', '/feeds/tags/draft-only', '/feeds/categories/secret', '/feeds/categories/nope']) {
      const answer = await feed(`${path}.${format}`);
      expect({ path, status: answer.status, code: JSON.parse(answer.body).errors[0].extensions.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
  });
});

describe('the links feed', () => {
  it.each([
    ['tags=kubernetes&kinds=REPO', { tags: { any: ['kubernetes'] }, kinds: ['REPO'] }],
    ['tags=kubernetes,security', { tags: { any: ['kubernetes', 'security'] } }],
    ['tags.any=k8s&tags=security', { tags: { any: ['k8s', 'security'] } }],
    ['tags.all=kubernetes&newsletters=ai', { tags: { all: ['kubernetes'] }, newsletters: ['ai'] }],
    ['newsletters=ai&tags.none=kubernetes', { newsletters: ['ai'], tags: { none: ['kubernetes'] } }],
    ['newsletters=ai&newsletters=devops&kinds=article', { newsletters: ['ai', 'devops'], kinds: ['ARTICLE'] }],
    ['categories=open-source', { categories: ['open-source'] }],
    ['domains=github.com', { domains: ['github.com'] }],
    ['sponsored=true', { sponsored: true }],
    ['newsletters=ai&sponsored=false', { newsletters: ['ai'], sponsored: false }],
    ['date.from=2025-02-01&date.to=2025-03-01', { date: { from: '2025-02-01', to: '2025-03-01' } }],
    ['statuses=PUBLISHED&newsletters=devops', { statuses: ['PUBLISHED'], newsletters: ['devops'] }],
    ['tags=', {}],
    ['url=https%3A%2F%2Fexample.com%2Fpost-1%3Futm_source%3Dnews', { url: 'https://example.com/post-1?utm_source=news' }],
    ['distinct=true&tags=kubernetes', { tags: { any: ['kubernetes'] } }, true],
    ['distinct=false', {}, false],
  ])('?%s lists what links(filter) lists, in its order', async (query: string, filter: Record<string, unknown>, distinct = false) => {
    const expected = await graphqlLinkIds(filter, 50, distinct);
    for (const format of FORMATS) expect(itemIds(await read(`/feeds/links.${format}?${query}`))).toEqual(expected);
  });

  it('a bounded number of SQL statements, whatever the number of items', async () => {
    const count = async (path: string) => {
      h.statements.reset();
      await read(path);
      return h.statements.count;
    };
    // The list, then one batch each of sections, issues, newsletters and tags (and the tag's lookup).
    expect(await count('/feeds/links.atom?limit=1')).toBe(await count('/feeds/links.atom?limit=100'));
    expect(await count('/feeds/tags/bulk.rss?limit=100')).toBeLessThanOrEqual(7);
    // The newsletter, its issues, their sections, their links.
    expect(await count('/feeds/newsletters/ai.json?limit=1')).toBe(await count('/feeds/newsletters/ai.json?limit=100'));
    expect(await count('/feeds/newsletters/bulk.json')).toBeLessThanOrEqual(4);
  });

  it('50 items unless limit says otherwise, at most 100; the newest ones', async () => {
    const all = await graphqlLinkIds({}, 100);
    expect(all.length).toBeGreaterThan(60);
    expect(itemIds(await read('/feeds/links.json'))).toEqual(all.slice(0, 50));
    expect(itemIds(await read('/feeds/links.atom?limit=3'))).toEqual(all.slice(0, 3));
    expect(itemIds(await read('/feeds/links.rss?limit=100'))).toEqual(all.slice(0, 100));
    expect((await read('/feeds/newsletters/ai.json?limit=1')).items.map((item) => idOf(item.id).id)).toEqual([ids.second]);
  });

  it.each([
    ['/feeds/links.atom?limit=0', 'limit'],
    ['/feeds/links.atom?limit=101', 'limit'],
    ['/feeds/links.atom?limit=ten', 'limit'],
    ['/feeds/links.atom?limit=1.5', 'limit'],
    ['/feeds/links.atom?limit=2&limit=3', 'limit'],
    ['/feeds/newsletters/ai.rss?limit=-1', 'limit'],
    ['/feeds/links.atom?tag=kubernetes', 'tag'],
    ['/feeds/tags/kubernetes.atom?kinds=REPO', 'kinds'],
    ['/feeds/links.atom?kinds=BOGUS', 'kinds'],
    ['/feeds/links.atom?sponsored=maybe', 'sponsored'],
    ['/feeds/links.atom?distinct=yes', 'distinct'],
    ['/feeds/links.atom?url=a&url=b', 'url'],
    ['/feeds/links.atom?date.from=2025-02-30', 'date.from'],
    ['/feeds/links.atom?date.from=2025-03-02&date.to=2025-03-01', undefined],
    [`/feeds/links.atom?tags=${Array.from({ length: 51 }, (_, n) => `t${n}`).join(',')}`, 'tags.any'],
  ])('%s: 400 BAD_USER_INPUT naming the parameter', async (path, field) => {
    const answer = await feed(path);
    expect(answer.status).toBe(400);
    expect(answer.headers.get('content-type')).toMatch(/^application\/json/);
    const error = JSON.parse(answer.body).errors[0];
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...(field ? { field } : {}) });
    expect(error.message.length).toBeGreaterThan(10);
  });

  it.each([
    '/feeds/links.atom?%',
    '/feeds/links.atom?%zz=1',
    '/feeds/links.atom?limit=%00',
    '/feeds/links.atom?tags[]=x',
    '/feeds/links.atom?__proto__=1',
    '/feeds/links.atom?constructor=1&hasOwnProperty=2',
    `/feeds/links.atom?domains=${'x'.repeat(5000)}`,
    '/feeds/links.atom?newsletters=%00%01',
    '/feeds/tags/%F0%9F%9A%80.atom',
    '/feeds/tags/%E0%A4%A.atom',
    '/feeds/tags/..%2F..%2Fetc%2Fpasswd.atom',
    '/feeds/newsletters/%00.json',
    '/feeds/links.atom?token=%ZZ',
    `/feeds/links.atom?token=${'n'.repeat(5000)}`,
  ].map((path) => [path.length > 60 ? `${path.slice(0, 40)}… (${path.length} characters)` : path, path]))(
    'junk %s: an answer under 500, JSON with a code, or a feed', async (_label, path) => {
    const answer = await feed(path);
    expect(answer.status).toBeLessThan(500);
    if (answer.status !== 200) expect(JSON.parse(answer.body).errors[0].extensions.code).toMatch(/^[A-Z_]+$/);
    expect(answer.body).not.toMatch(/\bat .+\.(js|ts):\d+|SELECT|QueryFailedError/);
  });

  it('drafts cannot be asked for: statuses=DRAFT is refused as GraphQL refuses it', async () => {
    const answer = await feed('/feeds/links.atom?statuses=DRAFT');
    expect([answer.status, JSON.parse(answer.body).errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('paths that name no feed: 404 with a code; other methods: 405', async () => {
    for (const path of ['/feeds/links.xml', '/feeds/tags/a/b.atom', '/feeds/links', '/feeds/']) {
      const answer = await feed(path);
      expect({ path, status: answer.status, code: JSON.parse(answer.body).errors[0].extensions.code }).toEqual({ path, status: 404, code: 'NOT_FOUND' });
    }
    const post = await fetch(h.url.replace(/\/graphql$/, '/feeds/links.atom'), { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD']);
  });
});

describe('with PUBLIC_URL and FEED_ISSUE_URL', () => {
  it('ids take the public host, links the public base URL, issues link to their pages', async () => {
    const site = await startHarness({ config: { feeds: { publicUrl: 'https://api.example.com/v1', issueUrl: 'https://example.com/{newsletter}/{date}' } } });
    try {
      const f = new Factory(site.dataSource);
      const issue = await f.issue(await f.newsletter('ai'), { date: '2025-03-01', sections: [{ title: 'A', links: [{ title: 'One' }] }] });
      const parsed = parseFeed('atom', (await getFeed(site.url, '/feeds/newsletters/ai.atom?limit=5')).body);
      expect(parsed.self).toBe('https://api.example.com/v1/feeds/newsletters/ai.atom?limit=5');
      expect(parsed.items.map((item) => [item.id, item.url])).toEqual([[`tag:api.example.com,2026:issue/${issue.id}`, 'https://example.com/ai/2025-03-01']]);
    } finally {
      await site.close();
    }
  });

  it('without them, an issue links to its newsletter feed at its date', async () => {
    const parsed = await read('/feeds/newsletters/ai.rss');
    expect(parsed.items[0].url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/feeds\/newsletters\/ai\.rss#2025-03-02$/);
    expect(parsed.items[0].id).toBe(`tag:localhost,2026:issue/${ids.second}`);
  });
});

describe('conditional requests', () => {
  it('ETag and Last-Modified; If-None-Match and If-Modified-Since answer 304 until the feed changes', async () => {
    const path = '/feeds/newsletters/devops.atom';
    const first = await feed(path);
    const etag = first.headers.get('etag')!;
    const lastModified = first.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    expect(new Date(lastModified).toISOString()).toBe(parseFeed('atom', first.body).updated!.replace(/\.\d+Z$/, '.000Z'));
    expect((await feed(path)).headers.get('etag')).toBe(etag);

    const notModified = await feed(path, { 'if-none-match': etag });
    expect([notModified.status, notModified.body, notModified.headers.get('etag')]).toEqual([304, '', etag]);
    expect((await feed(path, { 'if-none-match': `"other", ${etag}` })).status).toBe(304);
    expect((await feed(path, { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await feed(path, { 'if-none-match': '"other"', 'if-modified-since': lastModified })).status).toBe(200);
    expect((await feed(path, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200);

    const f = new Factory(h.dataSource);
    const [devops] = await h.dataSource.query(`SELECT id, slug, name FROM newsletter WHERE slug = 'devops'`);
    await f.issue(devops, { date: '2025-02-21', sections: [{ title: 'Headlines', links: [{ title: 'Newer devops link' }] }] });
    const changed = await feed(path, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(parseFeed('atom', changed.body).items[0].title).toBe('Headline of devops 2025-02-21');
  });

  it('HEAD answers the headers of GET without a body', async () => {
    const get = await feed('/feeds/links.rss?limit=5');
    const head = await fetch(h.url.replace(/\/graphql$/, '/feeds/links.rss?limit=5'), { method: 'HEAD' });
    expect([head.status, head.headers.get('etag'), head.headers.get('content-type'), await head.text()]).toEqual([
      200, get.headers.get('etag'), get.headers.get('content-type'), '',
    ]);
  });

  it('an empty feed is stable too', async () => {
    const first = await feed('/feeds/links.json?newsletters=nobody');
    expect(JSON.parse(first.body).items).toEqual([]);
    expect((await feed('/feeds/links.json?newsletters=nobody', { 'if-none-match': first.headers.get('etag')! })).status).toBe(304);
  });
});

/**
 * Stories: links sharing a canonical URL. Each link lists its other appearances,
 * `links(filter: { url })` finds a story by any of its URLs, and `links(distinct: true)`
 * returns each story once, through GraphQL on a small archive written here.
 */
import { Role } from '../../src/modules/api-key/role';
import { IssueStatus } from '../../src/modules/issue/issue-status';
import { Factory, LinkSpec } from '../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../support/harness';

let h: Harness;
/** Link id by title. */
const id = new Map<string, string>();

/** One story printed five ways, a share token on another, and stories appearing once. */
const A = [
  'https://news.example/a?utm_source=tldrai',
  '\u200bhttps://NEWS.example/a#?utm_source=tldr&utm_medium=email',
  'https://news.example/a?ref=tldr',
  'https://news.example/a?sc_channel=el&dub_id=x1&guccounter=1',
];
const B = ['https://www.wsj.com/tech/b-1?st=2AqtKX&mod=e2tw', 'https://www.wsj.com/tech/b-1?reflink=desktopwebshare_permalink'];

const link = (title: string, url: string, tags: string[]): LinkSpec => ({ title, url, tags });

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const [ai, devops, web] = [await f.newsletter('ai'), await f.newsletter('devops'), await f.newsletter('web')];
  const issue = (newsletter: typeof ai, date: string, links: LinkSpec[], status?: IssueStatus) =>
    f.issue(newsletter, { date, status, sections: [{ title: 'News', links }] });
  await issue(ai, '2025-03-01', [link('A ai', A[0], ['llm']), link('B ai', B[0], ['llm']), link('C', 'https://c.example/', ['llm'])]);
  await issue(devops, '2025-03-02', [link('A devops', A[1], ['security']), link('D', 'https://d.example/', ['security'])]);
  await issue(web, '2025-03-03', [link('A draft', A[2], ['security'])], IssueStatus.DRAFT);
  await issue(web, '2025-03-04', [link('E', 'https://e.example/', ['python']), link('A web', A[3], ['security'])]);
  await issue(ai, '2025-03-05', [link('B ai later', B[1], ['llm']), link('F', 'https://f.example/?ref=producthunt', ['llm'])]);
  for (const row of await h.dataSource.query('SELECT id, title FROM link')) id.set(row.title, String(row.id));
});

afterAll(() => h.close());

async function ask(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await h.gql(query, variables, token);
  expect(response.errors).toBeUndefined();
  return response.data as any;
}

const titles = (connection: { edges: Array<{ node: { title: string } }> }) => connection.edges.map((edge) => edge.node.title);

async function partner(scope: { newsletters?: string[]; tags?: string[] } | null): Promise<string> {
  const input = { name: `partner ${JSON.stringify(scope)}`, role: Role.PARTNER, scope };
  const data = await ask(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, { input }, ADMIN_TOKEN);
  return data.createApiKey.secret;
}

describe('Link.appearances', () => {
  const APPEARANCES = `query($url: String!, $first: Int, $after: String) { links(filter: { url: $url }, first: 100) { edges { node { title
    appearances(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor }
      edges { node { title issue { date newsletter { slug } } } } } } } } }`;

  it('lists the other published links of the story, newest first, with issue, newsletter and date; never a draft', async () => {
    const data = await ask(APPEARANCES, { url: A[0], first: 10 });
    const aiLink = data.links.edges.find((edge: any) => edge.node.title === 'A ai').node;
    expect(aiLink.appearances.totalCount).toBe(2);
    expect(aiLink.appearances.edges.map((edge: any) => edge.node)).toEqual([
      { title: 'A web', issue: { date: '2025-03-04', newsletter: { slug: 'web' } } },
      { title: 'A devops', issue: { date: '2025-03-02', newsletter: { slug: 'devops' } } },
    ]);
    const single = await ask(`{ links(filter: { url: "https://c.example/" }) { edges { node { appearances { totalCount edges { node { id } } } } } } }`);
    expect(single.links.edges[0].node.appearances).toEqual({ totalCount: 0, edges: [] });
  });

  it('pages by cursor with a steady totalCount', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const data: any = await ask(APPEARANCES, { url: A[3], first: 1, after });
      const webLink = data.links.edges.find((edge: any) => edge.node.title === 'A web').node;
      expect(webLink.appearances.totalCount).toBe(2);
      seen.push(...titles(webLink.appearances));
      if (!webLink.appearances.pageInfo.hasNextPage) break;
      after = webLink.appearances.pageInfo.endCursor;
    }
    expect(seen).toEqual(['A devops', 'A ai']);
  });

  it('an editor’s draft link shows where its story already ran, published issues only', async () => {
    const editor = await h.key(Role.EDITOR, 'editor reading drafts');
    const data = await ask(
      `{ links(filter: { statuses: [DRAFT] }) { edges { node { title appearances { edges { node { title } } } } } } }`,
      {},
      editor,
    );
    expect(data.links.edges.map((edge: any) => [edge.node.title, titles(edge.node.appearances)])).toEqual([['A draft', ['A web', 'A devops', 'A ai']]]);
  });

  it('a scoped partner sees only the appearances in its scope', async () => {
    const query = `{ links(first: 100) { edges { node { title appearances { totalCount edges { node { title } } } } } } }`;
    const security = await ask(query, {}, await partner({ tags: ['security'] }));
    const byTitle = new Map(security.links.edges.map((edge: any) => [edge.node.title, edge.node.appearances]));
    expect([...byTitle.keys()]).toEqual(['A web', 'A devops', 'D']);
    expect(byTitle.get('A web')).toEqual({ totalCount: 1, edges: [{ node: { title: 'A devops' } }] });
    const ai = await ask(query, {}, await partner({ newsletters: ['ai'] }));
    const aiOnly = new Map(ai.links.edges.map((edge: any) => [edge.node.title, titles(edge.node.appearances)]));
    expect(aiOnly.get('A ai')).toEqual([]);
    expect(aiOnly.get('B ai')).toEqual(['B ai later']);
  });

  it('costs as a nested page and loads in the same number of statements for 2 links or 8', async () => {
    const query = `query($first: Int) { links(first: $first) { edges { node { id appearances(first: 5) { totalCount edges { node { id issue { date newsletter { slug } } } } } } } } }`;
    const counts: number[] = [];
    for (const first of [2, 8]) {
      h.statements.reset();
      const response = await h.gql(query, { first });
      expect(response.errors).toBeUndefined();
      counts.push(h.statements.count);
    }
    expect(counts[0]).toBe(counts[1]);
    const priced = await h.gql(query, { first: 10 });
    // 10 links × (the link, its appearances page and totalCount, 5 appearances × (link, issue, newsletter)), plus the page.
    expect(priced.extensions?.cost.requested).toBe(1 + 10 * (1 + 1 + 1 + 5 * 3));
  });
});

describe('links(filter: { url })', () => {
  const BY_URL = `query($url: String!) { links(filter: { url: $url }) { totalCount edges { node { title canonicalUrl } } } }`;

  it('canonicalises the URL given, then matches exactly: tracking, share tokens and invisible characters never split a story', async () => {
    const noisy = '\u200b https://news.example/a?utm_medium=email&ref=somewhere&giftCode=x#?utm_source=y';
    const data = await ask(BY_URL, { url: noisy });
    expect(data.links.totalCount).toBe(3);
    expect(titles(data.links)).toEqual(['A web', 'A devops', 'A ai']);
    expect(new Set(data.links.edges.map((edge: any) => edge.node.canonicalUrl))).toEqual(new Set(['https://news.example/a']));
    expect(titles((await ask(BY_URL, { url: 'https://www.wsj.com/tech/b-1?st=other' })).links)).toEqual(['B ai later', 'B ai']);
    expect((await ask(BY_URL, { url: 'https://news.example/a/' })).links.totalCount).toBe(0);
    expect((await ask(BY_URL, { url: 'https://news.example/a?page=2' })).links.totalCount).toBe(0);
  });

  it('keeps to published issues unless an editor asks for drafts', async () => {
    const editor = await h.key(Role.EDITOR, 'editor filtering drafts');
    const query = `{ links(filter: { url: "${A[2]}", statuses: [DRAFT, PUBLISHED] }) { totalCount edges { node { title } } } }`;
    expect(titles((await ask(query, {}, editor)).links)).toEqual(['A web', 'A draft', 'A devops', 'A ai']);
  });

  it.each(['news.example/a', '/a', 'javascript:alert(1)', '   '])('refuses %p with BAD_USER_INPUT', async (url) => {
    const response = await h.gql(BY_URL, { url });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.data?.links ?? null).toBeNull();
  });
});

describe('links(distinct: true)', () => {
  const DISTINCT = `query($after: String, $first: Int, $order: DateOrder, $filter: LinkFilter) {
    links(distinct: true, first: $first, after: $after, orderBy: $order, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { title appearances { edges { node { title } } } } } } }`;

  async function allPages(variables: Record<string, unknown>, token?: string) {
    const nodes: any[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    for (let page = 0; page < 20; page += 1) {
      const data: any = await ask(DISTINCT, { ...variables, after }, token);
      nodes.push(...data.links.edges.map((edge: any) => edge.node));
      totals.add(data.links.totalCount);
      if (!data.links.pageInfo.hasNextPage) return { titles: nodes.map((node) => node.title), nodes, totals: [...totals] };
      after = data.links.pageInfo.endCursor;
    }
    throw new Error('did not end');
  }

  it('returns each story once, as its newest link, over pages of any size with a steady totalCount', async () => {
    const expected = ['B ai later', 'F', 'E', 'A web', 'D', 'C'];
    for (const first of [1, 2, 4, 100]) {
      expect(await allPages({ first })).toMatchObject({ titles: expected, totals: [6] });
    }
    const { nodes } = await allPages({ first: 3 });
    expect(titles(nodes.find((node) => node.title === 'A web').appearances)).toEqual(['A devops', 'A ai']);
  });

  it('oldest first, each story as its oldest link', async () => {
    expect(await allPages({ first: 2, order: 'OLDEST_FIRST' })).toMatchObject({ titles: ['A ai', 'B ai', 'C', 'D', 'E', 'F'], totals: [6] });
  });

  it('a topic pulled once per article, with all its appearances', async () => {
    const { nodes, totals } = await allPages({ first: 1, filter: { tags: { any: ['security'] } } });
    expect(totals).toEqual([2]);
    expect(nodes.map((node) => [node.title, titles(node.appearances)])).toEqual([
      ['A web', ['A devops', 'A ai']],
      ['D', []],
    ]);
  });

  it('a scoped partner counts and pages only the stories in its scope', async () => {
    const token = await partner({ newsletters: ['ai', 'devops'] });
    const { nodes, totals } = await allPages({ first: 2 }, token);
    expect(totals).toEqual([5]);
    expect(nodes.map((node) => [node.title, titles(node.appearances)])).toEqual([
      ['B ai later', ['B ai']],
      ['F', []],
      ['A devops', ['A ai']],
      ['D', []],
      ['C', []],
    ]);
  });

  it('refuses a cursor of the list that is not distinct', async () => {
    const plain = await ask(`{ links(first: 1) { pageInfo { endCursor } } }`);
    const response = await h.gql(DISTINCT, { after: plain.links.pageInfo.endCursor });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

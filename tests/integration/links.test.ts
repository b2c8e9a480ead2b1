import { Role } from '../../src/modules/api-key/role';
import { IssueStatus } from '../../src/modules/issue/issue-status';
import { LinkKind } from '../../src/modules/link/link-kind';
import { Factory } from '../support/factories';
import { Harness, startHarness } from '../support/harness';

let h: Harness;

const TITLES = (data: any) => data.links.edges.map((edge: any) => edge.node.title);

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  const devops = await f.newsletter('devops');
  const acme = await f.sponsor('acme.dev');
  await f.issue(ai, {
    date: '2025-02-03',
    sections: [
      {
        title: 'Headlines',
        links: [
          { title: 'A1', tags: ['llm'], domain: 'openai.com' },
          { title: 'A2', tags: ['rust'], kind: LinkKind.REPO, domain: 'github.com' },
        ],
      },
      {
        title: 'Quick Links',
        links: [{ title: 'A3', sponsored: true, sponsor: acme, kind: LinkKind.PRODUCT, domain: 'acme.dev' }],
      },
    ],
  });
  await f.issue(ai, {
    date: '2025-02-04',
    sections: [
      { title: 'Headlines', links: [{ title: 'B1', tags: ['llm', 'rust'], kind: LinkKind.VIDEO, domain: 'youtube.com' }] },
    ],
  });
  await f.issue(devops, {
    date: '2025-02-04',
    sections: [{ title: 'News', links: [{ title: 'C1', tags: ['kubernetes'], domain: 'github.com', kind: LinkKind.REPO }] }],
  });
  await f.issue(ai, {
    date: '2025-02-05',
    status: IssueStatus.SCHEDULED,
    sections: [{ title: 'Headlines', links: [{ title: 'HIDDEN', tags: ['llm'], domain: 'github.com' }] }],
  });
});

afterAll(() => h.close());

it('lists links of published issues, newest issue first, then reading order', async () => {
  const { data } = await h.gql(`{ links { totalCount edges { node { title } } } }`);
  expect(data?.links.totalCount).toBe(5);
  // Two issues share 2025-02-04: the later-created one (higher id) comes first.
  expect(TITLES(data)).toEqual(['C1', 'B1', 'A1', 'A2', 'A3']);
});

it('orders oldest first on request', async () => {
  const { data } = await h.gql(`{ links(orderBy: OLDEST_FIRST) { edges { node { title } } } }`);
  expect(TITLES(data)).toEqual(['A1', 'A2', 'A3', 'B1', 'C1']);
});

it('filters by kind, sponsored and domain', async () => {
  const kinds = await h.gql(`{ links(filter: { kinds: [REPO, VIDEO] }) { edges { node { title kind } } } }`);
  expect(TITLES(kinds.data)).toEqual(['C1', 'B1', 'A2']);
  const sponsored = await h.gql(`{ links(filter: { sponsored: true }) { edges { node { title sponsor { domain } } } } }`);
  expect(sponsored.data?.links.edges).toEqual([{ node: { title: 'A3', sponsor: { domain: 'acme.dev' } } }]);
  const unsponsored = await h.gql(`{ links(filter: { sponsored: false }) { totalCount } }`);
  expect(unsponsored.data?.links.totalCount).toBe(4);
  const domains = await h.gql(`{ links(filter: { domains: ["WWW.GitHub.com"] }) { edges { node { title } } } }`);
  expect(TITLES(domains.data)).toEqual(['C1', 'A2']);
});

it('filters by newsletter, date, category and tags on the link itself', async () => {
  const scoped = await h.gql(`{ links(filter: { newsletters: ["ai"], date: { from: "2025-02-04" } }) { edges { node { title } } } }`);
  expect(TITLES(scoped.data)).toEqual(['B1']);
  const category = await h.gql(`{ links(filter: { categories: ["quick-links"] }) { edges { node { title } } } }`);
  expect(TITLES(category.data)).toEqual(['A3']);
  const any = await h.gql(`{ links(filter: { tags: { any: ["rust", "kubernetes"] } }) { edges { node { title } } } }`);
  expect(TITLES(any.data)).toEqual(['C1', 'B1', 'A2']);
  const all = await h.gql(`{ links(filter: { tags: { all: ["rust", "llm"] } }) { edges { node { title } } } }`);
  expect(TITLES(all.data)).toEqual(['B1']);
  const none = await h.gql(`{ links(filter: { tags: { any: ["llm", "rust"], none: ["rust"] } }) { edges { node { title } } } }`);
  expect(TITLES(none.data)).toEqual(['A1']);
});

it('gives each link its section, issue and tags', async () => {
  const { data } = await h.gql(`{ links(first: 1) { edges { node {
    title section { title } issue { date newsletter { slug } } tags { slug }
  } } } }`);
  expect(data?.links.edges[0].node).toEqual({
    title: 'C1',
    section: { title: 'News' },
    issue: { date: '2025-02-04', newsletter: { slug: 'devops' } },
    tags: [{ slug: 'kubernetes' }],
  });
});

describe('links of a scheduled issue', () => {
  const ASKING = [
    `{ links(filter: { statuses: [SCHEDULED] }) { totalCount edges { node { title } } } }`,
    `{ links(filter: { statuses: [PUBLISHED, SCHEDULED], tags: { any: ["llm"] } }) { totalCount } }`,
    `{ issue(newsletter: "ai", date: "2025-02-05", preview: true) { links { title tags { slug linkCount } } } }`,
    `{ issues(filter: { statuses: [SCHEDULED] }) { edges { node { links { title } } } } }`,
  ];

  it.each([
    ['the public', false, 'UNAUTHENTICATED'],
    ['a partner', true, 'FORBIDDEN'],
  ])('are refused to %s asking by status or preview, and never counted', async (_who, withKey, code) => {
    const token = withKey ? await h.key(Role.PARTNER) : undefined;
    for (const query of ASKING) {
      const response = await h.gql(query, undefined, token);
      expect(response.errors?.[0].extensions?.code).toBe(code);
      expect(JSON.stringify(response.data ?? null)).not.toContain('HIDDEN');
    }
    const published = await h.gql(`{ links(filter: { statuses: [PUBLISHED] }) { totalCount edges { node { title } } } }`, undefined, token);
    expect(published.data?.links.totalCount).toBe(5);
    expect(TITLES(published.data)).not.toContain('HIDDEN');
    const counts = await h.gql(`{ tags { slug linkCount } }`, undefined, token);
    expect(counts.data?.tags).toContainEqual({ slug: 'llm', linkCount: 2 });
  });

  it('are listed for an editor who asks, each with its issue, while counts stay those of published issues', async () => {
    const editor = await h.key(Role.EDITOR);
    const { data, errors } = await h.gql(
      `{ links(filter: { statuses: [SCHEDULED] }) { totalCount edges { node { title issue { date status } tags { slug linkCount } } } } }`,
      undefined,
      editor,
    );
    expect(errors).toBeUndefined();
    expect(data?.links).toEqual({
      totalCount: 1,
      edges: [{ node: { title: 'HIDDEN', issue: { date: '2025-02-05', status: 'SCHEDULED' }, tags: [{ slug: 'llm', linkCount: 2 }] } }],
    });
    const plain = await h.gql(`{ links { totalCount } }`, undefined, editor);
    expect(plain.data?.links.totalCount).toBe(5);
  });
});

it('pages with opaque cursors that round-trip in both orders and at every page size', async () => {
  for (const [order, size] of [['NEWEST_FIRST', 1], ['NEWEST_FIRST', 2], ['OLDEST_FIRST', 1], ['OLDEST_FIRST', 3]]) {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await h.gql(
        `query($after: String, $order: DateOrder, $size: Int) { links(first: $size, after: $after, orderBy: $order) {
          totalCount edges { cursor node { title } } pageInfo { hasNextPage hasPreviousPage endCursor startCursor } } }`,
        { after, order, size },
      );
      const links = page.data.links;
      expect(links.totalCount).toBe(5);
      expect(links.pageInfo.hasPreviousPage).toBe(after !== null);
      expect(links.pageInfo.startCursor).toBe(links.edges[0].cursor);
      seen.push(...TITLES(page.data));
      if (!links.pageInfo.hasNextPage) break;
      after = links.pageInfo.endCursor;
    }
    const all = await h.gql(`{ links(first: 100, orderBy: ${order}) { edges { node { title } } } }`);
    expect(seen).toEqual(TITLES(all.data));
  }
});

it('keeps cursors valid while a newer issue arrives', async () => {
  const first = await h.gql(`{ links(first: 2) { edges { node { title } } pageInfo { endCursor } } }`);
  expect(TITLES(first.data)).toEqual(['C1', 'B1']);
  const f = new Factory(h.dataSource);
  const data = await f.newsletter('data');
  await f.issue(data, { date: '2025-03-01', sections: [{ title: 'News', links: [{ title: 'NEW' }] }] });
  const next = await h.gql(`query($after: String) { links(first: 2, after: $after) { edges { node { title } } } }`, {
    after: first.data?.links.pageInfo.endCursor,
  });
  expect(TITLES(next.data)).toEqual(['A1', 'A2']);
});

import { IssueStatus } from '../../src/modules/issue/issue-status';
import { LinkKind } from '../../src/modules/link/link-kind';
import { Factory, LinkSpec } from '../support/factories';
import { Harness, startHarness } from '../support/harness';

/**
 * Facet counts through GraphQL, checked two ways against the lists they
 * describe: each dimension's counts are what tallying the links (or search
 * results) filtered by everything but that dimension gives, and each value's
 * count is the totalCount of the list filtered by that value.
 */
let h: Harness;

const DIMENSIONS = ['tags', 'categories', 'kinds', 'newsletters', 'domains', 'years'] as const;
type Dimension = (typeof DIMENSIONS)[number];

const FACETS = `query($filter: LinkFilter, $query: String, $top: Int) {
  linkFacets(filter: $filter, query: $query, top: $top) {
    totalCount correctedQuery
    tags { value label count } categories { value label count } kinds { value label count }
    newsletters { value label count } domains { value label count } years { value label count }
  }
}`;

const NODE = 'id kind domain tags { slug } section { category { slug } } issue { date newsletter { slug } }';

const WORDS = ['kubernetes', 'postgres', 'rust', 'security', 'compiler'];
const TAGS = ['databases', 'security', 'rust', 'cloud'];
const KINDS = [LinkKind.ARTICLE, LinkKind.REPO, LinkKind.VIDEO, LinkKind.ARTICLE];
const DOMAINS = ['github.com', 'example.com', 'youtube.com', 'blog.example.org', 'example.com'];

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  let n = 0;
  const link = (): LinkSpec => {
    n += 1;
    return {
      title: `${WORDS[n % WORDS.length]} news ${n} ${WORDS[(n * 3) % WORDS.length]}`,
      tags: TAGS.filter((_tag, index) => (n + index) % (index + 2) === 0),
      kind: KINDS[n % KINDS.length],
      domain: DOMAINS[n % DOMAINS.length],
      sponsored: n % 7 === 0,
    };
  };
  const newsletters = { tech: await f.newsletter('tech'), ai: await f.newsletter('ai'), devops: await f.newsletter('devops') };
  for (const [slug, newsletter] of Object.entries(newsletters)) {
    for (const date of ['2024-03-01', '2024-11-02', '2025-01-03', '2025-06-04']) {
      await f.issue(newsletter, {
        date,
        sections: [
          { title: 'Headlines', links: [link(), link(), link()] },
          { title: slug === 'ai' ? 'Research' : 'Quick Links', links: [link(), link()] },
        ],
      });
    }
  }
  await f.issue(newsletters.tech, {
    date: '2025-07-01',
    status: IssueStatus.DRAFT,
    sections: [{ title: 'Drafts', links: [{ title: 'kubernetes draft', tags: ['databases', 'secret'], domain: 'secret.example' }] }],
  });
});

afterAll(() => h.close());

/** The values a link holds in a dimension. */
function valuesOf(node: any, dimension: Dimension): string[] {
  switch (dimension) {
    case 'tags':
      return node.tags.map((tag: any) => tag.slug);
    case 'categories':
      return node.section.category ? [node.section.category.slug] : [];
    case 'kinds':
      return [node.kind];
    case 'newsletters':
      return [node.issue.newsletter.slug];
    case 'domains':
      return [node.domain];
    case 'years':
      return [node.issue.date.slice(0, 4)];
  }
}

/** The filter with a dimension's own part taken out (or replaced by `value`). */
function withDimension(filter: Record<string, unknown>, dimension: Dimension, value?: string): Record<string, unknown> {
  const key = dimension === 'years' ? 'date' : dimension;
  const rest = Object.fromEntries(Object.entries(filter).filter(([name]) => name !== key));
  if (value === undefined) return rest;
  const part =
    dimension === 'tags' ? { all: [value] } : dimension === 'years' ? { from: `${value}-01-01`, to: `${value}-12-31` } : [value];
  return { ...rest, [key]: part };
}

async function nodes(filter: Record<string, unknown>, query?: string): Promise<any[]> {
  const response = query
    ? await h.gql(`query($q: String!, $filter: LinkFilter) { search(query: $q, filter: $filter, first: 100) { edges { node { ${NODE} } } } }`, { q: query, filter })
    : await h.gql(`query($filter: LinkFilter) { links(first: 100, filter: $filter) { edges { node { ${NODE} } } } }`, { filter });
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0].edges.map((edge: any) => edge.node);
}

async function total(filter: Record<string, unknown>, query?: string): Promise<number> {
  const response = query
    ? await h.gql(`query($q: String!, $filter: LinkFilter) { search(query: $q, filter: $filter) { totalCount } }`, { q: query, filter })
    : await h.gql(`query($filter: LinkFilter) { links(filter: $filter) { totalCount } }`, { filter });
  return (Object.values(response.data!)[0] as { totalCount: number }).totalCount;
}

const CASES: Array<[string, Record<string, unknown>, string | undefined]> = [
  ['no filter', {}, undefined],
  ['one tag checked', { tags: { any: ['security'] } }, undefined],
  ['tags, kinds and a newsletter', { tags: { all: ['databases'], none: ['rust'] }, kinds: ['ARTICLE'], newsletters: ['tech', 'ai'] }, undefined],
  ['a year, domains and a category', { date: { from: '2025-01-01', to: '2025-12-31' }, domains: ['example.com', 'github.com'], categories: ['headlines'] }, undefined],
  ['sponsorship (not a facet) and every dimension', { sponsored: false, tags: { any: ['cloud', 'rust'] }, kinds: ['REPO', 'ARTICLE'], newsletters: ['devops', 'ai'], domains: ['example.com', 'youtube.com', 'github.com'], categories: ['headlines', 'research'], date: { from: '2024-06-01' } }, undefined],
  ['a search', {}, 'kubernetes'],
  ['a search with filters', { tags: { any: ['security'] }, newsletters: ['tech'] }, 'postgres or rust'],
];

describe.each(CASES)('%s', (_name, filter, query) => {
  let facets: any;

  beforeAll(async () => {
    const response = await h.gql(FACETS, { filter, query, top: 100 });
    expect(response.errors).toBeUndefined();
    facets = response.data!.linkFacets;
  });

  it('totalCount is the count of the filtered list', async () => {
    expect(facets.totalCount).toBe(await total(filter, query));
    expect(facets.totalCount).toBeGreaterThan(0);
  });

  it.each(DIMENSIONS)('%s: the tally of the list filtered by everything else', async (dimension) => {
    const tally = new Map<string, number>();
    for (const node of await nodes(withDimension(filter, dimension), query)) {
      for (const value of valuesOf(node, dimension)) tally.set(value, (tally.get(value) ?? 0) + 1);
    }
    const got = new Map<string, number>(facets[dimension].map((entry: any) => [entry.value, entry.count]));
    expect(got).toEqual(tally);
  });

  it.each(DIMENSIONS)('%s: each count is the totalCount of the list filtered by that value', async (dimension) => {
    for (const { value, count } of facets[dimension]) {
      expect({ dimension, value, count }).toEqual({ dimension, value, count: await total(withDimension(filter, dimension, value), query) });
    }
  });
});

it('orders values by count (years newest first), labels them, and keeps the top N of each but kinds and years', async () => {
  const { data } = await h.gql(FACETS, { top: 2 });
  const facets = data!.linkFacets;
  for (const dimension of ['tags', 'categories', 'newsletters', 'domains']) {
    expect(facets[dimension]).toHaveLength(2);
    const counts = facets[dimension].map((entry: any) => entry.count);
    expect(counts[0]).toBeGreaterThanOrEqual(counts[1]);
  }
  expect(facets.kinds.map((entry: any) => entry.value).sort()).toEqual(['ARTICLE', 'REPO', 'VIDEO']);
  expect(facets.years.map((entry: any) => entry.value)).toEqual(['2025', '2024']);
  expect(facets.newsletters[0]).toEqual({ value: 'ai', label: 'Test ai', count: 20 });
  expect(facets.categories).toEqual([
    { value: 'headlines', label: 'Headlines', count: 36 },
    { value: 'quick-links', label: 'Quick Links', count: 16 },
  ]);
});

it('never counts drafts, and names no value only a draft holds', async () => {
  const { data } = await h.gql(FACETS, { top: 100 });
  const text = JSON.stringify(data);
  expect(text).not.toContain('secret');
  expect(data!.linkFacets.years.map((entry: any) => entry.value)).toEqual(['2025', '2024']);
});

it('counts a corrected search when the query matches nothing', async () => {
  const { data } = await h.gql(FACETS, { query: 'postgress' });
  expect(data!.linkFacets.correctedQuery).toBe('postgres');
  expect(data!.linkFacets.totalCount).toBe(await total({}, 'postgres'));
});

it('is one statement, filters, search and all', async () => {
  h.statements.reset();
  const response = await h.gql(FACETS, { filter: { kinds: ['ARTICLE'], newsletters: ['tech'], tags: { none: ['rust'] } }, query: 'kubernetes' });
  expect(response.errors).toBeUndefined();
  expect(response.data!.linkFacets.totalCount).toBeGreaterThan(0);
  expect(h.statements.count).toBe(1);
});

it('refuses a top over 100 and a query that looks for no word', async () => {
  expect((await h.gql(FACETS, { top: 101 })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((await h.gql(FACETS, { query: ' - ' })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

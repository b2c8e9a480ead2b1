import { requireExtensions } from '../../src/db/extensions';
import { Role } from '../../src/modules/api-key/role';
import { IssueStatus } from '../../src/modules/issue/issue-status';
import { LinkKind } from '../../src/modules/link/link-kind';
import { Factory } from '../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../support/harness';

/**
 * Search through GraphQL on a small archive written for it: each title says
 * what it is for. "postgres" is in two titles, two summaries and one issue's
 * headline; a draft and a scheduled issue mention it too.
 */
let h: Harness;
let editor: string;

const SEARCH = `query($query: String!, $filter: LinkFilter, $first: Int, $after: String, $highlight: HighlightInput) {
  search(query: $query, filter: $filter, first: $first, after: $after, highlight: $highlight) {
    totalCount correctedQuery pageInfo { hasNextPage endCursor }
    edges { cursor rank titleHighlight summaryHighlight node { id title } }
  }
}`;

async function search(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await h.gql(SEARCH, { query, first: 100, ...variables }, token);
  expect(response.errors).toBeUndefined();
  return response.data!.search;
}

const titles = (result: any): string[] => result.edges.map((edge: any) => edge.node.title);

beforeAll(async () => {
  h = await startHarness();
  editor = await h.key(Role.EDITOR);
  const f = new Factory(h.dataSource);
  const tech = await f.newsletter('tech');
  const ai = await f.newsletter('ai');
  const acme = await f.sponsor('acme.dev');
  await f.issue(tech, {
    date: '2025-01-10',
    headline: 'Postgres 18 ships with faster vacuum',
    sections: [
      {
        title: 'Headlines',
        links: [
          { title: 'Postgres adds vector indexes', summary: 'A new index type for embeddings.', tags: ['databases'] },
          {
            title: 'Faster joins in a database engine',
            summary: 'The Postgres planner learns a new trick for **joins**; see [the post](https://example.com/zebra-joins).',
            tags: ['databases'],
          },
          { title: 'Rust compiler gets quicker', summary: 'Compile times drop by a third.', tags: ['rust'], kind: LinkKind.REPO, domain: 'github.com' },
        ],
      },
    ],
  });
  await f.issue(tech, {
    date: '2025-01-11',
    headline: 'Weekly roundup',
    sections: [
      {
        title: 'Cloud',
        links: [
          { title: 'Kubernetes operators explained', summary: 'How operators manage stateful workloads such as Postgres.', tags: ['kubernetes'] },
          {
            title: 'Kubernetes security checklist',
            summary: 'Harden your clusters with [the guide](https://example.com/zebra-guide).',
            tags: ['kubernetes', 'security'],
            kind: LinkKind.VIDEO,
            domain: 'youtube.com',
          },
          { title: 'Running MySQL on Kubernetes', summary: 'Operators for MySQL.', tags: ['kubernetes'] },
        ],
      },
      {
        title: 'Sponsor',
        category: 'Sponsored',
        links: [{ title: 'Managed Postgres <b>for</b> "teams" & more', summary: 'Try it <today>.', sponsored: true, sponsor: acme, domain: 'acme.dev' }],
      },
    ],
  });
  await f.issue(ai, {
    date: '2025-01-11',
    headline: 'Models and more',
    sections: [
      {
        title: 'Research',
        links: [
          { title: 'Vector search in Postgres with pgvector', summary: 'Embeddings stored next to your data.', tags: ['ai', 'databases'], kind: LinkKind.REPO, domain: 'github.com' },
        ],
      },
    ],
  });
  await f.issue(tech, {
    date: '2025-01-12',
    status: IssueStatus.DRAFT,
    headline: 'Draft about postgres',
    sections: [{ title: 'Headlines', links: [{ title: 'Postgres draft secret', summary: 'Kubernetes too.', tags: ['databases'] }] }],
  });
  await f.issue(ai, {
    date: '2025-01-13',
    status: IssueStatus.SCHEDULED,
    sections: [{ title: 'Headlines', links: [{ title: 'Postgres scheduled secret', summary: 'Soon.', tags: ['databases'] }] }],
  });
});

afterAll(() => h.close());

describe('ranking', () => {
  it('puts title matches above summary matches above matches of the issue headline alone', async () => {
    const result = await search('postgres');
    const got = titles(result);
    expect(got).toHaveLength(6);
    expect(new Set(got.slice(0, 3))).toEqual(
      new Set(['Postgres adds vector indexes', 'Vector search in Postgres with pgvector', 'Managed Postgres <b>for</b> "teams" & more']),
    );
    expect(new Set(got.slice(3, 5))).toEqual(new Set(['Faster joins in a database engine', 'Kubernetes operators explained']));
    expect(got[5]).toBe('Rust compiler gets quicker');
    const ranks = result.edges.map((edge: any) => edge.rank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(ranks[2]).toBeGreaterThan(ranks[3]);
    expect(ranks[4]).toBeGreaterThan(ranks[5]);
    expect(result.totalCount).toBe(6);
    expect(result.correctedQuery).toBeNull();
  });

  it('stems English words', async () => {
    expect(titles(await search('indexing'))).toEqual(['Postgres adds vector indexes']);
    expect(titles(await search('operator'))).toEqual(['Kubernetes operators explained', 'Running MySQL on Kubernetes']);
  });

  it('indexes the plain text of summaries, never the URLs of their markdown links', async () => {
    expect(titles(await search('joins'))).toEqual(['Faster joins in a database engine']);
    const zebra = await search('zebra');
    expect(zebra).toMatchObject({ totalCount: 0, edges: [] });
    expect(titles(await search('guide'))).toEqual(['Kubernetes security checklist']);
  });
});

describe('websearch syntax', () => {
  it('"quoted phrases" match words in that order', async () => {
    expect(titles(await search('"vector search"'))).toEqual(['Vector search in Postgres with pgvector']);
    expect(titles(await search('vector search')).sort()).toEqual(['Vector search in Postgres with pgvector']);
    expect(titles(await search('"vector indexes"'))).toEqual(['Postgres adds vector indexes']);
  });

  it('-word excludes links whose title or summary holds it, also from headline matches', async () => {
    expect(titles(await search('kubernetes -mysql')).sort()).toEqual(['Kubernetes operators explained', 'Kubernetes security checklist']);
    expect(titles(await search('postgres -compiler'))).not.toContain('Rust compiler gets quicker');
    // The headline holds "vacuum": its links match no more through it.
    expect(titles(await search('postgres -vacuum'))).not.toContain('Rust compiler gets quicker');
  });

  it('or matches either word', async () => {
    expect(titles(await search('mysql or rust')).sort()).toEqual(['Running MySQL on Kubernetes', 'Rust compiler gets quicker']);
  });
});

describe('typos', () => {
  it('finds "kubernets" through stemming, with nothing to correct', async () => {
    const result = await search('kubernets');
    expect(result).toMatchObject({ totalCount: 3, correctedQuery: null });
  });

  it.each([
    ['postgress', 'postgres', 6],
    ['kuberntes', 'kubernetes', 3],
    ['kuberntes securty', 'kubernetes security', 1],
    ['kubernets securty', 'kubernets security', 1],
    ['"vector serch"', '"vector search"', 1],
  ])('"%s" runs as "%s" when it matches nothing', async (query, corrected, count) => {
    const result = await search(query);
    expect(result.correctedQuery).toBe(corrected);
    expect(result.totalCount).toBe(count);
    expect(result.edges).toHaveLength(count);
  });

  it('keeps correctly spelled words and excluded words as typed', async () => {
    const result = await search('Kuberntes -mysql');
    expect(result.correctedQuery).toBe('kubernetes -mysql');
    expect(titles(result).sort()).toEqual(['Kubernetes operators explained', 'Kubernetes security checklist']);
  });

  it('corrects only against what the caller may see, and within the filter', async () => {
    // "secret" is only in the titles of a draft and a scheduled issue.
    expect(await search('secrte')).toMatchObject({ totalCount: 0, correctedQuery: null });
    const filtered = await search('kuberntes', { filter: { newsletters: ['ai'] } });
    expect(filtered).toMatchObject({ totalCount: 0, correctedQuery: null });
  });

  it('pages through a corrected search', async () => {
    const first = await search('postgress', { first: 4 });
    const second = await search('postgress', { first: 4, after: first.pageInfo.endCursor });
    expect(second.correctedQuery).toBe('postgres');
    expect([first.totalCount, second.totalCount]).toEqual([6, 6]);
    const past = await search('postgress', { first: 4, after: second.edges[1].cursor });
    expect(past).toMatchObject({ totalCount: 6, edges: [], correctedQuery: 'postgres' });
    expect([...titles(first), ...titles(second)]).toEqual(titles(await search('postgres')));
  });

  it('corrects against titles as editors rename them, never against a word no title holds any more', async () => {
    const f = new Factory(h.dataSource);
    const issue = await f.issue(await f.newsletter('wildlife'), {
      date: '2025-02-03',
      sections: [{ title: 'Fauna', links: [{ title: 'Wombat burrows mapped', summary: 'Slowly.', tags: [] }] }],
    });
    const [{ id }] = await h.dataSource.query(`SELECT id FROM link WHERE title = 'Wombat burrows mapped'`);
    const UPDATE = `mutation($input: UpdateLinkInput!) { updateLink(input: $input) { id } }`;
    const renamed = await h.gql(UPDATE, { input: { id: String(id), expectedVersion: issue.version, title: 'Quokka telemetry' } }, editor);
    expect(renamed.errors).toBeUndefined();
    expect(await search('quoka')).toMatchObject({ totalCount: 1, correctedQuery: 'quokka' });
    expect(await search('wombatt')).toMatchObject({ totalCount: 0, correctedQuery: null });
  });
});

describe('highlights', () => {
  it('marks matched words in the escaped title and summary', async () => {
    const [edge] = (await search('managed postgres teams')).edges;
    expect(edge.titleHighlight).toBe('<mark>Managed</mark> <mark>Postgres</mark> &lt;b&gt;for&lt;/b&gt; &quot;<mark>teams</mark>&quot; &amp; more');
    expect(edge.summaryHighlight).toBe('Try it &lt;today&gt;.');
    const [teams] = (await search('teams')).edges;
    expect(teams.titleHighlight).toBe('Managed Postgres &lt;b&gt;for&lt;/b&gt; &quot;<mark>teams</mark>&quot; &amp; more');
  });

  it('marks each word, also one found only in the summary, with the markers asked for', async () => {
    const result = await search('kubernetes planner', { highlight: { start: '[[', stop: ']]' } });
    expect(result.totalCount).toBe(0);
    const [edge] = (await search('postgres planner', { highlight: { start: '[[', stop: ']]' } })).edges;
    expect(edge.titleHighlight).toBe('Faster joins in a database engine');
    expect(edge.summaryHighlight).toBe('The [[Postgres]] [[planner]] learns a new trick for joins; see the post.');
  });
});

describe('filters', () => {
  const FILTERS: Array<Record<string, unknown>> = [
    { newsletters: ['ai'] },
    { newsletters: ['tech'] },
    { date: { from: '2025-01-11' } },
    { date: { to: '2025-01-10' } },
    { categories: ['headlines', 'research'] },
    { tags: { any: ['databases'] } },
    { tags: { all: ['kubernetes', 'security'] } },
    { tags: { none: ['databases'] } },
    { kinds: ['REPO', 'VIDEO'] },
    { sponsored: true },
    { sponsored: false },
    { domains: ['github.com', 'www.acme.dev'] },
    { statuses: ['PUBLISHED'] },
    // One story, asked for by its URL with tracking added: the first databases link's.
    { url: 'https://example.com/post-1?utm_source=newsletter' },
  ];
  const COMBINED = FILTERS.flatMap((a, i) => FILTERS.slice(i + 1).map((b) => ({ ...a, ...b })));

  async function linkIds(filter: Record<string, unknown>): Promise<Set<string>> {
    const { data } = await h.gql(`query($filter: LinkFilter) { links(first: 100, filter: $filter) { edges { node { id } } } }`, { filter });
    return new Set(data!.links.edges.map((edge: any) => edge.node.id));
  }

  it.each(['postgres', 'kubernetes or rust', 'new'])('every filter and every pair of filters narrows "%s" as it narrows links', async (query) => {
    const all = await search(query);
    for (const filter of [...FILTERS, ...COMBINED]) {
      const allowed = await linkIds(filter);
      const expected = all.edges.map((edge: any) => edge.node.id).filter((id: string) => allowed.has(id));
      const got = await search(query, { filter });
      expect({ filter, ids: got.edges.map((edge: any) => edge.node.id), total: got.totalCount }).toEqual({ filter, ids: expected, total: expected.length });
    }
  });

  it('refuses drafts to the public as links does, and finds them for an editor who asks', async () => {
    const refused = await h.gql(SEARCH, { query: 'postgres', filter: { statuses: ['DRAFT'] } });
    expect(refused.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(titles(await search('secret', {}, editor))).toEqual([]);
    const drafts = await search('postgres', { filter: { statuses: ['DRAFT', 'SCHEDULED'] } }, editor);
    expect(titles(drafts).sort()).toEqual(['Postgres draft secret', 'Postgres scheduled secret']);
  });
});

describe('pagination', () => {
  beforeAll(async () => {
    // Thirty links of equal rank across three issues: only the cursor's date and id keep their order.
    const f = new Factory(h.dataSource);
    const ops = await f.newsletter('ops');
    for (const date of ['2025-02-01', '2025-02-02', '2025-02-03']) {
      await f.issue(ops, { date, sections: [{ title: 'Tips', links: Array.from({ length: 10 }, () => ({ title: 'Terraform tip' })) }] });
    }
  });

  it.each([1, 7, 10, 29])('pages of %i follow one another in rank order, with no row lost or repeated', async (size) => {
    const whole = await search('terraform');
    expect(whole.totalCount).toBe(30);
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 40; page += 1) {
      const result: any = await search('terraform', { first: size, after });
      expect(result.totalCount).toBe(30);
      seen.push(...result.edges.map((edge: any) => edge.node.id));
      if (!result.pageInfo.hasNextPage) break;
      after = result.pageInfo.endCursor;
    }
    expect(seen).toEqual(whole.edges.map((edge: any) => edge.node.id));
  });

  it('refuses a cursor of another list', async () => {
    const { data } = await h.gql(`{ links(first: 1) { pageInfo { endCursor } } }`);
    const response = await h.gql(SEARCH, { query: 'terraform', after: data!.links.pageInfo.endCursor });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });
});

describe('bad input', () => {
  it.each([
    ['blank', '   '],
    ['only excluded words', '-postgres -"vector search"'],
    ['only the or operator', 'or'],
    ['only punctuation', "'!:&|<->"],
  ])('refuses a query that looks for no word (%s)', async (_name, query) => {
    const response = await h.gql(SEARCH, { query });
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect(response.errors?.[0].message).toContain('looks for no word');
  });

  it('refuses a query over 256 characters and markers over 64', async () => {
    expect((await h.gql(SEARCH, { query: 'a'.repeat(257) })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await h.gql(SEARCH, { query: 'postgres', highlight: { start: 'x'.repeat(65) } })).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('answers a query of stop words with nothing', async () => {
    expect(await search('the of and')).toMatchObject({ totalCount: 0, edges: [], correctedQuery: null });
  });
});

it('runs a bounded number of statements whatever the page size: one page with its count and highlights', async () => {
  h.statements.reset();
  await search('postgres or kubernetes or terraform');
  expect(h.statements.count).toBe(1);
  h.statements.reset();
  await search('postgress');
  // The first page (which names the unknown words), the correction (in a transaction of its own: 3 more) and the corrected page.
  expect(h.statements.count).toBe(6);
  h.statements.reset();
  // Known words that the filter leaves without a match: nothing to correct, and nothing more to ask.
  expect(await search('kubernetes postgres', { filter: { newsletters: ['ai'] } })).toMatchObject({ totalCount: 0, correctedQuery: null });
  expect(h.statements.count).toBe(1);
});

it('is open to the admin token and keys alike', async () => {
  expect((await search('postgres', {}, ADMIN_TOKEN)).totalCount).toBe(6);
});

it('checks before migrating that the server ships pg_trgm: the embedded one does, and a missing extension is named', async () => {
  const query = (sql: string, params: unknown[]) => h.dataSource.query(sql, params);
  await expect(requireExtensions(query, 'this server')).resolves.toBeUndefined();
  await expect(requireExtensions(query, 'this server', ['pg_trgm', 'no_such_extension'])).rejects.toThrow(
    'PostgreSQL extension no_such_extension is not available on this server; search needs it',
  );
});

it("keeps a link's document in step with its title and summary, and computes it again only when they change", async () => {
  const [{ id, summary }] = await h.dataSource.query(`SELECT id, summary_text AS summary FROM link WHERE title = 'Running MySQL on Kubernetes'`);
  const documentOf = async (): Promise<string> => (await h.dataSource.query(`SELECT search_document::text AS d FROM link WHERE id = $1`, [id]))[0].d;
  const before = await documentOf();
  await h.dataSource.query(`UPDATE link SET title = 'Running MySQL on zygomorphic Kubernetes' WHERE id = $1`, [id]);
  expect(titles(await search('zygomorphic'))).toEqual(['Running MySQL on zygomorphic Kubernetes']);
  await h.dataSource.query(`UPDATE link SET summary_text = 'Operators for MySQL and quinoa.' WHERE id = $1`, [id]);
  const edited = await documentOf();
  expect(edited).toContain("'quinoa':");
  // Calls of the document's trigger function in one transaction: none for an update leaving title and summary as they were.
  const documentCalls = (update: string) =>
    h.dataSource.transaction(async (manager) => {
      await manager.query(`SET LOCAL track_functions = 'pl'`);
      await manager.query(update, [id]);
      const rows = await manager.query(`SELECT calls FROM pg_stat_xact_user_functions WHERE funcname = 'link_search_document'`);
      return rows.length ? Number(rows[0].calls) : 0;
    });
  expect(await documentCalls(`UPDATE link SET url = url || '?edited', title = title, summary_text = summary_text WHERE id = $1`)).toBe(0);
  expect(await documentCalls(`UPDATE link SET title = title || ' ' WHERE id = $1`)).toBe(1);
  expect(await documentOf()).toBe(edited);
  await h.dataSource.query(`UPDATE link SET title = 'Running MySQL on Kubernetes', summary_text = $2 WHERE id = $1`, [id, summary]);
  expect(await documentOf()).toBe(before);
});

it('finds links by their issue headline as an edit leaves it', async () => {
  const f = new Factory(h.dataSource);
  const issue = await f.issue(await f.newsletter('airships'), {
    date: '2025-02-01',
    headline: 'Zeppelin roundup',
    sections: [{ title: 'Headlines', links: [{ title: 'Notes from the hangar', summary: 'Nothing to add.', tags: ['rust'] }] }],
  });
  expect(titles(await search('zeppelin'))).toEqual(['Notes from the hangar']);
  const { errors } = await h.gql(
    `mutation($input: UpdateIssueInput!) { updateIssue(input: $input) { version } }`,
    { input: { id: String(issue.id), expectedVersion: issue.version, headline: 'Dirigible roundup' } },
    editor,
  );
  expect(errors).toBeUndefined();
  expect(titles(await search('dirigible'))).toEqual(['Notes from the hangar']);
  expect(await search('zeppelin')).toMatchObject({ totalCount: 0, edges: [] });
});

import { getIntrospectionQuery } from 'graphql';
import { Role } from '../../src/modules/api-key/role';
import { Factory } from '../support/factories';
import { ADMIN_TOKEN, Harness, RawResponse, startHarness } from '../support/harness';


let h: Harness;
let partner: string;
let editor: string;

const PUBLIC_BUDGET = 200_000;
const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE = 'application/graphql-response+json';

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  for (let day = 1; day <= 3; day += 1) {
    await f.issue(ai, {
      date: `2025-06-0${day}`,
      sections: [{ title: 'Headlines', links: [{ tags: ['llm'] }, { tags: ['security'] }] }],
    });
  }
  partner = await h.key(Role.PARTNER);
  editor = await h.key(Role.EDITOR);
});

afterAll(() => h.close());

/** Sends the query twice, accepting each media type, and returns both answers with the statements each ran. */
async function bothWays(query: string, token?: string): Promise<Array<RawResponse & { statements: number }>> {
  const answers = [];
  for (const accept of [JSON_TYPE, GRAPHQL_RESPONSE]) {
    h.statements.reset();
    const response = await h.post({ query }, { accept, token });
    answers.push({ ...response, statements: h.statements.count });
  }
  return answers;
}

/** Refused before anything ran: HTTP 400 with either media type, the code, no data, not one SQL statement. */
async function expectRefused(query: string, code: string, message: RegExp) {
  const started = Date.now();
  const [json, graphqlResponse] = await bothWays(query);
  for (const answer of [json, graphqlResponse]) {
    expect(answer.status).toBe(400);
    expect(answer.data).toBeUndefined();
    expect(answer.errors).toHaveLength(1);
    expect(answer.errors?.[0].extensions?.code).toBe(code);
    expect(answer.errors?.[0].message).toMatch(message);
    expect(answer.statements).toBe(0);
    expect(JSON.stringify(answer)).not.toMatch(/stacktrace|SELECT /);
  }
  expect(json.contentType).toMatch(/^application\/json/);
  expect(graphqlResponse.contentType).toMatch(/^application\/graphql-response\+json/);
  // A ceiling for a busy machine, not a measure: the work is bounded by the counters above and in the unit tests.
  expect(Date.now() - started).toBeLessThan(20_000);
  return graphqlResponse;
}

const aliases = (count: number, selection: string) =>
  `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${selection}`).join(' ')} }`;

describe('cost limit', () => {
  it('refuses the cost bomb of the report with its cost and the limit, before any SQL', async () => {
    const answer = await expectRefused(
      '{ links(first:100){edges{node{issue{links{issue{links{issue{links{title summary url}}}}}}}}} }',
      'COST_LIMIT_EXCEEDED',
      /costs 102020201, more than the 200000 a request may cost/,
    );
    expect(answer.errors?.[0].extensions).toEqual({ code: 'COST_LIMIT_EXCEEDED', cost: 102020201, limit: PUBLIC_BUDGET });
    expect(answer.extensions?.cost).toEqual({ requested: 102020201, limit: PUBLIC_BUDGET });
  });

  it('refuses aliases of a nested page within the alias limit, priced in full', async () => {
    await expectRefused(
      aliases(25, 'issues(first: 100) { edges { node { sections { links { title } } } } }'),
      'COST_LIMIT_EXCEEDED',
      /costs 932525,/,
    );
  });

  it('refuses a fragment bomb shallow enough for the depth limit, priced by every spread', async () => {
    let query = 'query Bomb { issues { edges { node { ...F0 } } } }\n';
    for (let i = 0; i < 14; i += 1) {
      query += `fragment F${i} on Issue { newsletter { id } ${Array.from({ length: 10 }, () => `...F${i + 1}`).join(' ')} }\n`;
    }
    query += 'fragment F14 on Issue { date }';
    await expectRefused(query, 'COST_LIMIT_EXCEEDED', /costs 222222222222241,/);
  });

  it('prices page sizes given in variables', async () => {
    const query = 'query($n: Int) { issues(first: $n) { edges { node { sections { links { tags { slug } } } } } } }';
    const small = await h.post({ query, variables: { n: 5 } });
    expect(small.errors).toBeUndefined();
    expect(small.extensions?.cost).toEqual({ requested: 1 + 5 * (1 + 12 * (1 + 30 * (1 + 20))), limit: PUBLIC_BUDGET });
    h.statements.reset();
    const large = await h.post({ query, variables: { n: 100 } });
    expect(large.status).toBe(400);
    expect(large.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect(h.statements.count).toBe(0);
  });

  it('gives each role its budget: what the public may not run, a partner, an editor or an admin may', async () => {
    // 30 issues of the front page: about 228,000, over the public budget and within the partner's.
    const query = `{ issues(first: 30) { edges { node { sponsorPlacements { title sponsor { name } }
      sections { title links { title tags { slug } } } } } } }`;
    const [publicAnswer] = await bothWays(query);
    expect(publicAnswer.errors?.[0].extensions).toMatchObject({ code: 'COST_LIMIT_EXCEEDED', limit: PUBLIC_BUDGET });
    for (const [token, limit] of [
      [partner, 500_000],
      [editor, 1_000_000],
      [ADMIN_TOKEN, 2_000_000],
    ] as const) {
      const answer = await h.post({ query }, { token });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.issues.edges).toHaveLength(3);
      expect(answer.extensions?.cost).toEqual({ requested: publicAnswer.extensions?.cost.requested, limit });
    }
  });

  it('tells every caller what its query cost', async () => {
    const answer = await h.post({ query: '{ newsletters { slug } links(first: 2) { totalCount edges { node { title } } } }' });
    expect(answer.errors).toBeUndefined();
    expect(answer.extensions).toEqual({ cost: { requested: 50 + 1 + 1 + 2, limit: PUBLIC_BUDGET } });
  });

  it('lets the public run the standard introspection query (14 levels deep) at a fixed cost', async () => {
    const [json, graphqlResponse] = await bothWays(getIntrospectionQuery());
    for (const answer of [json, graphqlResponse]) {
      expect(answer.status).toBe(200);
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.__schema.queryType.name).toBe('Query');
      expect(answer.extensions?.cost).toEqual({ requested: 100, limit: PUBLIC_BUDGET });
      expect(answer.statements).toBe(0);
    }
  });
});

describe('depth, alias and token limits', () => {
  it('refuses 200 aliases of a nested page by the alias limit', async () => {
    const answer = await expectRefused(
      aliases(200, 'issues(first: 100) { edges { node { sections { links { title } } } } }'),
      'GRAPHQL_VALIDATION_FAILED',
      /^Query uses 200 aliases; the limit is 30\.$/,
    );
    expect(answer.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', aliases: 200, limit: 30 });
  });

  it('refuses the fragment bomb of the report by the depth limit, in time linear in its size', async () => {
    let query = 'query Bomb { issues { edges { node { ...F0 } } } }\n';
    for (let i = 0; i < 14; i += 1) {
      query += `fragment F${i} on Issue { id previous { ${Array.from({ length: 10 }, () => `...F${i + 1}`).join(' ')} } }\n`;
    }
    query += 'fragment F14 on Issue { date }';
    const answer = await expectRefused(query, 'GRAPHQL_VALIDATION_FAILED', /^Query is nested 17 levels deep; the limit is 12\.$/);
    expect(answer.errors?.[0].extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', depth: 17, limit: 12 });
  });

  it('stops parsing a token flood at the token limit', async () => {
    const tooMany = /Document contains more th\w+ 5000 tokens/;
    await expectRefused(`{ ${'__typename '.repeat(6000)} }`, 'GRAPHQL_PARSE_FAILED', tooMany);
    // A megabyte of tokens costs no more: the parser stops at the limit.
    await expectRefused(`{ newsletters { ${'slug '.repeat(200_000)} } }`, 'GRAPHQL_PARSE_FAILED', tooMany);
  });
});

describe('repeated root lists', () => {
  it('refuses 200 aliases of tags { linkCount } without a statement', async () => {
    await expectRefused(aliases(200, 'tags { linkCount }'), 'GRAPHQL_VALIDATION_FAILED', /200 aliases/);
  });

  it('runs identical root lists once, however many aliases ask, and batches their counts', async () => {
    h.statements.reset();
    const tags = await h.gql(aliases(30, 'tags { slug linkCount }'));
    expect(tags.errors).toBeUndefined();
    expect(tags.data?.a29).toEqual([
      { slug: 'llm', linkCount: 3 },
      { slug: 'security', linkCount: 3 },
    ]);
    // tags, then one count for both
    expect(h.statements.count).toBe(2);

    h.statements.reset();
    const pages = await h.gql(aliases(20, 'issues(first: 2) { totalCount edges { node { date } } }'));
    expect(pages.data?.a0).toEqual(pages.data?.a19);
    // the page, then its count
    expect(h.statements.count).toBe(2);
  });

  it('still runs calls with different arguments apart', async () => {
    h.statements.reset();
    const { data } = await h.gql('{ a: issues(first: 1) { edges { node { date } } } b: issues(first: 2) { edges { node { date } } } }');
    expect(data?.a.edges).toHaveLength(1);
    expect(data?.b.edges).toHaveLength(2);
    expect(h.statements.count).toBe(2);
  });
});

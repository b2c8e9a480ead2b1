import { Harness, startHarness } from '../support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h.close());

async function expectBadInput(query: string, variables: Record<string, unknown> | undefined, mentions: RegExp) {
  const response = await h.gql(query, variables);
  expect(response.errors).toHaveLength(1);
  const [error] = response.errors ?? [];
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error.message).toMatch(mentions);
  expect(JSON.stringify(response)).not.toMatch(/stacktrace|at .*\.js:\d+|SELECT /);
}

it('refuses a page size above the cap, or below one', async () => {
  await expectBadInput(`{ issues(first: 1000) { totalCount } }`, undefined, /first.*100/);
  await expectBadInput(`{ links(first: 0) { totalCount } }`, undefined, /first.*1/);
  await expectBadInput(`{ sponsors(first: 101) { totalCount } }`, undefined, /first.*100/);
});

it('refuses a malformed cursor and a cursor of another list or order', async () => {
  await expectBadInput(`{ issues(after: "not-a-cursor") { totalCount } }`, undefined, /Malformed cursor/);
  const forged = Buffer.from(JSON.stringify(['links:NEWEST_FIRST', '2025-01-01', 1, 0, 0])).toString('base64url');
  await expectBadInput(`query($after: String) { issues(after: $after) { totalCount } }`, { after: forged }, /another list/);
  const wrongTypes = Buffer.from(JSON.stringify(['issues:NEWEST_FIRST', 5, 'x'])).toString('base64url');
  await expectBadInput(`query($after: String) { issues(after: $after) { totalCount } }`, { after: wrongTypes }, /Malformed/);
});

it('refuses cursors whose contents were forged', async () => {
  const forge = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
  for (const parts of [
    ['issues:NEWEST_FIRST', 'zzz', 1],
    ['issues:NEWEST_FIRST', '2025-01-01', 2 ** 40],
    ['links:OLDEST_FIRST', '2025-01-01', 1, 1.5, 0],
    ['sponsors', 'Acme\u0000', 1],
  ]) {
    const list = String(parts[0]).split(':')[0];
    const order = String(parts[0]).split(':')[1];
    await expectBadInput(
      `query($after: String) { ${list}(after: $after${order ? `, orderBy: ${order}` : ''}) { totalCount } }`,
      { after: forge(parts) },
      /Malformed cursor/,
    );
  }
});

it('answers a NUL character in an argument as bad input, not an internal error', async () => {
  await expectBadInput(`query($s: String!) { newsletter(slug: $s) { name } }`, { s: 'a\u0000b' }, /cannot be stored/);
});

it('refuses a bad date, in a literal or a variable', async () => {
  await expectBadInput(`{ issue(newsletter: "ai", date: "2025-02-30") { id } }`, undefined, /YYYY-MM-DD.*2025-02-30/);
  await expectBadInput(`query($d: Date!) { issue(newsletter: "ai", date: $d) { id } }`, { d: '13/03/2025' }, /YYYY-MM-DD/);
  await expectBadInput(`{ issues(filter: { date: { from: "yesterday" } }) { totalCount } }`, undefined, /YYYY-MM-DD/);
});

it('refuses an empty date range', async () => {
  await expectBadInput(
    `{ links(filter: { date: { from: "2025-03-02", to: "2025-03-01" } }) { totalCount } }`,
    undefined,
    /"from" \(2025-03-02\) is after "to" \(2025-03-01\)/,
  );
});

it('refuses oversized filter lists', async () => {
  const slugs = Array.from({ length: 51 }, (_, i) => `t${i}`);
  await expectBadInput(`query($s: [String!]) { links(filter: { tags: { any: $s } }) { totalCount } }`, { s: slugs }, /any/);
});

it('refuses queries nested too deep', async () => {
  const nested = 'previous { '.repeat(12) + 'date' + ' }'.repeat(12);
  const response = await h.gql(`{ issue(newsletter: "ai", date: "2025-01-01") { ${nested} } }`);
  expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(response.errors?.[0].message).toMatch(/limit is 12/);
});

it('answers a syntax error with a code and no stack trace', async () => {
  const response = await h.gql(`{ issues( { totalCount } }`);
  expect(response.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
  expect(JSON.stringify(response)).not.toMatch(/stacktrace/);
});

it('answers a body that is not JSON, or too large, with a JSON error and no stack trace', async () => {
  const post = (body: string) => fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const broken = await post('{"query": ');
  expect(broken.status).toBe(400);
  const brokenBody = await broken.text();
  expect(JSON.parse(brokenBody).errors[0].extensions.code).toBe('BAD_REQUEST');
  expect(brokenBody).not.toMatch(/at .*\.js|SyntaxError/);
  const huge = await post(JSON.stringify({ query: '{ tags { slug } }', variables: { pad: 'x'.repeat(6 * 1024 * 1024) } }));
  expect(huge.status).toBe(413);
  expect(((await huge.json()) as any).errors[0].message).toMatch(/too large/);
});

it('answers the health check', async () => {
  const response = await fetch(h.url.replace('/graphql', '/healthz'));
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});

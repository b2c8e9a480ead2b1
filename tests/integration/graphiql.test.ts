import { Harness, startHarness } from '../support/harness';

/** GraphiQL over HTTP: a browser's GET /graphql gets the page, and everything it loads comes from this server. */
let h: Harness;
let base: string;

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

beforeAll(async () => {
  h = await startHarness();
  base = h.url.replace('/graphql', '');
});

afterAll(() => h.close());

async function page() {
  const response = await fetch(h.url, { headers: { accept: BROWSER_ACCEPT } });
  return { response, html: await response.text() };
}

it("answers a browser's GET /graphql with GraphiQL, under a policy that allows this server only", async () => {
  const { response, html } = await page();
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  expect(html).toContain('<div id="graphiql">');
  expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'.*script-src 'self'.*connect-src 'self'/);
  expect(html).not.toMatch(/apollographql|embeddable-sandbox|cdn\.|unpkg|jsdelivr/i);
});

it('serves every script and stylesheet the page names itself, from the installed packages', async () => {
  const { html } = await page();
  const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]);
  expect(assets).toEqual(expect.arrayContaining(['/graphiql/graphiql.min.js', '/graphiql/react.production.min.js', '/graphiql/start.js']));
  for (const asset of assets) {
    expect(asset).toMatch(/^\/graphiql\//);
    const response = await fetch(`${base}${asset}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /^text\/css/ : /javascript/);
    expect((await response.text()).length).toBeGreaterThan(0);
  }
  // A browser revalidates by ETag (fetch would add Cache-Control: no-cache to a conditional request unless told otherwise).
  const etag = (await fetch(`${base}/graphiql/graphiql.min.js`)).headers.get('etag') ?? '';
  const again = await fetch(`${base}/graphiql/graphiql.min.js`, { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } });
  expect(again.status).toBe(304);
});

it('leaves every other request to GraphQL: JSON clients, GETs with a query, POSTs', async () => {
  const json = await fetch(h.url, { headers: { accept: 'application/json' } });
  expect(json.status).toBe(400);
  expect(json.headers.get('content-type')).toMatch(/^application\/json/);
  const withQuery = await fetch(`${h.url}?query=%7B__typename%7D`, { headers: { accept: BROWSER_ACCEPT, 'apollo-require-preflight': '1' } });
  expect(await withQuery.json()).toMatchObject({ data: { __typename: 'Query' } });
  const post = await h.gql('{ __typename }');
  expect(post.data).toEqual({ __typename: 'Query' });
});

it('answers an unknown GraphiQL file with the JSON 404', async () => {
  for (const path of ['/graphiql/nope.js', '/graphiql/..%2Fpackage.json', '/graphiql/hasOwnProperty']) {
    const response = await fetch(`${base}${path}`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
  }
});

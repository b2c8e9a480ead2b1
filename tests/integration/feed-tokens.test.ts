import type { IncomingMessage, ServerResponse } from 'node:http';
import { Writable } from 'node:stream';
import { MemoryQuotaStore } from '../../src/limits/quota.store';
import { Role } from '../../src/modules/api-key/role';
import { Factory } from '../support/factories';
import { FORMATS, getFeed, idOf, parseFeed } from '../support/feeds';
import { ADMIN_TOKEN, Harness, startHarness } from '../support/harness';

let h: Harness;
let partnerKey: string;
let partnerKeyId: string;
/** The URLs the server's other request listeners (a logger, metrics) saw once each answer was sent. */
const seenUrls: string[] = [];

async function createPartnerKey(name: string, scope: Record<string, string[]> | null): Promise<{ id: string; secret: string }> {
  const { data, errors } = await h.gql(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key { id } secret } }`,
    { input: { name, role: Role.PARTNER, scope } },
    ADMIN_TOKEN,
  );
  expect(errors).toBeUndefined();
  return { id: data!.createApiKey.key.id, secret: data!.createApiKey.secret };
}

async function createFeedToken(apiKeyId: string, as = ADMIN_TOKEN) {
  return h.gql(`mutation($input: CreateFeedTokenInput!) { createFeedToken(input: $input) { secret token { id apiKeyId name prefix revokedAt } } }`,
    { input: { apiKeyId, name: 'Feedly' } }, as);
}

async function tokenFor(apiKeyId: string): Promise<string> {
  const { data, errors } = await createFeedToken(apiKeyId);
  expect(errors).toBeUndefined();
  return data!.createFeedToken.secret;
}

const feed = (path: string, headers: Record<string, string> = {}) => getFeed(h.url, path, headers);

beforeAll(async () => {
  h = await startHarness();
  h.server.httpServer.on('request', (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse) => {
    res.on('finish', () => seenUrls.push(`${req.url} ${req.originalUrl}`));
  });
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai', 'TLDR AI');
  const web = await f.newsletter('web', 'TLDR Web');
  await f.issue(ai, { date: '2025-03-01', sections: [{ title: 'News', links: [{ title: 'Sec one', tags: ['security'] }, { title: 'Other one', tags: ['llm'] }] }] });
  await f.issue(ai, { date: '2025-03-02', sections: [{ title: 'News', links: [{ title: 'Other two', tags: ['llm'] }] }] });
  await f.issue(web, { date: '2025-03-03', sections: [{ title: 'News', links: [{ title: 'Sec web', tags: ['security'] }] }] });
  const key = await createPartnerKey('security partner', { tags: ['security'] });
  partnerKey = key.secret;
  partnerKeyId = key.id;
});

afterAll(() => h.close());

describe('creating and listing tokens', () => {
  it('an admin creates a token for a PARTNER key: the secret once, nlf_-prefixed; the list never shows it', async () => {
    const { data, errors } = await createFeedToken(partnerKeyId);
    expect(errors).toBeUndefined();
    const { secret, token } = data!.createFeedToken;
    expect(secret).toMatch(/^nlf_[\w-]{43}$/);
    expect(token).toMatchObject({ apiKeyId: partnerKeyId, name: 'Feedly', prefix: secret.slice(0, 12), revokedAt: null });
    const listed = await h.gql(`query($id: ID!) { feedTokens(apiKeyId: $id) { id prefix name revokedAt } }`, { id: partnerKeyId }, ADMIN_TOKEN);
    expect(listed.data!.feedTokens.map((t: { id: string }) => t.id)).toContain(token.id);
    expect(JSON.stringify(listed)).not.toContain(secret);
    const audit = await h.gql(`{ auditLog(first: 5) { edges { node { action entityType } } } }`, {}, ADMIN_TOKEN);
    expect(audit.data!.auditLog.edges.map((edge: { node: { action: string } }) => edge.node.action)).toContain('createFeedToken');
    const [stored] = await h.dataSource.query(`SELECT secret_hash FROM feed_token WHERE id = $1`, [token.id]);
    expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.secret_hash).not.toContain(secret.slice(4, 20));
  });

  it('only for live PARTNER keys; only admins; partners and the public are refused', async () => {
    const editor = await h.gql(`mutation { createApiKey(input: { name: "ed", role: EDITOR }) { key { id } } }`, {}, ADMIN_TOKEN);
    const editorId = editor.data!.createApiKey.key.id;
    expect((await createFeedToken(editorId)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiKeyId' });
    expect((await createFeedToken('999999')).errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND' });
    const revoked = await createPartnerKey('gone', null);
    await h.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: revoked.id }, ADMIN_TOKEN);
    expect((await createFeedToken(revoked.id)).errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'apiKeyId' });
    expect((await createFeedToken(partnerKeyId, partnerKey)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const anonymous = await h.gql(`mutation { createFeedToken(input: { apiKeyId: "${partnerKeyId}", name: "x" }) { secret } }`);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('reading feeds with a token', () => {
  it('a token reads exactly what its key reads through GraphQL: the key’s scope, in every format', async () => {
    const token = await tokenFor(partnerKeyId);
    const { data } = await h.gql(`{ links(first: 50) { edges { node { id title } } } }`, {}, partnerKey);
    const expected = data!.links.edges.map((edge: { node: { id: string } }) => Number(edge.node.id));
    expect(data!.links.edges.map((edge: { node: { title: string } }) => edge.node.title)).toEqual(['Sec web', 'Sec one']);
    for (const format of FORMATS) {
      const answer = await feed(`/feeds/links.${format}?token=${token}`);
      expect(answer.status).toBe(200);
      expect(parseFeed(format, answer.body).items.map((item) => idOf(item.id).id)).toEqual(expected);
    }
    const issues = parseFeed('atom', (await feed(`/feeds/newsletters/ai.atom?token=${token}`)).body);
    expect(issues.items.map((item) => item.title)).toEqual(['Headline of ai 2025-03-01']);
    expect(issues.items[0].html).toContain('Sec one');
    expect(issues.items[0].html).not.toContain('Other one');
    expect((await feed(`/feeds/tags/llm.atom?token=${token}`)).status).toBe(404);
    const publicView = parseFeed('atom', (await feed('/feeds/tags/llm.atom')).body);
    expect(publicView.items.map((item) => item.title)).toEqual(['Other two', 'Other one']);
  });

  it('the token never comes back: not in the body, no self link; private caching; no referrer', async () => {
    const token = await tokenFor(partnerKeyId);
    for (const format of FORMATS) {
      const answer = await feed(`/feeds/links.${format}?tags=security&token=${token}`);
      expect(answer.body).not.toContain(token);
      expect(answer.body).not.toContain('token=');
      expect(parseFeed(format, answer.body).self).toBeNull();
      expect(answer.headers.get('cache-control')).toBe('private, no-cache');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const open = await feed('/feeds/links.atom?tags=security');
    expect(parseFeed('atom', open.body).self).toMatch(/\/feeds\/links\.atom\?tags=security$/);
    expect(open.headers.get('cache-control')).toBe('public, no-cache');
  });

  it('other request listeners (loggers, metrics) see the URL with the token redacted', async () => {
    const token = await tokenFor(partnerKeyId);
    seenUrls.length = 0;
    await feed(`/feeds/links.atom?limit=2&token=${token}`);
    await feed(`/feeds/links.atom?token=nlf_wrong`);
    await feed(`/feeds/links.atom?limit=nope&token=${token}`);
    await feed(`/feeds/nothing-here?Token=${token}`);
    expect(seenUrls).toEqual([
      '/links.atom?limit=2&token=REDACTED /feeds/links.atom?limit=2&token=REDACTED',
      '/links.atom?token=REDACTED /feeds/links.atom?token=REDACTED',
      '/links.atom?limit=nope&token=REDACTED /feeds/links.atom?limit=nope&token=REDACTED',
      '/nothing-here?Token=REDACTED /feeds/nothing-here?Token=REDACTED',
    ]);
  });

  it('an unknown token, an API key in its place, and an empty one: 401 UNAUTHENTICATED', async () => {
    for (const bad of ['nlf_unknown', partnerKey, '', ADMIN_TOKEN]) {
      const answer = await feed(`/feeds/links.atom?token=${encodeURIComponent(bad)}`);
      expect([answer.status, JSON.parse(answer.body).errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
    }
  });

  it('a token is refused by /graphql, as a Bearer for reads and for writes', async () => {
    const token = await tokenFor(partnerKeyId);
    const read = await h.gql(`{ links(first: 1) { edges { node { id } } } }`, {}, token);
    expect([read.status, read.errors?.[0].extensions?.code, read.data ?? null]).toEqual([401, 'UNAUTHENTICATED', null]);
    expect(read.errors?.[0].message).toMatch(/feed token/);
    const before = await h.rowCounts();
    const write = await h.gql(`mutation { createNewsletter(input: { slug: "x", name: "X" }) { id } }`, {}, token);
    expect([write.status, write.errors?.[0].extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(await h.rowCounts()).toEqual(before);
  });

  it('a token asking for drafts is refused as its key would be: FORBIDDEN', async () => {
    const token = await tokenFor(partnerKeyId);
    const answer = await feed(`/feeds/links.atom?statuses=DRAFT&token=${token}`);
    expect([answer.status, JSON.parse(answer.body).errors[0].extensions.code]).toEqual([403, 'FORBIDDEN']);
  });

  it('revoking the token stops it at once; revoking its key stops every token of the key', async () => {
    const key = await createPartnerKey('short-lived', null);
    const { data } = await createFeedToken(key.id);
    const first = data!.createFeedToken;
    const second = await tokenFor(key.id);
    expect((await feed(`/feeds/links.json?token=${first.secret}`)).status).toBe(200);
    const revoked = await h.gql(`mutation($id: ID!) { revokeFeedToken(id: $id) { revokedAt } }`, { id: first.token.id }, ADMIN_TOKEN);
    expect(revoked.data!.revokeFeedToken.revokedAt).not.toBeNull();
    expect((await feed(`/feeds/links.json?token=${first.secret}`)).status).toBe(401);
    expect((await feed(`/feeds/links.json?token=${second}`)).status).toBe(200);
    await h.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { id } }`, { id: key.id }, ADMIN_TOKEN);
    const after = await feed(`/feeds/links.json?token=${second}`);
    expect([after.status, JSON.parse(after.body).errors[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
  });
});

describe('request logs', () => {
  it('a feed request is logged with its kind, cost and key id, its path without the query; the token nowhere', async () => {
    const lines: string[] = [];
    const log = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
        done();
      },
    });
    const logged = await startHarness({ config: { observability: { logLevel: 'info', logFormat: 'json', slowRequestMs: 60_000 } }, parts: { logDestination: log } });
    try {
      const key = await logged.gql(`mutation { createApiKey(input: { name: "p", role: PARTNER }) { key { id } } }`, {}, ADMIN_TOKEN);
      const keyId = key.data!.createApiKey.key.id;
      const created = await logged.gql(`mutation($id: ID!) { createFeedToken(input: { apiKeyId: $id, name: "t" }) { secret } }`, { id: keyId }, ADMIN_TOKEN);
      const token = created.data!.createFeedToken.secret;
      const answer = await fetch(logged.url.replace(/\/graphql$/, `/feeds/links.atom?limit=7&token=${token}`), { headers: { 'x-request-id': 'feed-1' } });
      expect(answer.status).toBe(200);
      const bad = await fetch(logged.url.replace(/\/graphql$/, '/feeds/links.atom?limit=0'), { headers: { 'x-request-id': 'feed-2' } });
      expect(bad.status).toBe(400);
      for (let i = 0; i < 400 && lines.filter((line) => line.includes('"feed-')).length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      const [good, refused] = ['feed-1', 'feed-2'].map((id) => JSON.parse(lines.find((line) => line.includes(`"reqId":"${id}"`))!));
      expect(good).toMatchObject({ path: '/feeds/links.atom', status: 200, operation: 'feed:links', keyId: Number(keyId), cost: expect.any(Number) });
      expect(refused).toMatchObject({ path: '/feeds/links.atom', status: 400, operation: 'feed:links', code: 'BAD_USER_INPUT' });
      expect(lines.join('\n')).not.toContain(token);
    } finally {
      await logged.close();
    }
  });
});

describe('quotas', () => {
  let now = 1_700_000_000_000;
  let q: Harness;
  let token: string;
  const rate = (header: string | null) => Number(/;r=(\d+)/.exec(header ?? '')?.[1]);

  beforeAll(async () => {
    const quotas = {
      enabled: true,
      maxBuckets: 100,
      buckets: {
        PUBLIC: { capacity: 5000, refillPerSecond: 1 },
        PARTNER: { capacity: 3000, refillPerSecond: 1 },
        EDITOR: { capacity: 1000, refillPerSecond: 1 },
        ADMIN: { capacity: 1_000_000, refillPerSecond: 1000 },
      },
    };
    q = await startHarness({ config: { quotas }, parts: { quotaStore: new MemoryQuotaStore({ clock: () => now }) } });
    const f = new Factory(q.dataSource);
    await f.issue(await f.newsletter('ai'), { date: '2025-03-01', sections: [{ title: 'News', links: [{ title: 'One' }] }] });
    const key = await q.gql(`mutation { createApiKey(input: { name: "p", role: PARTNER }) { key { id } } }`, {}, ADMIN_TOKEN);
    const created = await q.gql(`mutation($id: ID!) { createFeedToken(input: { apiKeyId: $id, name: "t" }) { secret } }`,
      { id: key.data!.createApiKey.key.id }, ADMIN_TOKEN);
    token = created.data!.createFeedToken.secret;
  });

  afterAll(() => q.close());

  it('a feed spends a fixed cost, priced as the GraphQL query reading the same rows, from the token’s key’s bucket', async () => {
    const linksCost = await q.gql(`query($first: Int) { links(first: $first) { edges { node {
      title url canonicalUrl summary readTimeLabel tags { name } section { title } issue { date headline publishedAt updatedAt newsletter { name } } } } } }`,
      { first: 10 }, ADMIN_TOKEN);
    const expected = 1 + linksCost.extensions!.cost.requested;
    const first = await getFeed(q.url, `/feeds/links.atom?limit=10&token=${token}`);
    const second = await getFeed(q.url, `/feeds/links.atom?limit=10&token=${token}`);
    expect(first.headers.get('ratelimit-policy')).toMatch(/^"partner";q=3000;/);
    expect(rate(first.headers.get('ratelimit')) - rate(second.headers.get('ratelimit'))).toBe(expected);
    const open = await getFeed(q.url, '/feeds/links.atom?limit=10');
    expect(open.headers.get('ratelimit-policy')).toMatch(/^"public";/);
    expect(rate(open.headers.get('ratelimit'))).toBe(5000 - expected);
  });

  it('a request that names no feed, or is refused, pays its admission too', async () => {
    const missing = await getFeed(q.url, `/feeds/nothing.atom?token=${token}`);
    expect([missing.status, missing.headers.get('ratelimit-policy')?.split(';')[0]]).toEqual([404, '"partner"']);
    const wrong = await getFeed(q.url, '/feeds/links.atom?token=nlf_wrong');
    expect([wrong.status, wrong.headers.get('ratelimit-policy')?.split(';')[0]]).toEqual([401, '"public"']);
    const post = await fetch(q.url.replace(/\/graphql$/, `/feeds/links.atom?token=${token}`), { method: 'POST' });
    expect([post.status, post.headers.get('ratelimit-policy')?.split(';')[0]]).toEqual([405, '"public"']);
  });

  it('an empty bucket answers 429 RATE_LIMITED with Retry-After, and no feed', async () => {
    let answer = await getFeed(q.url, `/feeds/links.atom?limit=100&token=${token}`);
    for (let n = 0; n < 20 && answer.status === 200; n += 1) answer = await getFeed(q.url, `/feeds/links.atom?limit=100&token=${token}`);
    expect(answer.status).toBe(429);
    expect(JSON.parse(answer.body).errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    now += 3600_000;
    expect((await getFeed(q.url, `/feeds/links.atom?limit=100&token=${token}`)).status).toBe(200);
  });
});

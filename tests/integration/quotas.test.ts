import { loadConfig } from '../../src/config';
import { QuotaSettings } from '../../src/limits/limits.config';
import { MemoryQuotaStore } from '../../src/limits/quota.store';
import { Role } from '../../src/modules/api-key/role';
import { Factory } from '../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../support/harness';

/** Small buckets so a few requests empty them; refills of 10 units a second. */
const QUOTAS: QuotaSettings = {
  enabled: true,
  maxBuckets: 1000,
  buckets: {
    PUBLIC: { capacity: 1000, refillPerSecond: 10 },
    PARTNER: { capacity: 120, refillPerSecond: 10 },
    EDITOR: { capacity: 3, refillPerSecond: 1 },
    ADMIN: { capacity: 5000, refillPerSecond: 100 },
  },
};

/** 50 newsletters at most, 1 each; 500 tags at most, 1 each (src/limits/cost.table.ts). */
const LIGHT = '{ newsletters { slug } }';
const LIGHT_COST = 50;
const TAGS = '{ tags { slug } }';
const FREE = '{ __typename }';
const OVER_BUDGET = '{ links(first:100){edges{node{issue{links{issue{links{issue{links{title}}}}}}}}} }';

/** The store's clock: tests move it by hand, so refills never depend on how fast the machine is. */
let now = 1_700_000_000_000;
const advance = (seconds: number) => {
  now += seconds * 1000;
};

let h: Harness;
let untrusting: Harness;

beforeAll(async () => {
  const config = { quotas: QUOTAS, trustProxy: ['loopback'] };
  h = await startHarness({ config, parts: { quotaStore: new MemoryQuotaStore({ clock: () => now }) } });
  untrusting = await startHarness({ config: { ...config, trustProxy: false } });
  const f = new Factory(h.dataSource);
  await f.newsletter('ai');
  await f.tag('security');
});

afterAll(async () => {
  await h?.close();
  await untrusting?.close();
});

interface Answer {
  status: number;
  body: { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }>; extensions?: Record<string, any> };
  policy: string | null;
  limit: { policy: string; r: number; t: number } | null;
  retryAfter: string | null;
  statements: string[];
}

/** Sends a request as the given address (X-Forwarded-For) and/or key; returns the quota headers parsed and the SQL it ran. */
async function send(
  query: string | null,
  options: { from?: string; token?: string; path?: string; server?: Harness } = {},
): Promise<Answer> {
  const server = options.server ?? h;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.from) headers['x-forwarded-for'] = options.from;
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  server.statements.reset();
  const url = options.path ? new URL(options.path, server.url).toString() : server.url;
  const response = await fetch(url, query === null ? { headers } : { method: 'POST', headers, body: JSON.stringify({ query }) });
  const text = await response.text();
  let body = {};
  try {
    body = JSON.parse(text);
  } catch {
    // Not every path answers JSON; the headers are what these tests read.
  }
  const limit = response.headers.get('ratelimit');
  const parsed = limit && /^"(\w+)";r=(\d+);t=(\d+)$/.exec(limit);
  expect(limit === null || parsed).toBeTruthy();
  return {
    status: response.status,
    body,
    policy: response.headers.get('ratelimit-policy'),
    limit: parsed ? { policy: parsed[1], r: Number(parsed[2]), t: Number(parsed[3]) } : null,
    retryAfter: response.headers.get('retry-after'),
    statements: [...server.statements.statements],
  };
}

/** A 429 that ran nothing, with the code, the Retry-After header and the same delay in the RateLimit field. */
function expectRateLimited(answer: Answer, retryAfter: number) {
  expect(answer.status).toBe(429);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors).toHaveLength(1);
  expect(answer.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
  expect(answer.body.errors?.[0].extensions?.retryAfter).toBe(retryAfter);
  expect(answer.body.errors?.[0].message).toMatch(new RegExp(`Retry after ${retryAfter} s`));
  expect(answer.retryAfter).toBe(String(retryAfter));
  expect(answer.limit?.t).toBe(retryAfter);
  // A key's request looks its key up (and may note its use); nothing else runs.
  expect(answer.statements.filter((sql) => !/\bapi_key\b/.test(sql))).toEqual([]);
}

describe('headers', () => {
  it('every answer carries the policy and what is left: success, errors, probes and other paths', async () => {
    const from = '10.1.0.1';
    const ok = await send(LIGHT, { from });
    expect(ok.status).toBe(200);
    expect(ok.body.extensions?.cost.requested).toBe(LIGHT_COST);
    expect(ok.policy).toBe('"public";q=1000;w=100');
    expect(ok.limit).toEqual({ policy: 'public', r: 1000 - LIGHT_COST, t: 5 });

    // A request that fails before its cost is known spends the least a request costs: 1.
    const unparsable = await send('{ newsletters {', { from });
    expect(unparsable.status).toBe(400);
    expect(unparsable.body.errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(unparsable.limit).toEqual({ policy: 'public', r: 949, t: 6 });

    const invalid = await send('{ nope }', { from });
    expect(invalid.status).toBe(400);
    expect(invalid.limit?.r).toBe(948);

    // Over the budget: refused before it runs, so only its admission is spent.
    const overBudget = await send(OVER_BUDGET, { from });
    expect(overBudget.body.errors?.[0].extensions?.code).toBe('COST_LIMIT_EXCEEDED');
    expect(overBudget.limit?.r).toBe(947);

    const probe = await send(null, { from, path: '/healthz' });
    expect(probe.status).toBe(200);
    expect(probe.policy).toBe('"public";q=1000;w=100');
    expect(probe.limit?.r).toBe(947);

    const elsewhere = await send(null, { from, path: '/nowhere' });
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.limit?.r).toBe(946);
    for (const answer of [ok, unparsable, invalid, overBudget, probe, elsewhere]) expect(answer.retryAfter).toBeNull();
  });

  it('names the role of a key and the size of its bucket', async () => {
    const admin = await send(LIGHT, { token: ADMIN_TOKEN });
    expect(admin.policy).toBe('"admin";q=5000;w=50');
    expect(admin.limit).toEqual({ policy: 'admin', r: 5000 - LIGHT_COST, t: 1 });
    const partner = await send(FREE, { token: await h.key(Role.PARTNER) });
    expect(partner.policy).toBe('"partner";q=120;w=12');
    expect(partner.limit).toEqual({ policy: 'partner', r: 119, t: 1 });
  });
});

describe('a key spends its own bucket', () => {
  it('is refused 429 RATE_LIMITED with Retry-After once it cannot pay, and runs nothing', async () => {
    const token = await h.key(Role.PARTNER, 'exhausts its bucket');
    expect((await send(LIGHT, { token })).limit?.r).toBe(70);
    expect((await send(LIGHT, { token })).limit?.r).toBe(20);

    // Admitted (1 spent), but the other 49 are not there. A retry pays all 50 again: 31 more take 4 s at 10 a second.
    const refused = await send(LIGHT, { token });
    expectRateLimited(refused, 4);
    expect(refused.limit?.r).toBe(19);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ cost: LIGHT_COST, remaining: 19 });
    expect(refused.body.extensions?.cost.requested).toBe(LIGHT_COST);

    advance(4);
    const after = await send(LIGHT, { token });
    expect(after.status).toBe(200);
    expect(after.body.data?.newsletters).toEqual(expect.any(Array));
    expect(after.statements.some((sql) => /newsletter/.test(sql))).toBe(true);
    expect(after.limit?.r).toBe(19 + 40 - LIGHT_COST);
  });

  it('an empty bucket is refused before the operation is even read', async () => {
    const token = await h.key(Role.EDITOR, 'three units');
    for (const left of [2, 1, 0]) expect((await send(FREE, { token })).limit?.r).toBe(left);
    const refused = await send(FREE, { token });
    expectRateLimited(refused, 1);
    expect(refused.body.errors?.[0].extensions).toMatchObject({ cost: 1, remaining: 0 });
    advance(1);
    expect((await send(FREE, { token })).status).toBe(200);
  });

  it('two keys do not share a bucket, nor a key and its address', async () => {
    const first = await h.key(Role.EDITOR, 'first');
    const second = await h.key(Role.EDITOR, 'second');
    const from = '10.3.0.1';
    for (let i = 0; i < 3; i += 1) await send(FREE, { token: first, from });
    expectRateLimited(await send(FREE, { token: first, from }), 1);
    expect((await send(FREE, { token: second, from })).limit).toEqual({ policy: 'editor', r: 2, t: 1 });
    expect((await send(FREE, { from })).limit).toEqual({ policy: 'public', r: 999, t: 1 });
  });
});

describe('the public spends a bucket per address', () => {
  it('behind a trusted proxy, each X-Forwarded-For address has its own bucket; an IPv6 /64 has one', async () => {
    await send(TAGS, { from: '10.4.0.1' });
    expect((await send(TAGS, { from: '10.4.0.1' })).limit?.r).toBe(0);
    const refused = await send(LIGHT, { from: '10.4.0.1' });
    expectRateLimited(refused, 1);
    expect(refused.statements).toEqual([]);
    expect((await send(LIGHT, { from: '10.4.0.2' })).status).toBe(200);

    await send(TAGS, { from: '2001:db8:1:2::1' });
    expect((await send(TAGS, { from: '2001:db8:1:2:ffff::9' })).limit?.r).toBe(0);
    expect((await send(LIGHT, { from: '2001:db8:1:2::1' })).status).toBe(429);
    expect((await send(LIGHT, { from: '2001:db8:1:3::1' })).status).toBe(200);
  });

  it('without TRUST_PROXY, X-Forwarded-For is ignored: every caller from one address shares its bucket', async () => {
    await send(TAGS, { from: '10.5.0.1', server: untrusting });
    await send(TAGS, { from: '10.5.0.2', server: untrusting });
    const refused = await send(LIGHT, { from: '10.5.0.3', server: untrusting });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
  });

  it('refused credentials spend from the address, and are answered 429 once it is empty', async () => {
    const unknownKey = await send(LIGHT, { from: '10.6.0.1', token: 'nlk_not-a-key' });
    expect(unknownKey.status).toBe(401);
    expect(unknownKey.body.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknownKey.limit).toEqual({ policy: 'public', r: 999, t: 1 });

    const from = '10.6.0.2';
    await send(TAGS, { from });
    await send(TAGS, { from });
    expectRateLimited(await send(LIGHT, { from, token: 'nlk_not-a-key' }), 1);
  });
});

describe('settings', () => {
  it('quotas are on by default, with buckets at least as large as the budgets', () => {
    const { quotas, costBudgets } = loadConfig({});
    expect(quotas.enabled).toBe(true);
    for (const who of ['PUBLIC', 'PARTNER', 'EDITOR', 'ADMIN'] as const) {
      expect(quotas.buckets[who].capacity).toBeGreaterThanOrEqual(costBudgets[who]);
    }
  });

  it('QUOTAS_ENABLED=false: no headers, no refusals', async () => {
    const off = await startHarness({ config: { quotas: { ...QUOTAS, enabled: false } } });
    try {
      for (let i = 0; i < 3; i += 1) {
        const answer = await send(TAGS, { server: off });
        expect(answer.status).toBe(200);
        expect(answer.policy).toBeNull();
        expect(answer.limit).toBeNull();
      }
    } finally {
      await off.close();
    }
  });
});

import { createHash } from 'node:crypto';
import { Role } from '../../../src/modules/api-key/role';
import { ADMIN_TOKEN, Harness, startHarness } from '../../support/harness';

const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret key { id name role prefix expiresAt revokedAt } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const KEYS = `{ apiKeys { id name role prefix createdAt expiresAt revokedAt lastUsedAt } }`;
const PUBLIC = `{ newsletters { slug } }`;
const AUDIT = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id at actorKind actorKeyId actorName action entityType entityId issueId changes summary } }
  }
}`;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h.close());

async function createKey(role: Role, extra: Record<string, unknown> = {}) {
  const { data, errors } = await h.gql(CREATE, { input: { name: `${role} key`, role, ...extra } }, ADMIN_TOKEN);
  expect(errors).toBeUndefined();
  return data!.createApiKey as { secret: string; key: { id: string; prefix: string } };
}

describe('API keys over GraphQL', () => {
  it('creates a key whose secret is shown once, stored only as a hash, and works with its role', async () => {
    const { secret, key } = await createKey(Role.EDITOR);
    expect(secret).toMatch(/^nlk_[A-Za-z0-9_-]{43}$/);
    expect(key.prefix).toBe(secret.slice(0, 12));
    const [row] = await h.dataSource.query('SELECT * FROM api_key WHERE id = $1', [Number(key.id)]);
    expect(row.secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
    const listed = await h.gql(KEYS, {}, ADMIN_TOKEN);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(12));
    expect(listed.data?.apiKeys).toContainEqual(expect.objectContaining({ id: key.id, role: 'EDITOR', revokedAt: null }));
    const audit = await h.dataSource.query(`SELECT changes::text AS changes FROM audit_entry WHERE entity_type = 'API_KEY'`);
    expect(JSON.stringify(audit)).not.toContain(secret.slice(12));
    // An editor key may edit but not manage keys.
    expect((await h.gql(KEYS, {}, secret)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses key management to the public, partners and editors, writing nothing', async () => {
    const before = await h.rowCounts();
    const input = { name: 'sneaky', role: 'ADMIN' };
    expect((await h.gql(CREATE, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const role of [Role.PARTNER, Role.EDITOR]) {
      const secret = (await createKey(role)).secret;
      const counts = await h.rowCounts();
      expect((await h.gql(CREATE, { input }, secret)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await h.gql(REVOKE, { id: '1' }, secret)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await h.gql(AUDIT, {}, secret)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await h.rowCounts()).toEqual(counts);
    }
    expect((await h.rowCounts()).api_key).toBe(before.api_key + 2);
  });

  it('validates input with the offending field named', async () => {
    const empty = await h.gql(CREATE, { input: { name: '', role: 'EDITOR' } }, ADMIN_TOKEN);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    const past = await h.gql(CREATE, { input: { name: 'old', role: 'EDITOR', expiresAt: '2020-01-01T00:00:00Z' } }, ADMIN_TOKEN);
    expect(past.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'expiresAt' });
    const role = await h.gql(CREATE, { input: { name: 'x', role: 'OWNER' } }, ADMIN_TOKEN);
    expect(role.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('refuses a revoked or expired key on every request, public ones included, with 401', async () => {
    const revoked = await createKey(Role.PARTNER);
    expect((await h.gql(PUBLIC, {}, revoked.secret)).errors).toBeUndefined();
    const { data } = await h.gql(REVOKE, { id: revoked.key.id }, ADMIN_TOKEN);
    expect(data?.revokeApiKey.revokedAt).not.toBeNull();
    const expired = await createKey(Role.EDITOR, { expiresAt: new Date(Date.now() + 60_000).toISOString() });
    await h.dataSource.query(`UPDATE api_key SET expires_at = now() - interval '1 second' WHERE id = $1`, [Number(expired.key.id)]);
    for (const secret of [revoked.secret, expired.secret, 'nlk_not-a-real-key', `${revoked.secret}x`]) {
      const response = await h.gql(PUBLIC, {}, secret);
      expect(response.status).toBe(401);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.data).toBeUndefined();
    }
    const malformed = await fetch(h.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: PUBLIC }),
    });
    expect(malformed.status).toBe(401);
  });

  it('answers NOT_FOUND when revoking a key that does not exist', async () => {
    const response = await h.gql(REVOKE, { id: '424242' }, ADMIN_TOKEN);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'id' });
  });
});

describe('lastUsedAt', () => {
  const lastUsedWrites = () => h.statements.statements.filter((sql) => /UPDATE api_key SET last_used_at/.test(sql)).length;

  it('is written on first use, then at most once per interval, not on every request', async () => {
    const { secret, key } = await createKey(Role.PARTNER);
    h.statements.reset();
    for (let n = 0; n < 5; n += 1) expect((await h.gql(PUBLIC, {}, secret)).errors).toBeUndefined();
    expect(lastUsedWrites()).toBe(1);
    const [row] = await h.dataSource.query('SELECT last_used_at FROM api_key WHERE id = $1', [Number(key.id)]);
    expect(row.last_used_at).not.toBeNull();
  });

  it('is written again once the interval has passed (interval 0 here: every use)', async () => {
    const eager = await startHarness({ config: { keyLastUsedIntervalS: 0 } });
    try {
      const secret = await eager.key(Role.PARTNER);
      eager.statements.reset();
      for (let n = 0; n < 3; n += 1) await eager.gql(PUBLIC, {}, secret);
      expect(eager.statements.statements.filter((sql) => /UPDATE api_key SET last_used_at/.test(sql))).toHaveLength(3);
    } finally {
      await eager.close();
    }
  });
});

describe('auditLog', () => {
  it('lists entries newest first for admins, filtered by entity, action and actor, page by page', async () => {
    const first = await createKey(Role.EDITOR);
    await h.gql(REVOKE, { id: first.key.id }, ADMIN_TOKEN);
    const all = await h.gql(AUDIT, { filter: { entity: 'API_KEY', entityId: first.key.id } }, ADMIN_TOKEN);
    expect(all.errors).toBeUndefined();
    expect(all.data?.auditLog.totalCount).toBe(2);
    expect(all.data?.auditLog.edges.map((edge: { node: { action: string } }) => edge.node.action)).toEqual(['revokeApiKey', 'createApiKey']);
    expect(all.data?.auditLog.edges[0].node).toMatchObject({ actorKind: 'ADMIN_TOKEN', actorName: 'admin token', entityType: 'API_KEY' });

    const byAction = await h.gql(AUDIT, { filter: { action: 'createApiKey', actor: 'ADMIN_TOKEN' }, first: 2 }, ADMIN_TOKEN);
    const total = byAction.data?.auditLog.totalCount;
    expect(total).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await h.gql(AUDIT, { filter: { action: 'createApiKey', actor: 'ADMIN_TOKEN' }, first: 2, after }, ADMIN_TOKEN);
      seen.push(...page.data.auditLog.edges.map((edge: { node: { id: string } }) => edge.node.id));
      if (!page.data.auditLog.pageInfo.hasNextPage) break;
      after = page.data.auditLog.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort((a, b) => Number(b) - Number(a))).toEqual(seen);

    const future = await h.gql(AUDIT, { filter: { from: new Date(Date.now() + 3_600_000).toISOString() } }, ADMIN_TOKEN);
    expect(future.data?.auditLog.totalCount).toBe(0);
  });

  it('is refused to the public', async () => {
    expect((await h.gql(AUDIT, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

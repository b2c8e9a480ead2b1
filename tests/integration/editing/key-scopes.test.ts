import { Role } from '../../../src/modules/api-key/role';
import { Factory } from '../../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../../support/harness';

const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret key { id role scope { newsletters tags } } } }`;
const SET_SCOPE = `mutation($input: SetApiKeyScopeInput!) { setApiKeyScope(input: $input) { id role scope { newsletters tags } } }`;
const KEYS = `{ apiKeys { id name scope { newsletters tags } } }`;
const LINK_TITLES = `{ links(first: 100, orderBy: OLDEST_FIRST) { totalCount edges { node { title } } } }`;

let h: Harness;
let editor: string;

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  const devops = await f.newsletter('devops');
  await f.issue(ai, { date: '2025-02-01', sections: [{ title: 'News', links: [{ title: 'ai security', tags: ['security'] }, { title: 'ai llm', tags: ['llm'] }] }] });
  await f.issue(devops, { date: '2025-02-01', sections: [{ title: 'News', links: [{ title: 'devops infra', tags: ['infra'] }, { title: 'devops k8s', tags: ['k8s'] }] }] });
  editor = await h.key(Role.EDITOR);
});

afterAll(() => h.close());

async function createKey(input: Record<string, unknown>) {
  const { data, errors } = await h.gql(CREATE, { input: { name: 'partner', role: 'PARTNER', ...input } }, ADMIN_TOKEN);
  expect(errors).toBeUndefined();
  return data!.createApiKey as { secret: string; key: { id: string; scope: unknown } };
}

async function titlesFor(token: string): Promise<string[]> {
  const { data, errors } = await h.gql(LINK_TITLES, {}, token);
  expect(errors).toBeUndefined();
  expect(data?.links.totalCount).toBe(data?.links.edges.length);
  return data!.links.edges.map((edge: { node: { title: string } }) => edge.node.title).sort();
}

async function auditOf(keyId: string) {
  return h.dataSource.query(`SELECT action, actor_kind, changes FROM audit_entry WHERE entity_type = 'API_KEY' AND entity_id = $1 ORDER BY id`, [
    Number(keyId),
  ]);
}

describe('createApiKey with a scope', () => {
  it('creates a scoped partner key that reads only its scope; admins see the scope and the audit trail records it', async () => {
    const { secret, key } = await createKey({ scope: { newsletters: ['ai'], tags: ['security', 'k8s'] } });
    expect(key.scope).toEqual({ newsletters: ['ai'], tags: ['security', 'k8s'] });
    expect(await titlesFor(secret)).toEqual(['ai security']);
    const listed = await h.gql(KEYS, {}, ADMIN_TOKEN);
    expect(listed.data?.apiKeys).toContainEqual({ id: key.id, name: 'partner', scope: { newsletters: ['ai'], tags: ['security', 'k8s'] } });
    const [entry] = await auditOf(key.id);
    expect(entry).toMatchObject({ action: 'createApiKey', actor_kind: 'ADMIN_TOKEN' });
    expect(entry.changes.scope).toEqual({ before: null, after: { newsletters: ['ai'], tags: ['security', 'k8s'] } });
  });

  it('a side left out has no limit; no scope at all reads everything published', async () => {
    expect(await titlesFor((await createKey({ scope: { tags: ['llm', 'k8s'] } })).secret)).toEqual(['ai llm', 'devops k8s']);
    expect(await titlesFor((await createKey({ scope: { newsletters: ['devops'], tags: null } })).secret)).toEqual(['devops infra', 'devops k8s']);
    const unscoped = await createKey({});
    expect(unscoped.key.scope).toBeNull();
    expect(await titlesFor(unscoped.secret)).toEqual(['ai llm', 'ai security', 'devops infra', 'devops k8s']);
  });

  it.each([
    ['an unknown newsletter', { role: 'PARTNER', scope: { newsletters: ['ai', 'nope'] } }, 'scope.newsletters'],
    ['an unknown tag', { role: 'PARTNER', scope: { tags: ['security', 'no-such-tag'] } }, 'scope.tags'],
    ['an empty newsletter list', { role: 'PARTNER', scope: { newsletters: [] } }, 'scope.newsletters'],
    ['an empty tag list', { role: 'PARTNER', scope: { newsletters: ['ai'], tags: [] } }, 'scope.tags'],
    ['a blank slug', { role: 'PARTNER', scope: { tags: [' '] } }, 'scope.tags'],
    ['too many slugs', { role: 'PARTNER', scope: { tags: Array.from({ length: 51 }, (_, n) => `t${n}`) } }, 'scope.tags'],
    ['a scope on an editor key', { role: 'EDITOR', scope: { newsletters: ['ai'] } }, 'scope'],
    ['a scope on an admin key', { role: 'ADMIN', scope: { tags: ['security'] } }, 'scope'],
  ])('refuses %s with BAD_USER_INPUT naming the field, writing nothing', async (_case, input, field) => {
    const before = await h.rowCounts();
    const response = await h.gql(CREATE, { input: { name: 'bad', ...input } }, ADMIN_TOKEN);
    expect(response.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(response.data ?? null).toBeNull();
    expect(await h.rowCounts()).toEqual(before);
  });

  it('the database itself refuses a scope on a non-partner key, and an empty one', async () => {
    const editorKey = await h.dataSource.query(`SELECT id FROM api_key WHERE role = 'EDITOR' LIMIT 1`);
    await expect(h.dataSource.query(`UPDATE api_key SET scope_tags = '{security}' WHERE id = $1`, [editorKey[0].id])).rejects.toThrow(
      /ck_api_key_scope_partner/,
    );
    const partnerKey = await h.dataSource.query(`SELECT id FROM api_key WHERE role = 'PARTNER' LIMIT 1`);
    await expect(h.dataSource.query(`UPDATE api_key SET scope_newsletter_ids = '{}' WHERE id = $1`, [partnerKey[0].id])).rejects.toThrow(
      /ck_api_key_scope_not_empty/,
    );
  });
});

describe('setApiKeyScope', () => {
  it('changes what the key reads from its next request, audited with before and after; the same scope again writes nothing', async () => {
    const { secret, key } = await createKey({ scope: { newsletters: ['ai'] } });
    expect(await titlesFor(secret)).toEqual(['ai llm', 'ai security']);
    const set = await h.gql(SET_SCOPE, { input: { id: key.id, scope: { tags: ['infra'] } } }, ADMIN_TOKEN);
    expect(set.errors).toBeUndefined();
    expect(set.data?.setApiKeyScope.scope).toEqual({ newsletters: null, tags: ['infra'] });
    expect(await titlesFor(secret)).toEqual(['devops infra']);
    const [, entry] = await auditOf(key.id);
    expect(entry).toMatchObject({ action: 'setApiKeyScope', actor_kind: 'ADMIN_TOKEN' });
    expect(entry.changes).toEqual({ scope: { before: { newsletters: ['ai'], tags: null }, after: { newsletters: null, tags: ['infra'] } } });

    const before = await h.rowCounts();
    expect((await h.gql(SET_SCOPE, { input: { id: key.id, scope: { tags: ['infra'] } } }, ADMIN_TOKEN)).errors).toBeUndefined();
    expect(await h.rowCounts()).toEqual(before);

    const lifted = await h.gql(SET_SCOPE, { input: { id: key.id, scope: null } }, ADMIN_TOKEN);
    expect(lifted.data?.setApiKeyScope.scope).toBeNull();
    expect(await titlesFor(secret)).toEqual(['ai llm', 'ai security', 'devops infra', 'devops k8s']);
    expect((await auditOf(key.id)).at(-1).changes).toEqual({ scope: { before: { newsletters: null, tags: ['infra'] }, after: null } });
  });

  it('is refused to the public, partners (the key itself included) and editors, writing nothing', async () => {
    const { secret, key } = await createKey({ scope: { newsletters: ['ai'] } });
    const input = { id: key.id, scope: null };
    const before = await h.rowCounts();
    expect((await h.gql(SET_SCOPE, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    for (const token of [secret, await h.key(Role.PARTNER, 'other partner'), editor]) {
      const counts = await h.rowCounts();
      expect((await h.gql(SET_SCOPE, { input }, token)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(await h.rowCounts()).toEqual(counts);
    }
    expect((await h.rowCounts()).api_key).toBe(before.api_key + 1);
    expect(await titlesFor(secret)).toEqual(['ai llm', 'ai security']);
  });

  it('refuses bad input with the field named, writing nothing', async () => {
    const { key } = await createKey({ scope: { newsletters: ['ai'] } });
    const editorKey = (await h.dataSource.query(`SELECT id FROM api_key WHERE role = 'EDITOR' LIMIT 1`))[0].id;
    const cases: Array<[Record<string, unknown>, Record<string, unknown>]> = [
      [{ id: key.id, scope: { newsletters: ['nope'] } }, { code: 'BAD_USER_INPUT', field: 'scope.newsletters' }],
      [{ id: key.id, scope: { tags: ['nope'] } }, { code: 'BAD_USER_INPUT', field: 'scope.tags' }],
      [{ id: key.id, scope: { tags: [] } }, { code: 'BAD_USER_INPUT', field: 'scope.tags' }],
      [{ id: String(editorKey), scope: { tags: ['security'] } }, { code: 'BAD_USER_INPUT', field: 'scope' }],
      [{ id: '424242', scope: null }, { code: 'NOT_FOUND', field: 'id' }],
      [{ id: 'abc', scope: null }, { code: 'BAD_USER_INPUT', field: 'id' }],
    ];
    for (const [input, expected] of cases) {
      const before = await h.rowCounts();
      const response = await h.gql(SET_SCOPE, { input }, ADMIN_TOKEN);
      expect({ input, extensions: response.errors?.[0].extensions }).toMatchObject({ input, extensions: expected });
      expect(await h.rowCounts()).toEqual(before);
    }
  });
});

describe('a scope follows its newsletters and tags through edits', () => {
  it('a renamed newsletter stays in scope (kept by id) and is shown by its new slug', async () => {
    const { secret, key } = await createKey({ name: 'rename', scope: { newsletters: ['devops'] } });
    const [devops] = await h.dataSource.query(`SELECT id FROM newsletter WHERE slug = 'devops'`);
    const renamed = await h.gql(
      `mutation($input: UpdateNewsletterInput!) { updateNewsletter(input: $input) { slug } }`,
      { input: { id: String(devops.id), slug: 'ops' } },
      editor,
    );
    expect(renamed.errors).toBeUndefined();
    expect(await titlesFor(secret)).toEqual(['devops infra', 'devops k8s']);
    const listed = await h.gql(KEYS, {}, ADMIN_TOKEN);
    expect(listed.data?.apiKeys.find((candidate: { id: string }) => candidate.id === key.id).scope).toEqual({ newsletters: ['ops'], tags: null });
  });

  it('a merged-away tag slug keeps naming the merged tag, so the partner keeps its links (and gains the target’s)', async () => {
    const { secret } = await createKey({ name: 'merge', scope: { tags: ['infra'] } });
    expect(await titlesFor(secret)).toEqual(['devops infra']);
    const merged = await h.gql(
      `mutation($input: MergeTagsInput!) { mergeTags(input: $input) { slug aliases } }`,
      { input: { sourceSlug: 'infra', targetSlug: 'k8s' } },
      editor,
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data?.mergeTags).toEqual({ slug: 'k8s', aliases: ['infra'] });
    expect(await titlesFor(secret)).toEqual(['devops infra', 'devops k8s']);
    // An old slug is accepted when a scope is set, too.
    const again = await createKey({ name: 'by alias', scope: { tags: ['infra'] } });
    expect(await titlesFor(again.secret)).toEqual(['devops infra', 'devops k8s']);
  });
});

import { Role } from '../../src/modules/api-key/role';
import type { Harness } from './harness';

/** Keys of every role a content mutation must tell apart; `revoked` was an editor key. */
export interface Callers {
  editor: string;
  partner: string;
  revoked: string;
}

export async function createCallers(h: Harness): Promise<Callers> {
  const revoked = await h.key(Role.EDITOR, 'revoked editor');
  await h.dataSource.query('UPDATE api_key SET revoked_at = now() WHERE prefix = $1', [revoked.slice(0, 12)]);
  return { editor: await h.key(Role.EDITOR), partner: await h.key(Role.PARTNER), revoked };
}

/** Row counts plus the content rows themselves, so a refused update that changed a value would show too. */
export async function stateOf(h: Harness): Promise<unknown> {
  const [content] = await h.dataSource.query(`SELECT
    (SELECT json_agg(i ORDER BY i.id) FROM issue i) AS issues,
    (SELECT json_agg(s ORDER BY s.id) FROM section s) AS sections,
    (SELECT json_agg(l ORDER BY l.id) FROM link l) AS links,
    (SELECT json_agg(x ORDER BY x.link_id, x.tag_id) FROM link_tag x) AS link_tags,
    (SELECT json_agg(o ORDER BY o.link_id, o.tag_id) FROM link_tag_override o) AS overrides,
    (SELECT json_agg(t ORDER BY t.id) FROM tag t) AS tags`);
  return { counts: await h.rowCounts(), content };
}

/** The public gets UNAUTHENTICATED, a partner FORBIDDEN, a revoked key a 401; nothing is written. */
export async function expectRefused(h: Harness, callers: Callers, query: string, variables: Record<string, unknown>): Promise<void> {
  const before = await stateOf(h);
  const anonymous = await h.gql(query, variables);
  expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  const partner = await h.gql(query, variables, callers.partner);
  expect(partner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const revoked = await h.gql(query, variables, callers.revoked);
  expect(revoked.status).toBe(401);
  expect(revoked.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(await stateOf(h)).toEqual(before);
}

/** The call fails with `code` (and `field`, when given) and writes nothing. */
export async function expectRejected(
  h: Harness,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  expected: { code: string; field?: string } & Record<string, unknown>,
): Promise<void> {
  const before = await stateOf(h);
  const result = await h.gql(query, variables, token);
  expect(result.errors?.[0].extensions).toMatchObject(expected);
  expect(result.data ?? null).toBeNull();
  expect(await stateOf(h)).toEqual(before);
}

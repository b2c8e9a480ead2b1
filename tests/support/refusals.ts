import { Role } from '../../src/modules/api-key/role';
import type { Harness } from './harness';

/** Keys of every role a mutation test needs, a revoked one included. */
export interface Keys {
  editor: string;
  partner: string;
  revoked: string;
}

export async function makeKeys(h: Harness): Promise<Keys> {
  const editor = await h.key(Role.EDITOR);
  const partner = await h.key(Role.PARTNER);
  const revoked = await h.key(Role.EDITOR, 'revoked editor');
  await h.dataSource.query(`UPDATE api_key SET revoked_at = now() WHERE name = 'revoked editor'`);
  return { editor, partner, revoked };
}

/**
 * Sends the mutation as the public, a partner and a revoked key: UNAUTHENTICATED,
 * FORBIDDEN and a 401 respectively, with every counted row (audit entries and
 * issue versions included) exactly as before.
 */
export async function expectRefusedToAllButEditors(h: Harness, keys: Keys, query: string, variables: Record<string, unknown>): Promise<void> {
  const before = await h.rowCounts();
  const anonymous = await h.gql(query, variables);
  expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  const partner = await h.gql(query, variables, keys.partner);
  expect(partner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const revoked = await h.gql(query, variables, keys.revoked);
  expect(revoked.status).toBe(401);
  expect(revoked.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  expect(await h.rowCounts()).toEqual(before);
}

/** Sends the mutation and expects it refused with `code` (and `field`, when given), writing nothing. */
export async function expectRefused(
  h: Harness,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  extensions: { code: string; field?: string },
): Promise<void> {
  const before = await h.rowCounts();
  const result = await h.gql(query, variables, token);
  expect(result.errors?.[0].extensions).toMatchObject(extensions);
  expect(await h.rowCounts()).toEqual(before);
}

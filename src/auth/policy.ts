import type { AuthChecker } from 'type-graphql';
import { GraphQLError } from 'graphql';
import type { CostBudgets, QuotaSettings } from '../limits/limits.config';
import type { QuotaPartition } from '../limits/quota';
import { ForbiddenError, Messages, UnauthenticatedError } from '../common/errors';
import type { ApiKey } from '../modules/api-key/api-key.entity';
import type { ApiKeyService } from '../modules/api-key/api-key.service';
import { FEED_TOKEN_PREFIX, FeedTokenService } from '../modules/feed/feed-token.service';
import { sameSecret } from '../modules/api-key/api-key.service';
import { Role, roleAtLeast } from '../modules/api-key/role';
import type { ReadScope } from '../modules/issue/issue.scope';
import { Actor, ADMIN_TOKEN_ACTOR } from './actor';

/**
 * Who is calling and what follows from it, decided once per request here and
 * nowhere else: resolvers and services receive the answer.
 */
export interface Viewer {
  /** Null for the anonymous public. */
  role: Role | null;
  /** Who the audit trail names for this caller's writes; null for the public. */
  actor: Actor | null;
  /** Editors and admins may read drafts and scheduled issues (by asking for them); nobody else ever can. */
  canSeeDrafts: boolean;
  /** A scoped partner key's limits (issue.scope.ts), which every read applies; null for everyone else. */
  scope: ReadScope | null;
}

export const PUBLIC_VIEWER: Viewer = Object.freeze({ role: null, actor: null, canSeeDrafts: false, scope: null });

export function viewerOf(role: Role, actor: Actor, scope: ReadScope | null = null): Viewer {
  return { role, actor, canSeeDrafts: roleAtLeast(role, Role.EDITOR), scope: role === Role.PARTNER ? scope : null };
}

/** The scope a key reads within: only a PARTNER key with a newsletter or tag limit has one. */
export function scopeOf(key: Pick<ApiKey, 'role' | 'scopeNewsletterIds' | 'scopeTags'>): ReadScope | null {
  if (key.role !== Role.PARTNER || (key.scopeNewsletterIds === null && key.scopeTags === null)) return null;
  return Object.freeze({ newsletterIds: key.scopeNewsletterIds, tagSlugs: key.scopeTags });
}

/** A request-level refusal: answered 401 before any resolver runs. */
function badCredentials(): GraphQLError {
  return new GraphQLError(Messages.badKey, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/** A feed token sent where an API key belongs: it reads feeds only, so the whole request is refused. */
function feedTokenAsKey(): GraphQLError {
  return new GraphQLError(Messages.feedTokenAsKey, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

/**
 * Reads `Authorization: Bearer <secret>`. No header: the public. The bootstrap
 * ADMIN_TOKEN: an admin. A live API key: its role. Anything else (a malformed
 * header, an unknown, revoked or expired key) refuses the whole request.
 */
export async function authenticate(
  authorization: string | undefined,
  adminToken: string | null,
  apiKeys: ApiKeyService,
): Promise<Viewer> {
  if (authorization === undefined || authorization.trim() === '') return PUBLIC_VIEWER;
  const secret = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
  if (!secret || secret.length > 200) throw badCredentials();
  if (adminToken && sameSecret(secret, adminToken)) return viewerOf(Role.ADMIN, ADMIN_TOKEN_ACTOR);
  if (secret.startsWith(FEED_TOKEN_PREFIX)) throw feedTokenAsKey();
  const key = await apiKeys.authenticate(secret);
  if (!key) throw badCredentials();
  return viewerOf(key.role, { kind: 'API_KEY', keyId: key.id, name: key.name }, scopeOf(key));
}

/**
 * Reads a feed URL's `?token=`: the live PARTNER key it belongs to, as a reader
 * and nothing more (a PARTNER viewer never sees drafts and may not write), with
 * the key's scope and quota bucket. An unknown or revoked token, or one whose key
 * is revoked or expired, refuses the request (401).
 */
export async function authenticateFeedToken(token: string, feedTokens: FeedTokenService): Promise<Viewer> {
  const key = token.startsWith(FEED_TOKEN_PREFIX) && token.length <= 200 ? await feedTokens.keyOf(token) : null;
  if (!key) throw new GraphQLError(Messages.badFeedToken, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
  return viewerOf(Role.PARTNER, { kind: 'API_KEY', keyId: key.id, name: key.name }, scopeOf(key));
}

/**
 * The most one request of this viewer may cost (src/limits/cost.ts): the public's
 * budget without a key, else its role's. Decided here only; quotas and caching read it too.
 */
export function costBudgetOf(viewer: Viewer, budgets: CostBudgets): number {
  return budgets[viewer.role ?? 'PUBLIC'];
}

/**
 * Which token bucket a request spends (src/limits/quota.ts) and its size: a key
 * its own, the admin token its own, the public one per client address
 * (`clientAddress`, from limits/client-address.ts). Decided here only.
 */
export function quotaPartitionOf(viewer: Viewer, clientAddress: string, quotas: QuotaSettings): QuotaPartition {
  const who = viewer.role ?? 'PUBLIC';
  const actor = viewer.actor;
  const key =
    actor?.kind === 'API_KEY' ? `key:${actor.keyId}` : actor?.kind === 'ADMIN_TOKEN' ? 'admin-token' : `address:${clientAddress}`;
  return { key, policy: who.toLowerCase(), bucket: quotas.buckets[who] };
}

/**
 * Which shared cache partition a viewer's answers live in (src/http/response-caching.ts),
 * or null when they are never cached: the public shares one, unscoped partner
 * keys another, and scoped partner keys one per scope (keys with the same scope
 * see the same answers); editors and admins, who may read drafts, none. Decided here only.
 */
export function cachePartitionOf(viewer: Viewer): string | null {
  if (viewer.role === null) return 'public';
  if (viewer.role !== Role.PARTNER) return null;
  const scope = viewer.scope;
  if (!scope) return 'partner';
  const side = (values: readonly (string | number)[] | null) => (values ? JSON.stringify([...values].map(String).sort()) : '*');
  return `partner:newsletters=${side(scope.newsletterIds)};tags=${side(scope.tagSlugs)}`;
}

/** Refuses the call unless the viewer holds at least `role`: UNAUTHENTICATED without a key, FORBIDDEN with too weak a one. */
export function requireRole(viewer: Viewer, role: Role): Actor {
  if (viewer.role === null || viewer.actor === null) throw new UnauthenticatedError(Messages.keyRequired);
  if (!roleAtLeast(viewer.role, role)) throw new ForbiddenError(Messages.roleRequired(role));
  return viewer.actor;
}

/** type-graphql's `@Authorized(Role.EDITOR)`: the least role a field or mutation needs. */
export const authChecker: AuthChecker<{ viewer: Viewer }, Role> = ({ context }, roles) => {
  requireRole(context.viewer, roles[0] ?? Role.PARTNER);
  return true;
};

/** Admins may delete published issues; editors only drafts and scheduled ones (they unpublish first). */
export function mayDeletePublished(viewer: Viewer): boolean {
  return roleAtLeast(viewer.role, Role.ADMIN);
}

import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { BadUserInputError, NotFoundError } from '../../common/errors';
import { idOfSlug } from '../../common/slug-aliases';
import { Edit, runEdit } from '../../editing/edit';
import { changedFields } from '../audit/audit.service';
import { ApiKey } from './api-key.entity';
import { Role } from './role';

/** Every secret starts with this, so a leaked one is recognisable (and greppable) as ours. */
export const SECRET_PREFIX = 'nlk_';
/** How many leading characters of a secret are kept to tell keys apart. */
const SHOWN_PREFIX = 12;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Equal-length comparison that takes the same time wherever the inputs differ. */
export function sameSecret(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}

/** A scope as callers name it: slugs on each side, null or left out for no limit there. */
export interface ScopeSlugs {
  newsletters?: readonly string[] | null;
  tags?: readonly string[] | null;
}

export interface NewApiKey {
  name: string;
  role: Role;
  expiresAt?: Date | null;
  scope?: ScopeSlugs | null;
}

/** Every column but the hash, which never leaves this service (nor feed-token.service.ts, which reads a token's key). */
export const KEY_COLUMNS = `id, name, role, prefix, created_at AS "createdAt", expires_at AS "expiresAt",
  revoked_at AS "revokedAt", last_used_at AS "lastUsedAt",
  scope_newsletter_ids AS "scopeNewsletterIds", scope_tags AS "scopeTags",
  CASE WHEN scope_newsletter_ids IS NOT NULL THEN ARRAY(
    SELECT n.slug FROM unnest(scope_newsletter_ids) WITH ORDINALITY AS x(id, o) JOIN newsletter n ON n.id = x.id ORDER BY x.o)
  END AS "scopeNewsletters"`;

/** A key that may be used: not revoked, not expired. */
export const LIVE_KEY = 'revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())';

type StoredScope = Pick<ApiKey, 'scopeNewsletterIds' | 'scopeTags'>;

/** A key's scope by slugs, as the API, the audit trail and the command line show it; null when unscoped. */
export function scopeSlugsOf(key: ApiKey): { newsletters: string[] | null; tags: string[] | null } | null {
  if (key.scopeNewsletterIds === null && key.scopeTags === null) return null;
  return { newsletters: key.scopeNewsletters ?? null, tags: key.scopeTags };
}

/** The slugs of one side of a scope, trimmed and deduplicated; null for no limit; an empty list is refused. */
function slugList(slugs: readonly string[] | null | undefined, field: string): string[] | null {
  if (slugs === undefined || slugs === null) return null;
  const list = [...new Set(slugs.map((slug) => slug.trim()))].filter(Boolean);
  if (!list.length) throw new BadUserInputError(`${field} must name at least one slug; leave it out for no limit.`, { field });
  if (list.length > 50 || list.some((slug) => slug.length > 64)) {
    throw new BadUserInputError(`${field} takes at most 50 slugs of at most 64 characters.`, { field });
  }
  return list;
}

function unknownSlugs(kind: string, slugs: string[], field: string): BadUserInputError {
  const named = slugs.map((slug) => JSON.stringify(slug.slice(0, 64))).join(', ');
  return new BadUserInputError(`No ${kind} has the slug ${named}.`, { field });
}

/**
 * Checks a scope and returns what is stored: newsletter ids (a newsletter
 * rename keeps no alias) and tag slugs as given (every tag slug, old ones
 * included, resolves per request). Only PARTNER keys may be limited.
 */
async function resolveScope(edit: Edit, role: Role, scope: ScopeSlugs | null | undefined): Promise<StoredScope> {
  const newsletters = slugList(scope?.newsletters, 'scope.newsletters');
  const tags = slugList(scope?.tags, 'scope.tags');
  if (!newsletters && !tags) return { scopeNewsletterIds: null, scopeTags: null };
  if (role !== Role.PARTNER) {
    throw new BadUserInputError(`Only PARTNER keys can be limited to a scope; this key is ${role}.`, { field: 'scope' });
  }
  let scopeNewsletterIds: number[] | null = null;
  if (newsletters) {
    const rows = await edit.query<{ slug: string; id: number | null }>(
      'SELECT x.slug, n.id FROM unnest($1::text[]) AS x(slug) LEFT JOIN newsletter n ON n.slug = x.slug',
      [newsletters],
    );
    const unknown = rows.filter((row) => row.id === null).map((row) => row.slug);
    if (unknown.length) throw unknownSlugs('newsletter', unknown, 'scope.newsletters');
    scopeNewsletterIds = rows.map((row) => row.id as number);
  }
  if (tags) {
    const rows = await edit.query<{ slug: string; id: number | null }>(
      `SELECT x.slug, ${idOfSlug('tag', 'x.slug')} AS id FROM unnest($1::text[]) AS x(slug)`,
      [tags],
    );
    const unknown = rows.filter((row) => row.id === null).map((row) => row.slug);
    if (unknown.length) throw unknownSlugs('tag', unknown, 'scope.tags');
  }
  return { scopeNewsletterIds, scopeTags: tags };
}

/** Keys remembered in `lastWritten` past which the stale ones are swept out. */
const LAST_WRITTEN_SWEEP = 1000;

/** Issues, lists, revokes and checks API keys. Only hashes are stored; a secret is returned once, by `create`. */
export class ApiKeyService {
  /** When each key's last use was last written by this process, to skip the write until the interval has passed. */
  private readonly lastWritten = new Map<number, number>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly lastUsedIntervalS: number,
  ) {}

  async create(input: NewApiKey, actor: Actor): Promise<{ key: ApiKey; secret: string }> {
    const name = input.name.trim();
    if (!name || name.length > 200) throw new BadUserInputError('A key needs a name of 1 to 200 characters.', { field: 'name' });
    if (input.expiresAt && input.expiresAt.getTime() <= Date.now()) {
      throw new BadUserInputError('expiresAt must be in the future.', { field: 'expiresAt' });
    }
    const secret = SECRET_PREFIX + randomBytes(32).toString('base64url');
    return runEdit(this.dataSource, actor, async (edit) => {
      const scope = await resolveScope(edit, input.role, input.scope);
      const [key] = await edit.query<ApiKey>(
        `INSERT INTO api_key (name, role, prefix, secret_hash, expires_at, scope_newsletter_ids, scope_tags)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${KEY_COLUMNS}`,
        [name, input.role, secret.slice(0, SHOWN_PREFIX), hashSecret(secret), input.expiresAt ?? null, scope.scopeNewsletterIds, scope.scopeTags],
      );
      const described = scopeSlugsOf(key);
      edit.audit({
        action: 'createApiKey',
        entityType: 'API_KEY',
        entityId: key.id,
        changes: {
          name: { before: null, after: name },
          role: { before: null, after: input.role },
          ...(described ? { scope: { before: null, after: described } } : {}),
        },
      });
      return { key, secret };
    });
  }

  /** Replaces a key's scope (null lifts every limit); audited when it changes. Applies from the key's next request. */
  async setScope(id: number, scope: ScopeSlugs | null | undefined, actor: Actor): Promise<ApiKey> {
    return runEdit(this.dataSource, actor, async (edit) => {
      const [before] = await edit.query<ApiKey>(`SELECT ${KEY_COLUMNS} FROM api_key WHERE id = $1 FOR UPDATE`, [id]);
      if (!before) throw new NotFoundError('API key', id, 'id');
      const next = await resolveScope(edit, before.role, scope);
      const [key] = await edit.query<ApiKey>(
        `UPDATE api_key SET scope_newsletter_ids = $2, scope_tags = $3 WHERE id = $1 RETURNING ${KEY_COLUMNS}`,
        [id, next.scopeNewsletterIds, next.scopeTags],
      );
      const changes = changedFields({ scope: scopeSlugsOf(before) }, { scope: scopeSlugsOf(key) });
      if (Object.keys(changes).length) edit.audit({ action: 'setApiKeyScope', entityType: 'API_KEY', entityId: id, changes });
      return key;
    });
  }

  list(): Promise<ApiKey[]> {
    return this.dataSource.query(`SELECT ${KEY_COLUMNS} FROM api_key ORDER BY id`);
  }

  async revoke(id: number, actor: Actor): Promise<ApiKey> {
    return runEdit(this.dataSource, actor, async (edit) => {
      const [key] = await edit.query<ApiKey>(
        `UPDATE api_key SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${KEY_COLUMNS}`,
        [id],
      );
      if (!key) throw new NotFoundError('API key', id, 'id');
      edit.audit({ action: 'revokeApiKey', entityType: 'API_KEY', entityId: id, changes: { revokedAt: { before: null, after: key.revokedAt } } });
      return key;
    });
  }

  /** The live key a secret belongs to, or null when it is unknown, revoked or expired. Records its use. */
  async authenticate(secret: string): Promise<ApiKey | null> {
    const hash = hashSecret(secret);
    const [key] = await this.dataSource.query<ApiKey[]>(
      `SELECT ${KEY_COLUMNS}, secret_hash AS "secretHash" FROM api_key
        WHERE secret_hash = $1 AND ${LIVE_KEY}`,
      [hash],
    );
    if (!key || !timingSafeEqual(Buffer.from(key.secretHash), Buffer.from(hash))) return null;
    await this.recordUse(key.id);
    return key;
  }

  /** Writes `last_used_at` at most once per interval per key, here and (by the SQL condition) across processes. */
  private async recordUse(id: number): Promise<void> {
    const now = Date.now();
    const written = this.lastWritten.get(id);
    if (written !== undefined && now - written < this.lastUsedIntervalS * 1000) return;
    this.lastWritten.set(id, now);
    if (this.lastWritten.size > LAST_WRITTEN_SWEEP) {
      // Entries past the interval no longer skip anything: dropping them keeps the map as small as the keys in use.
      for (const [key, at] of this.lastWritten) if (now - at >= this.lastUsedIntervalS * 1000) this.lastWritten.delete(key);
    }
    await this.dataSource.query(
      `UPDATE api_key SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= now() - make_interval(secs => $2))`,
      [id, this.lastUsedIntervalS],
    );
  }
}

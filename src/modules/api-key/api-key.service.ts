import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { BadUserInputError, NotFoundError } from '../../common/errors';
import { runEdit } from '../../editing/edit';
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

export interface NewApiKey {
  name: string;
  role: Role;
  expiresAt?: Date | null;
}

/** Every column but the hash, which never leaves this service. */
const COLUMNS = `id, name, role, prefix, created_at AS "createdAt", expires_at AS "expiresAt",
  revoked_at AS "revokedAt", last_used_at AS "lastUsedAt"`;

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
      const [key] = await edit.query<ApiKey>(
        `INSERT INTO api_key (name, role, prefix, secret_hash, expires_at) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
        [name, input.role, secret.slice(0, SHOWN_PREFIX), hashSecret(secret), input.expiresAt ?? null],
      );
      edit.audit({
        action: 'createApiKey',
        entityType: 'API_KEY',
        entityId: key.id,
        changes: { name: { before: null, after: name }, role: { before: null, after: input.role } },
      });
      return { key, secret };
    });
  }

  list(): Promise<ApiKey[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM api_key ORDER BY id`);
  }

  async revoke(id: number, actor: Actor): Promise<ApiKey> {
    return runEdit(this.dataSource, actor, async (edit) => {
      const [key] = await edit.query<ApiKey>(
        `UPDATE api_key SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
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
      `SELECT ${COLUMNS}, secret_hash AS "secretHash" FROM api_key
        WHERE secret_hash = $1 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
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
    await this.dataSource.query(
      `UPDATE api_key SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= now() - make_interval(secs => $2))`,
      [id, this.lastUsedIntervalS],
    );
  }
}

import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { BadUserInputError, NotFoundError } from '../../common/errors';
import { runEdit } from '../../editing/edit';
import type { ApiKey } from '../api-key/api-key.entity';
import { hashSecret, KEY_COLUMNS, LIVE_KEY } from '../api-key/api-key.service';
import { Role } from '../api-key/role';
import { FeedToken } from './feed-token.entity';

/** Every feed token starts with this: never mistaken for an API key (`nlk_`), and refused as one by /graphql. */
export const FEED_TOKEN_PREFIX = 'nlf_';
/** Leading characters of a token kept to tell tokens apart. */
const SHOWN_PREFIX = 12;
/** Live tokens one key may hold: one per reader or integration is plenty. */
export const MAX_LIVE_TOKENS_PER_KEY = 20;
/** Most tokens `list` returns for one key, revoked ones included (newest first). */
export const MAX_LISTED_TOKENS = 100;

const COLUMNS = `id, api_key_id AS "apiKeyId", name, prefix, created_at AS "createdAt", revoked_at AS "revokedAt"`;

export interface NewFeedToken {
  apiKeyId: number;
  name: string;
}

/**
 * Issues, lists and revokes feed tokens, and finds the live key a token reads
 * as. Only hashes are stored; a secret is returned once, by `create`.
 */
export class FeedTokenService {
  constructor(private readonly dataSource: DataSource) {}

  async create(input: NewFeedToken, actor: Actor): Promise<{ token: FeedToken; secret: string }> {
    const name = input.name.trim();
    if (!name || name.length > 200) throw new BadUserInputError('A feed token needs a name of 1 to 200 characters.', { field: 'name' });
    const secret = FEED_TOKEN_PREFIX + randomBytes(32).toString('base64url');
    return runEdit(this.dataSource, actor, async (edit) => {
      // Locks the key, so a revocation cannot slip in between the check and the insert.
      const [key] = await edit.query<Pick<ApiKey, 'role'> & { live: boolean; tokens: number }>(
        `SELECT role, ${LIVE_KEY} AS live,
                (SELECT count(*)::int FROM feed_token t WHERE t.api_key_id = k.id AND t.revoked_at IS NULL) AS tokens
           FROM api_key k WHERE id = $1 FOR UPDATE`,
        [input.apiKeyId],
      );
      if (!key) throw new NotFoundError('API key', input.apiKeyId, 'apiKeyId');
      if (!key.live) throw new BadUserInputError(`API key ${input.apiKeyId} is revoked or expired.`, { field: 'apiKeyId' });
      if (key.role !== Role.PARTNER) {
        throw new BadUserInputError(
          `Feed tokens belong to PARTNER keys; key ${input.apiKeyId} is ${key.role}. Public feeds need no token.`,
          { field: 'apiKeyId' },
        );
      }
      if (key.tokens >= MAX_LIVE_TOKENS_PER_KEY) {
        throw new BadUserInputError(`Key ${input.apiKeyId} already has ${key.tokens} live feed tokens: revoke one first.`, { field: 'apiKeyId' });
      }
      const [token] = await edit.query<FeedToken>(
        `INSERT INTO feed_token (api_key_id, name, prefix, secret_hash) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
        [input.apiKeyId, name, secret.slice(0, SHOWN_PREFIX), hashSecret(secret)],
      );
      edit.audit({
        action: 'createFeedToken',
        entityType: 'FEED_TOKEN',
        entityId: token.id,
        changes: { apiKeyId: { before: null, after: input.apiKeyId }, name: { before: null, after: name } },
      });
      return { token, secret };
    });
  }

  async revoke(id: number, actor: Actor): Promise<FeedToken> {
    return runEdit(this.dataSource, actor, async (edit) => {
      const [token] = await edit.query<FeedToken>(
        `UPDATE feed_token SET revoked_at = COALESCE(revoked_at, now()) WHERE id = $1 RETURNING ${COLUMNS}`,
        [id],
      );
      if (!token) throw new NotFoundError('Feed token', id, 'id');
      edit.audit({ action: 'revokeFeedToken', entityType: 'FEED_TOKEN', entityId: id, changes: { revokedAt: { before: null, after: token.revokedAt } } });
      return token;
    });
  }

  /** A key's tokens, newest first, revoked ones included; never a secret. */
  list(apiKeyId: number): Promise<FeedToken[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM feed_token WHERE api_key_id = $1 ORDER BY id DESC LIMIT ${MAX_LISTED_TOKENS}`,
      [apiKeyId],
    );
  }

  /** The live key a live token belongs to, or null: an unknown or revoked token, or a revoked or expired key. */
  async keyOf(secret: string): Promise<ApiKey | null> {
    const [key] = await this.dataSource.query<ApiKey[]>(
      `SELECT ${KEY_COLUMNS} FROM api_key
        WHERE id = (SELECT api_key_id FROM feed_token WHERE secret_hash = $1 AND revoked_at IS NULL) AND ${LIVE_KEY}`,
      [hashSecret(secret)],
    );
    return key ?? null;
  }
}

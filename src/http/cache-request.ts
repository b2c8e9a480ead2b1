import { createHash } from 'node:crypto';
import { parse as parseUrl } from 'node:url';
import type express from 'express';

/**
 * Reading a GraphQL request for the response cache (response-caching.ts):
 * whether the cache may answer it at all, and what it asks, normalised so a
 * GET, a POST and a persisted hash of one operation share an entry.
 */

/** Content types a page may send without a CORS preflight (the fetch standard): Apollo's CSRF prevention refuses them bare. */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
const SHA256_HEX = /^[0-9a-f]{64}$/;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The same rule as Apollo's CSRF prevention: a request the cache answers must be one Apollo would let through. */
export function preflighted(req: express.Request): boolean {
  const type = req.headers['content-type'];
  if (type !== undefined && !SIMPLE_CONTENT_TYPES.has(type.split(';')[0].trim().toLowerCase())) return true;
  return PREFLIGHT_HEADERS.some((name) => {
    const value = req.headers[name];
    return typeof value === 'string' && value.length > 0;
  });
}

const INVALID = Symbol('invalid JSON');

function jsonParam(value: string | null): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return INVALID;
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

export interface Asked {
  queryHash: string;
  operationName: string | null;
  variables: string;
}

/** The operation a GET or POST asks for, or null when the cache should leave it to Apollo (malformed, or registering a persisted query). */
export function askedOf(req: express.Request): Asked | null {
  let fields: Record<string, unknown>;
  if (req.method === 'GET') {
    const params = new URLSearchParams(parseUrl(req.url).search ?? '');
    fields = {
      query: params.get('query') ?? undefined,
      operationName: params.get('operationName') ?? undefined,
      variables: jsonParam(params.get('variables')),
      extensions: jsonParam(params.get('extensions')),
    };
  } else if (req.method === 'POST' && isObject(req.body)) {
    fields = req.body;
  } else {
    return null;
  }
  const { query, operationName, variables, extensions } = fields;
  if ((operationName != null && typeof operationName !== 'string') || (variables != null && !isObject(variables))) return null;
  if (extensions != null && !isObject(extensions)) return null;
  const persisted = extensions?.persistedQuery;
  let queryHash: string;
  if (typeof query === 'string' && query !== '') {
    // A query sent with its hash registers it in Apollo's store of persisted queries: Apollo must see that one.
    if (persisted !== undefined) return null;
    queryHash = sha256(query);
  } else if (isObject(persisted) && persisted.version === 1 && typeof persisted.sha256Hash === 'string' && SHA256_HEX.test(persisted.sha256Hash)) {
    queryHash = persisted.sha256Hash;
  } else {
    return null;
  }
  return { queryHash, operationName: operationName ?? null, variables: JSON.stringify(variables ?? {}) };
}

import { createHash } from 'node:crypto';
import { parse as parseUrl } from 'node:url';
import { HeaderMap } from '@apollo/server';
import type { ApolloServerPlugin, HTTPGraphQLResponse } from '@apollo/server';
import type express from 'express';
import type { DataSource } from 'typeorm';
import { cachePartitionOf } from '../auth/policy';
import { onContentWritten, originOf } from '../cache/content-writes';
import { MemoryResponseCache } from '../cache/memory-response-cache';
import { PublicationHorizon } from '../cache/publication-horizon';
import type { CachedAnswer, ResponseCache } from '../cache/response-cache';
import { WriteListener } from '../cache/write-listener';
import type { ResponseCacheSettings } from '../config';
import type { Context } from '../context';
import { RateLimitedError } from '../limits/quota';

/**
 * The one place that decides what is cached, for whom and for how long, in
 * the server (a ResponseCache) and in browsers and CDNs (Cache-Control, ETag,
 * 304). Cached: answers to queries without errors, for viewers policy.ts gives
 * a cache partition (the public, partner keys by scope; never editors or
 * admins), keyed by partition, the query (or its persisted hash), operation
 * name, variables and Accept. Never: mutations, errors, previews. A write
 * purges everything before it is answered (cache/content-writes.ts); nothing
 * is kept past the next scheduled publication; a hit spends the caller's quota
 * by the cost its request had.
 */

/** What the request asked, normalised so a GET, a POST and a persisted hash of one operation share an entry. */
interface Asked {
  queryHash: string;
  operationName: string | null;
  variables: string;
}

interface Entry {
  key: string;
  partition: string;
}

/** Who a request is for, known before GraphQL runs: what the cache needs of its context. */
export type Admitted = Pick<Context, 'viewer' | 'admission'>;

/** An answer to send as it is: Apollo's, or one whose body is bytes already (a cached answer, or one just stored). */
export type Answer = HTTPGraphQLResponse | { status: number; headers: HeaderMap; body: { kind: 'bytes'; bytes: Buffer } };

/** What the plugin saw of one request's operation. */
interface Facts {
  operation: string | null;
  errors: boolean;
}

/** Content types a page may send without a CORS preflight (the fetch standard): Apollo's CSRF prevention refuses them bare. */
const SIMPLE_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];
const SHA256_HEX = /^[0-9a-f]{64}$/;
const JSON_TYPE = 'application/json; charset=utf-8';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The same rule as Apollo's CSRF prevention: a request the cache answers must be one Apollo would let through. */
function preflighted(req: express.Request): boolean {
  const type = req.headers['content-type'];
  if (type !== undefined && !SIMPLE_CONTENT_TYPES.has(type.split(';')[0].trim().toLowerCase())) return true;
  return PREFLIGHT_HEADERS.some((name) => {
    const value = req.headers[name];
    return typeof value === 'string' && value.length > 0;
  });
}

function jsonParam(value: string | null): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return Symbol.for('invalid');
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The operation a GET or POST asks for, or null when the cache should leave it to Apollo (malformed, or registering a persisted query). */
function askedOf(req: express.Request): Asked | null {
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

/** True when If-None-Match names this ETag (weak comparison, as RFC 9110 asks for it). */
function notModified(req: express.Request, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (req.method !== 'GET' || !header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

export class ResponseCaching {
  /** By the request's admission: Apollo hands plugins a shallow copy of the context, which shares it. */
  private readonly facts = new WeakMap<object, Facts>();
  private readonly horizon: PublicationHorizon;
  private readonly listener: WriteListener | null;
  private readonly unsubscribe: () => void;

  /** `cache` replaces the in-process one (a shared store); without it, `settings.maxBytes` 0 turns the server's cache off. */
  constructor(
    dataSource: DataSource,
    private readonly settings: ResponseCacheSettings,
    cache?: ResponseCache,
  ) {
    this.cache = cache ?? (settings.maxBytes > 0 ? new MemoryResponseCache(settings.maxBytes) : null);
    this.horizon = new PublicationHorizon(dataSource);
    this.unsubscribe = onContentWritten(dataSource, () => this.written());
    const { url } = dataSource.options as { url?: string };
    this.listener = this.cache && url ? new WriteListener(url, originOf(dataSource), () => this.written()) : null;
  }

  readonly cache: ResponseCache | null;

  /** Starts hearing other processes' writes; until then, and whenever that connection is down, the cache is bypassed. */
  async start(): Promise<void> {
    await this.listener?.start();
  }

  async stop(): Promise<void> {
    this.unsubscribe();
    await this.listener?.stop();
  }

  /** Whether the server's cache may serve and store now. */
  private get serving(): boolean {
    return this.cache !== null && (this.listener?.connected ?? false);
  }

  private async written(): Promise<void> {
    this.horizon.reset();
    await this.cache?.purge();
  }

  /** Whether the cache may answer this request before GraphQL runs, which needs its context (its viewer) early. */
  mayAnswer(req: express.Request): boolean {
    return this.serving && (req.method === 'GET' || req.method === 'POST') && preflighted(req);
  }

  /** Records, per request, the operation's kind and whether anything failed: only clean queries are cached. */
  plugin(): ApolloServerPlugin<Context> {
    const facts = this.facts;
    return {
      serverWillStart: async () => ({ serverWillStop: () => this.stop() }),
      async requestDidStart({ contextValue }) {
        const seen: Facts = { operation: null, errors: false };
        if (contextValue.admission) facts.set(contextValue.admission, seen);
        return {
          async didResolveOperation({ operation }) {
            seen.operation = operation?.operation ?? null;
          },
          async didEncounterErrors() {
            seen.errors = true;
          },
        };
      },
    };
  }

  /**
   * Answers one GraphQL request: from the cache when it holds the answer for
   * this viewer (`early`, the context made before GraphQL when `mayAnswer`),
   * else by `execute`, deciding the answer's caching headers and storing it.
   */
  async serve(
    req: express.Request,
    early: Promise<Admitted> | null,
    made: () => Admitted | null,
    execute: () => Promise<HTTPGraphQLResponse>,
  ): Promise<Answer> {
    const context = early ? await early.catch(() => null) : null;
    const entry = context ? this.entryFor(req, context) : null;
    let generation: number | null = null;
    if (entry && this.serving) {
      const cache = this.cache as ResponseCache;
      const hit = await cache.get(entry.key);
      if (hit) return this.fromCache(req, context as Admitted, entry.partition, hit);
      generation = await cache.generation();
    }
    const response = await execute();
    return this.afterRun(req, made(), entry, generation, response);
  }

  private entryFor(req: express.Request, context: Admitted): Entry | null {
    const partition = cachePartitionOf(context.viewer);
    const asked = partition === null ? null : askedOf(req);
    if (partition === null || asked === null) return null;
    const key = sha256(JSON.stringify([partition, req.headers.accept ?? '', asked.queryHash, asked.operationName, asked.variables]));
    return { key, partition };
  }

  private async fromCache(req: express.Request, context: Admitted, partition: string, hit: CachedAnswer): Promise<Answer> {
    try {
      await context.admission?.charge(hit.cost);
    } catch (error) {
      if (!(error instanceof RateLimitedError)) throw error;
      const headers = new HeaderMap([['content-type', JSON_TYPE], ['cache-control', 'no-store']]);
      return { status: 429, headers, body: { kind: 'complete', string: JSON.stringify(error.toBody()) } };
    }
    return this.answer(req, partition, hit, 'HIT');
  }

  private async afterRun(
    req: express.Request,
    context: Admitted | null,
    entry: Entry | null,
    generation: number | null,
    response: HTTPGraphQLResponse,
  ): Promise<Answer> {
    const partition = context ? this.cacheableRead(context, response) : null;
    const publicUntil = partition === null ? undefined : await this.horizon.next().catch(() => undefined);
    if (partition === null || publicUntil === undefined || response.body.kind !== 'complete') {
      response.headers.set('cache-control', 'no-store');
      if (this.cache) response.headers.set('x-cache', 'BYPASS');
      return response;
    }
    const now = Date.now();
    const body = Buffer.from(response.body.string);
    const lifetime = Math.min(now + this.settings.ttlS * 1000, publicUntil !== null && publicUntil > now ? publicUntil : Infinity);
    const answer: CachedAnswer = {
      body,
      contentType: response.headers.get('content-type') ?? JSON_TYPE,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
      cost: (context as Admitted).admission?.cost ?? 1,
      expiresAt: lifetime,
      publicUntil,
    };
    if (entry && generation !== null) await (this.cache as ResponseCache).set(entry.key, answer, generation);
    return this.answer(req, partition, answer, entry && generation !== null ? 'MISS' : 'BYPASS');
  }

  /** The partition a just-run answer may be cached for (a clean query, by a viewer with a partition), or null. */
  private cacheableRead(context: Admitted, response: HTTPGraphQLResponse): string | null {
    const seen = context.admission && this.facts.get(context.admission);
    if (!seen || seen.operation !== 'query' || seen.errors || (response.status ?? 200) !== 200) return null;
    return cachePartitionOf(context.viewer);
  }

  /** A cacheable answer with its headers: 304 without a body when the client's copy is current. */
  private answer(req: express.Request, partition: string, answer: CachedAnswer, outcome: 'HIT' | 'MISS' | 'BYPASS'): Answer {
    const headers = new HeaderMap([
      ['content-type', answer.contentType],
      ['cache-control', this.cacheControl(partition, answer.publicUntil)],
      ['etag', answer.etag],
      ['vary', 'Accept, Authorization'],
    ]);
    if (this.cache) headers.set('x-cache', outcome);
    if (notModified(req, answer.etag)) return { status: 304, headers, body: { kind: 'bytes', bytes: Buffer.alloc(0) } };
    return { status: 200, headers, body: { kind: 'bytes', bytes: answer.body } };
  }

  /**
   * Public answers may be kept by browsers and CDNs for `httpMaxAgeS`, never
   * past the next scheduled publication; answers for a key only by the
   * caller's own browser, revalidated (ETag) before each use.
   */
  private cacheControl(partition: string, publicUntil: number | null): string {
    if (partition !== 'public') return 'private, no-cache';
    let maxAge = this.settings.httpMaxAgeS;
    if (publicUntil !== null) maxAge = Math.max(0, Math.min(maxAge, Math.floor((publicUntil - Date.now()) / 1000)));
    return maxAge > 0 ? `public, max-age=${maxAge}` : 'public, no-cache';
  }
}

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
import { currentRequest } from '../observability/request-record';
import { askedOf, preflighted, sha256 } from './cache-request';
import { acceptsGzip, matchingEtag, representationsOf } from './representation';

/**
 * The one place that decides what is cached, for whom and for how long, in
 * the server (a ResponseCache) and in browsers and CDNs (Cache-Control, ETag,
 * 304). Cached: answers to queries without errors, for viewers policy.ts gives
 * a cache partition (the public, partner keys by scope; never editors or
 * admins), keyed by partition, the query (or its persisted hash), operation
 * name, variables and Accept (cache-request.ts); kept with a gzip copy and
 * ETags (representation.ts). Never: mutations, errors, previews. A write
 * purges everything before it is answered (cache/content-writes.ts); nothing
 * is kept past the next scheduled publication; a hit spends the caller's quota
 * by the cost its request had.
 */

interface Entry {
  key: string;
  partition: string;
}

/** Where a missed answer goes: its key, and the cache's generation before the run (cache/response-cache.ts). */
interface Slot {
  key: string;
  generation: number;
}

/** Who a request is for, known before GraphQL runs: what the cache needs of its context. */
export type Admitted = Pick<Context, 'viewer' | 'admission'>;

/** An answer to send as it is: Apollo's, or one whose body is bytes already (a cached answer, or one just stored). */
export type Answer = HTTPGraphQLResponse | { status: number; headers: HeaderMap; body: { kind: 'bytes'; bytes: Buffer } };

const JSON_TYPE = 'application/json; charset=utf-8';

export class ResponseCaching {
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

  /** Stops hearing other processes' writes when Apollo stops. */
  plugin(): ApolloServerPlugin<Context> {
    return { serverWillStart: async () => ({ serverWillStop: () => this.stop() }) };
  }

  /**
   * Answers one GraphQL request: from the cache when it holds the answer for
   * this viewer (`early`, the request admitted before GraphQL when `mayAnswer`),
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
    let slot: Slot | null = null;
    if (context && entry && this.cache && this.serving) {
      const hit = await this.cache.get(entry.key);
      const record = currentRequest();
      if (record) record.cacheHit = hit !== undefined;
      if (hit) {
        if (record) Object.assign(record, { operation: hit.operation, cost: hit.cost });
        return this.fromCache(req, context, entry.partition, hit);
      }
      slot = { key: entry.key, generation: await this.cache.generation() };
    }
    const response = await execute();
    return this.afterRun(req, made(), slot, response);
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

  /** Decides the headers of an answer GraphQL just gave, and stores it in `slot` when it may be cached. */
  private async afterRun(req: express.Request, context: Admitted | null, slot: Slot | null, response: HTTPGraphQLResponse): Promise<Answer> {
    const partition = context ? this.cacheableRead(context, response) : null;
    const publicUntil = partition === null ? undefined : await this.horizon.next().catch(() => undefined);
    if (!context || partition === null || publicUntil === undefined || response.body.kind !== 'complete') {
      response.headers.set('cache-control', 'no-store');
      if (this.cache) response.headers.set('x-cache', 'BYPASS');
      return response;
    }
    const now = Date.now();
    const answer: CachedAnswer = {
      ...(await representationsOf(Buffer.from(response.body.string), slot !== null)),
      contentType: response.headers.get('content-type') ?? JSON_TYPE,
      cost: context.admission?.cost ?? 1,
      operation: currentRequest()?.operation ?? null,
      expiresAt: Math.min(now + this.settings.ttlS * 1000, publicUntil !== null && publicUntil > now ? publicUntil : Infinity),
      publicUntil,
    };
    if (slot && this.cache) await this.cache.set(slot.key, answer, slot.generation);
    return this.answer(req, partition, answer, slot ? 'MISS' : 'BYPASS');
  }

  /**
   * The partition a just-run answer may be cached for (a clean query, by a viewer
   * with a partition), or null; what the operation was and whether it failed is
   * read from the request's record (src/observability/request-record.ts).
   */
  private cacheableRead(context: Admitted, response: HTTPGraphQLResponse): string | null {
    const record = currentRequest();
    if (record?.operationType !== 'query' || record.errorCode !== null || (response.status ?? 200) !== 200) return null;
    return cachePartitionOf(context.viewer);
  }

  /**
   * A cacheable answer with its headers, gzipped when the client takes it:
   * 304 without a body when the client's copy is current.
   */
  private answer(req: express.Request, partition: string, answer: CachedAnswer, outcome: 'HIT' | 'MISS' | 'BYPASS'): Answer {
    const gzip = acceptsGzip(req);
    const headers = new HeaderMap([
      ['content-type', answer.contentType],
      ['cache-control', this.cacheControl(partition, answer.publicUntil)],
      ['vary', 'Accept, Accept-Encoding, Authorization'],
    ]);
    if (this.cache) headers.set('x-cache', outcome);
    const current = matchingEtag(req, [answer.etag, answer.gzipEtag]);
    if (current) {
      headers.set('etag', current);
      return { status: 304, headers, body: { kind: 'bytes', bytes: Buffer.alloc(0) } };
    }
    if (gzip && answer.gzipped && answer.gzipEtag) {
      headers.set('etag', answer.gzipEtag);
      headers.set('content-encoding', 'gzip');
      return { status: 200, headers, body: { kind: 'bytes', bytes: answer.gzipped } };
    }
    headers.set('etag', answer.etag);
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

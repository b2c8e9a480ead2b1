/**
 * The server's cache of whole GraphQL answers, behind an interface so a store
 * shared by several nodes can replace the in-process one. What is cached, for
 * whom and how long is decided in src/http/response-caching.ts; this is only
 * where answers are kept.
 *
 * The contract every implementation keeps:
 * - `get` returns an entry only before its `expiresAt` (ms since the epoch).
 * - `purge` drops every entry and moves the generation on; it resolves only
 *   once no later `get` (from any node sharing the store) can return an entry
 *   stored before it. Writers await it before answering (src/cache/content-writes.ts).
 * - `set(key, answer, generation)` stores nothing when a purge happened since
 *   `generation` was read: a read that began before a write never stores what
 *   it read after the write has purged. A shared store keeps the generation
 *   beside the entries and checks it atomically with the write (e.g. a Redis
 *   script comparing a counter that purge increments; a Postgres row read
 *   `FOR SHARE` in the transaction that inserts the entry).
 * - Memory or space is bounded: the least recently used entries go first.
 */
export interface CachedAnswer {
  /** The answer's body (UTF-8 JSON), exactly as first sent. */
  body: Buffer;
  contentType: string;
  /** A strong validator of `body`, sent as ETag. */
  etag: string;
  /** `body` gzipped, for clients that take it (null for small bodies), and its ETag. */
  gzipped: Buffer | null;
  gzipEtag: string | null;
  /** What the request cost (src/limits/cost.ts): every hit spends it from the caller's quota again. */
  cost: number;
  /** The operation's name, for the request log of each hit. */
  operation: string | null;
  /** When the server stops serving it (ms since the epoch). */
  expiresAt: number;
  /** When the next scheduled issue goes out (ms since the epoch), or null: HTTP caches may keep the answer no longer. */
  publicUntil: number | null;
}

export interface ResponseCache {
  /** A token for the cache's state now; pass it to `set`. */
  generation(): Promise<number>;
  get(key: string): Promise<CachedAnswer | undefined>;
  /** Stores the answer unless the cache was purged since `generation`. */
  set(key: string, answer: CachedAnswer, generation: number): Promise<void>;
  /** Drops every entry; see the contract above. */
  purge(): Promise<void>;
}

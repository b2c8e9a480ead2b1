/** How a bucket fills: it holds at most `capacity` units and gains `refillPerSecond` units each second. */
export interface BucketPolicy {
  capacity: number;
  refillPerSecond: number;
}

/** What a bucket says after a take (or a look, with a cost of 0). */
export interface TakeResult {
  /** True when the cost was taken; false when the bucket held less, and then nothing was taken. */
  allowed: boolean;
  /** Whole units left after the take. */
  remaining: number;
  /** Seconds until the bucket holds the cost asked for (or `retryFor`); 0 when it was taken. */
  retryAfterSeconds: number;
  /** Seconds until the bucket is full again; 0 when it is full. */
  fullInSeconds: number;
}

/**
 * Where token buckets live. In-process now (MemoryQuotaStore); a store shared by
 * several processes (Redis, Postgres) implements the same call, taking the cost
 * atomically and reading time from its own clock.
 */
export interface QuotaStore {
  /**
   * Takes `cost` units from the bucket `key` when it holds them, else nothing; a
   * cost of 0 only looks, a negative one gives units back (up to the capacity). `retryFor` (default `cost`) is what the retry delay is
   * computed for: a request that paid part of its cost already pays it all again when retried.
   */
  take(key: string, cost: number, policy: BucketPolicy, retryFor?: number): Promise<TakeResult>;
}

interface Bucket {
  tokens: number;
  /** When `tokens` was last brought up to date, in ms of the store's clock. */
  at: number;
  policy: BucketPolicy;
}

export interface MemoryQuotaStoreOptions {
  /** Most buckets held; past it the least recently used is forgotten (which refills it). */
  maxBuckets?: number;
  /** Milliseconds now; tests pass a clock they move by hand. */
  clock?: () => number;
}

/** Seconds, rounded up, to gain `units` at `rate` units a second. */
function secondsFor(units: number, rate: number): number {
  return units <= 0 ? 0 : Math.ceil(units / rate);
}

/**
 * Token buckets in a Map whose order is the order of last use. Memory stays
 * bounded: a bucket that has refilled is worth nothing and is dropped when it
 * reaches the front, and past `maxBuckets` the least recently used goes, so a
 * flood of new addresses cannot grow the map without limit.
 */
export class MemoryQuotaStore implements QuotaStore {
  private readonly buckets = new Map<string, Bucket>();
  private readonly maxBuckets: number;
  private readonly clock: () => number;

  constructor(options: MemoryQuotaStoreOptions = {}) {
    this.maxBuckets = options.maxBuckets ?? 100_000;
    this.clock = options.clock ?? Date.now;
  }

  /** Buckets held now (for tests and metrics). */
  get size(): number {
    return this.buckets.size;
  }

  async take(key: string, cost: number, policy: BucketPolicy, retryFor = cost): Promise<TakeResult> {
    const now = this.clock();
    this.dropIdle(now);
    const bucket = this.buckets.get(key) ?? { tokens: policy.capacity, at: now, policy };
    // Settings may change between restarts only, but a bucket never holds more than its current policy allows.
    bucket.policy = policy;
    bucket.tokens = this.level(bucket, now);
    bucket.at = now;
    const allowed = cost <= bucket.tokens;
    if (allowed) bucket.tokens = Math.min(policy.capacity, bucket.tokens - cost);
    // Re-inserting moves the bucket to the back: the Map's front is always the least recently used.
    this.buckets.delete(key);
    if (bucket.tokens < policy.capacity) {
      this.buckets.set(key, bucket);
      this.evictOverflow();
    }
    return {
      allowed,
      remaining: Math.floor(bucket.tokens),
      retryAfterSeconds: allowed ? 0 : Math.max(1, secondsFor(retryFor - bucket.tokens, policy.refillPerSecond)),
      fullInSeconds: secondsFor(policy.capacity - bucket.tokens, policy.refillPerSecond),
    };
  }

  /** Tokens in the bucket at `now`: what it held plus what it gained since, up to its capacity. */
  private level(bucket: Bucket, now: number): number {
    const gained = (Math.max(0, now - bucket.at) / 1000) * bucket.policy.refillPerSecond;
    return Math.min(bucket.policy.capacity, bucket.tokens + gained);
  }

  /** Drops up to two least recently used buckets that have refilled by now: constant work per take. */
  private dropIdle(now: number): void {
    for (let checked = 0; checked < 2; checked += 1) {
      const oldest = this.buckets.entries().next();
      if (oldest.done) return;
      const [key, bucket] = oldest.value;
      if (this.level(bucket, now) < bucket.policy.capacity) return;
      this.buckets.delete(key);
    }
  }

  private evictOverflow(): void {
    while (this.buckets.size > this.maxBuckets) {
      const oldest = this.buckets.keys().next();
      if (oldest.done) return;
      this.buckets.delete(oldest.value);
    }
  }
}

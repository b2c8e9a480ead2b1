import type { Response } from 'express';
import { GraphQLError } from 'graphql';
import type { BucketPolicy, QuotaStore, TakeResult } from './quota.store';

/**
 * Quotas: every caller has a token bucket (src/auth/policy.ts quotaPartitionOf
 * says whose) that each request spends by its cost (src/limits/cost.ts), at
 * least 1. Answers tell the bucket's state in the RateLimit-Policy and RateLimit
 * fields of draft-ietf-httpapi-ratelimit-headers-10; a request its bucket cannot
 * pay is answered 429 RATE_LIMITED with Retry-After, before anything runs.
 */
export const RATE_LIMIT_DRAFT = 'draft-ietf-httpapi-ratelimit-headers-10';
export const RATE_LIMITED = 'RATE_LIMITED';

/** A bucket and the policy name the headers give it. */
export interface QuotaPartition {
  /** The bucket's key in the store: `key:<id>`, `admin-token` or `address:<client>`. */
  key: string;
  /** The policy's name in the headers: the caller's role in lower case, or `public`. */
  policy: string;
  bucket: BucketPolicy;
}

/** `"public";q=1000000;w=20`: the bucket's size in cost units and the seconds it takes to fill from empty. */
export function policyField(partition: QuotaPartition): string {
  const { capacity, refillPerSecond } = partition.bucket;
  return `"${partition.policy}";q=${capacity};w=${Math.max(1, Math.ceil(capacity / refillPerSecond))}`;
}

/**
 * `"public";r=999950;t=1`: whole units left and seconds until the bucket is full
 * again; on a refusal `t` is the Retry-After delay, so Retry-After is never
 * earlier than `t` (as the draft asks).
 */
export function limitField(partition: QuotaPartition, result: TakeResult): string {
  const reset = result.allowed ? result.fullInSeconds : result.retryAfterSeconds;
  return `"${partition.policy}";r=${result.remaining};t=${reset}`;
}

export class RateLimitedError extends GraphQLError {
  constructor(cost: number, result: TakeResult) {
    super(
      `Too many requests: this request costs ${cost} and your quota holds ${result.remaining} now. ` +
        `Retry after ${result.retryAfterSeconds} s; the RateLimit header tells what is left.`,
      {
        extensions: {
          code: RATE_LIMITED,
          cost,
          remaining: result.remaining,
          retryAfter: result.retryAfterSeconds,
          http: { status: 429 },
        },
      },
    );
  }

  /** The error as an HTTP answer's body, for refusals made before GraphQL runs. */
  toBody(): { errors: Array<{ message: string; extensions: Record<string, unknown> }> } {
    const extensions: Record<string, unknown> = { ...this.extensions };
    delete extensions.http;
    return { errors: [{ message: this.message, extensions }] };
  }
}

/** One request's dealings with its bucket: it spends, and its answer carries the headers of the last state seen. */
export class RequestQuota {
  constructor(
    private readonly store: QuotaStore,
    private readonly response: Response,
  ) {}

  /**
   * Takes `units` from the bucket, or refuses with RATE_LIMITED; `cost` is the
   * request's whole cost, which its retry will pay (the Retry-After is for that).
   */
  async take(partition: QuotaPartition, units: number, cost = units): Promise<void> {
    const result = await this.store.take(partition.key, units, partition.bucket, cost);
    this.show(partition, result);
    if (!result.allowed) throw new RateLimitedError(cost, result);
  }

  /** Gives back units taken for work that did not run (a request refused as busy). */
  async giveBack(partition: QuotaPartition, units: number): Promise<void> {
    if (units > 0) this.show(partition, await this.store.take(partition.key, -units, partition.bucket));
  }

  private show(partition: QuotaPartition, result: TakeResult): void {
    if (this.response.headersSent) return;
    this.response.setHeader('RateLimit-Policy', policyField(partition));
    this.response.setHeader('RateLimit', limitField(partition, result));
    if (result.allowed) this.response.removeHeader('Retry-After');
    else this.response.setHeader('Retry-After', String(result.retryAfterSeconds));
  }
}

import { boolean, ConfigError, Env, integer } from '../config.read';

// Settings of cost budgets, quotas and the heavy-query lane, read from the environment by src/config.ts.

/** The most one request may cost (src/limits/cost.ts), for the public and for each role. */
export type CostBudgets = Readonly<Record<'PUBLIC' | 'PARTNER' | 'EDITOR' | 'ADMIN', number>>;

/** A caller's token bucket: at most `capacity` cost units, refilled at `refillPerSecond`. */
export interface QuotaBucketSettings {
  capacity: number;
  refillPerSecond: number;
}

export interface QuotaSettings {
  enabled: boolean;
  /** Most buckets the process keeps (one per key, one per public address); the least recently used go first. */
  maxBuckets: number;
  buckets: Readonly<Record<keyof CostBudgets, QuotaBucketSettings>>;
}

export interface HeavyQuerySettings {
  /** A request costing this much or more is heavy and waits for a turn; cheaper ones never wait. */
  heavyCost: number;
  /** Heavy requests executing at once. */
  concurrency: number;
  /** Longest a heavy request waits for its turn before it is answered 503 SERVER_BUSY. */
  maxWaitMs: number;
}

export function costBudgets(env: Env): CostBudgets {
  const budget = (who: keyof CostBudgets, fallback: number) => integer(env, `COST_BUDGET_${who}`, fallback, 1, 1_000_000_000);
  // The public's default takes the front page of 20 issues (about 152,000: examples/operations/front-page.graphql).
  return Object.freeze({
    PUBLIC: budget('PUBLIC', 200_000),
    PARTNER: budget('PARTNER', 500_000),
    EDITOR: budget('EDITOR', 1_000_000),
    ADMIN: budget('ADMIN', 2_000_000),
  });
}

export function quotas(env: Env, budgets: CostBudgets): QuotaSettings {
  const bucket = (who: keyof CostBudgets, capacity: number, refillPerSecond: number): QuotaBucketSettings => {
    const settings = {
      capacity: integer(env, `QUOTA_${who}_CAPACITY`, capacity, 1, 1_000_000_000_000),
      refillPerSecond: integer(env, `QUOTA_${who}_REFILL`, refillPerSecond, 1, 1_000_000_000_000),
    };
    // A bucket smaller than the budget would refuse forever a request the budget accepts.
    if (settings.capacity < budgets[who]) {
      throw new ConfigError(`QUOTA_${who}_CAPACITY must be at least COST_BUDGET_${who} (${budgets[who]}), got ${settings.capacity}`);
    }
    return Object.freeze(settings);
  };
  // The public's default: a burst of about 6 front pages, then one every 3 s (a light query costs 50).
  return Object.freeze({
    enabled: boolean(env, 'QUOTAS_ENABLED', true),
    maxBuckets: integer(env, 'QUOTA_MAX_BUCKETS', 100_000, 100, 100_000_000),
    buckets: Object.freeze({
      PUBLIC: bucket('PUBLIC', 1_000_000, 50_000),
      PARTNER: bucket('PARTNER', 2_500_000, 125_000),
      EDITOR: bucket('EDITOR', 5_000_000, 250_000),
      ADMIN: bucket('ADMIN', 10_000_000, 500_000),
    }),
  });
}

export function heavyQueries(env: Env): HeavyQuerySettings {
  // 20,000 is a tenth of the public budget: a front page (about 152,000) is heavy, a list of tags (500) is not.
  return Object.freeze({
    heavyCost: integer(env, 'HEAVY_QUERY_COST', 20_000, 1, 1_000_000_000),
    concurrency: integer(env, 'HEAVY_QUERY_CONCURRENCY', 1, 1, 1000),
    maxWaitMs: integer(env, 'HEAVY_QUERY_MAX_WAIT_MS', 10_000, 100, 600_000),
  });
}

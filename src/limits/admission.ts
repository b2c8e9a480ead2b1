import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { GraphQLError } from 'graphql';
import { PUBLIC_VIEWER, quotaPartitionOf, Viewer } from '../auth/policy';
import type { HeavyQuerySettings, QuotaSettings } from './limits.config';
import { feedTokenOf } from '../modules/feed/feed.params';
import { clientPartitionOf } from './client-address';
import { HeavyLane, LaneBusyError } from './heavy-lane';
import { QuotaPartition, RateLimitedError, RequestQuota } from './quota';
import { MemoryQuotaStore, QuotaStore } from './quota.store';

/**
 * Admission: what a request must get through before it runs, decided once per
 * request. It pays 1 from its caller's bucket when it arrives (limits/quota.ts),
 * the rest of its cost once that is known, and a heavy request then waits for its
 * turn in the heavy lane (limits/heavy-lane.ts).
 */

export const SERVER_BUSY = 'SERVER_BUSY';

/** Answered 503 with Retry-After when a heavy request waited its longest for a turn; its cost is given back. */
export class ServerBusyError extends GraphQLError {
  constructor(retryAfter: number) {
    super(
      `The server is busy with other expensive requests and this one waited too long for its turn. Retry after ${retryAfter} s, ` +
        'or ask for less (smaller pages, fewer nested lists).',
      { extensions: { code: SERVER_BUSY, retryAfter, http: { status: 503 } } },
    );
  }
}

/** Probes answer even to an empty bucket: an orchestrator must always reach them. They still carry the headers. */
const PROBE_PATHS = new Set(['/healthz', '/readyz']);
const GRAPHQL_PATH = /^\/graphql(\/|$)/;
const FEED_PATH = /^\/feeds\//;

/** A request whose caller is known only once its credentials are checked: GraphQL with Authorization, a feed with `?token=`. */
function bringsCredentials(req: Request): boolean {
  if (GRAPHQL_PATH.test(req.path)) return req.headers.authorization !== undefined;
  return FEED_PATH.test(req.path) && (req.method === 'GET' || req.method === 'HEAD') && feedTokenOf(req.originalUrl) !== null;
}

/** One request's admission: its bucket (null when quotas are off) and its turn in the heavy lane. */
export class RequestAdmission {
  private partition: QuotaPartition | null = null;
  /** What the request was charged (its cost), once known. */
  cost: number | null = null;

  constructor(
    private readonly quota: RequestQuota | null,
    private readonly lane: HeavyLane,
    private readonly response: Response,
    /** The caller's address partition (limits/client-address.ts), for the public's bucket. */
    readonly clientAddress: string,
  ) {}

  get admitted(): boolean {
    return this.partition !== null;
  }

  /** Binds the request to its caller's bucket and pays the least a request costs (1), or refuses with RATE_LIMITED. */
  async admit(partition: QuotaPartition): Promise<void> {
    this.partition = partition;
    await this.quota?.take(partition, 1);
  }

  /**
   * Pays the rest of `cost` (RATE_LIMITED if the bucket cannot), and remembers
   * it: an answer served from the cache (http/response-caching.ts) is charged
   * what its request cost when it ran, without a turn in the heavy lane.
   */
  async charge(cost: number): Promise<void> {
    this.cost = cost;
    const partition = this.partition;
    if (partition && cost > 1) await this.quota?.take(partition, cost - 1, cost);
  }

  /**
   * Once the operation's cost is known, before it runs: pays the rest of it
   * (RATE_LIMITED if the bucket cannot), then, if it is heavy, waits for a turn
   * (SERVER_BUSY if none comes in time, with the cost given back).
   */
  async spend(cost: number): Promise<void> {
    await this.charge(cost);
    const partition = this.partition;
    if (!partition || !this.lane.isHeavy(cost)) return;
    try {
      const release = await this.lane.enter(partition.key);
      this.response.once('close', release);
    } catch (error) {
      if (!(error instanceof LaneBusyError)) throw error;
      await this.quota?.giveBack(partition, cost - 1);
      const retryAfter = Math.max(1, Math.ceil(this.lane.settings.maxWaitMs / 1000));
      if (!this.response.headersSent) this.response.setHeader('Retry-After', String(retryAfter));
      throw new ServerBusyError(retryAfter);
    }
  }
}

/** The admission machinery of one server: settings, the quota store, the heavy lane, and the hooks that use them. */
export class Admissions {
  private readonly store: QuotaStore;
  private readonly lane: HeavyLane;

  constructor(
    private readonly quotas: QuotaSettings,
    heavyQueries: HeavyQuerySettings,
    store?: QuotaStore,
  ) {
    this.store = store ?? new MemoryQuotaStore({ maxBuckets: quotas.maxBuckets });
    this.lane = new HeavyLane(heavyQueries);
  }

  /** The request's admission, once `middleware` has run. */
  static of(response: Response): RequestAdmission | undefined {
    return response.locals.admission as RequestAdmission | undefined;
  }

  /**
   * The first middleware: gives each request its admission. Requests other than
   * those bringing credentials (which wait for authentication) pay 1 from their
   * address's public bucket now, before their body is read, so an empty bucket is
   * refused cheaply. Probes only show the headers.
   */
  middleware(): RequestHandler {
    return async (req: Request, res: Response, next: NextFunction) => {
      const quota = this.quotas.enabled ? new RequestQuota(this.store, res) : null;
      const admission = new RequestAdmission(quota, this.lane, res, clientPartitionOf(req.ip));
      res.locals.admission = admission;
      const publicPartition = quotaPartitionOf(PUBLIC_VIEWER, admission.clientAddress, this.quotas);
      try {
        if (PROBE_PATHS.has(req.path)) await quota?.take(publicPartition, 0);
        else if (!bringsCredentials(req)) await admission.admit(publicPartition);
        next();
      } catch (error) {
        if (!(error instanceof RateLimitedError)) return next(error);
        res.status(429).json(error.toBody());
      }
    };
  }

  /**
   * Waits for the caller's identity and admits the request to its bucket. A
   * request whose credentials are refused pays from its address's public bucket,
   * so guessing keys is rate limited too (and answered 429 once that is empty).
   */
  async admitViewer(response: Response, viewer: Promise<Viewer>): Promise<Viewer> {
    const admission = Admissions.of(response);
    if (!admission) return viewer;
    let known: Viewer;
    try {
      known = await viewer;
    } catch (refusal) {
      if (!admission.admitted) await admission.admit(quotaPartitionOf(PUBLIC_VIEWER, admission.clientAddress, this.quotas));
      throw refusal;
    }
    // A public request without credentials was admitted by the middleware already.
    if (!admission.admitted) await admission.admit(quotaPartitionOf(known, admission.clientAddress, this.quotas));
    return known;
  }
}

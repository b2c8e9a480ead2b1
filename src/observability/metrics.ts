import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestRecord } from './request-record';

/** Most distinct operation names kept as label values; later names count as "other" (clients choose names). */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** The Prometheus metrics of one server: requests, latency, cost, statements, pool, cache and imports. */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations = new Set<string>();
  private readonly requests = new Counter({
    name: 'newsletter_requests_total',
    help: 'HTTP requests answered, by GraphQL operation name, HTTP status and result code (OK or the first error code).',
    labelNames: ['operation', 'status', 'code'] as const,
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'newsletter_request_duration_seconds',
    help: 'Time from receiving a request to sending the end of its answer, by GraphQL operation name.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly cost = new Histogram({
    name: 'newsletter_query_cost',
    help: 'Cost charged per priced GraphQL request.',
    buckets: [1, 10, 50, 100, 250, 500, 1000, 2500, 5000, 10000],
    registers: [this.registry],
  });
  private readonly statements = new Histogram({
    name: 'newsletter_db_statements_per_request',
    help: 'SQL statements sent to Postgres per request.',
    buckets: [0, 1, 2, 3, 5, 8, 13, 21, 34, 55],
    registers: [this.registry],
  });
  private readonly cacheLookups = new Counter({
    name: 'newsletter_cache_lookups_total',
    help: 'Response cache lookups, by result (hit or miss).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });
  private readonly importedIssues = new Counter({
    name: 'newsletter_imported_issues_total',
    help: 'Issues imported through the API, by outcome (CREATED, UPDATED, UNCHANGED, ...).',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  private readonly importedLinks = new Counter({
    name: 'newsletter_imported_links_total',
    help: 'Links in issues imported through the API.',
    registers: [this.registry],
  });

  constructor(pool: () => Pool | undefined) {
    collectDefaultMetrics({ register: this.registry, prefix: 'newsletter_' });
    new Gauge({
      name: 'newsletter_db_pool_connections',
      help: 'Database pool connections: open (total), idle, and requests waiting for one.',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        const current = pool();
        if (!current) return;
        this.set({ state: 'total' }, current.totalCount);
        this.set({ state: 'idle' }, current.idleCount);
        this.set({ state: 'in_use' }, current.totalCount - current.idleCount);
        this.set({ state: 'waiting' }, current.waitingCount);
      },
    });
  }

  /** Records an answered request. */
  observe(record: RequestRecord, status: number, seconds: number): void {
    const operation = this.operationLabel(record.operation);
    this.requests.inc({ operation, status: String(status), code: record.errorCode ?? 'OK' });
    this.duration.observe({ operation }, seconds);
    this.statements.observe(record.statements);
    if (record.cost !== null) this.cost.observe(record.cost);
    if (record.cacheHit !== null) this.cacheLookups.inc({ result: record.cacheHit ? 'hit' : 'miss' });
    for (const entry of record.imports) {
      this.importedIssues.inc({ status: entry.status });
      this.importedLinks.inc(entry.links);
    }
  }

  private operationLabel(name: string | null): string {
    if (name === null) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (!this.operations.has(name)) {
      if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
      this.operations.add(name);
    }
    return name;
  }
}

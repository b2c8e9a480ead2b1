import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What one HTTP request did, gathered as it runs and reported once when it is answered (logs and metrics). */
export interface RequestRecord {
  id: string;
  startedAt: bigint;
  /** SQL statements sent to Postgres on the request's behalf. */
  statements: number;
  /** The GraphQL operation's name; null for anonymous operations and requests that are not GraphQL. */
  operation: string | null;
  /** `query`, `mutation` or `subscription` once GraphQL has resolved the operation; null before or without one. */
  operationType: string | null;
  /** The GraphQL cost it was charged (limits/cost.plugin.ts); null when it was not priced. */
  cost: number | null;
  /** The API key it came with (never the secret); null for the public and the admin token. */
  keyId: number | null;
  /** The first error's code; null when it succeeded. */
  errorCode: string | null;
  /** Whether the answer came from the response cache; null when the cache was not asked. */
  cacheHit: boolean | null;
  /** What an import mutation did: counted once the request is answered. */
  imports: Array<{ status: string; links: number }>;
}

const current = new AsyncLocalStorage<RequestRecord>();

/** Ids a client may choose: printable, short, nothing a log line could be broken with. */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's `X-Request-Id` when it is a sensible one, else a fresh one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && CLIENT_REQUEST_ID.test(header) ? header : randomUUID();
}

/** Runs `work` (and everything it starts) as the request `record` describes. */
export function withRequestRecord<T>(record: RequestRecord, work: () => T): T {
  return current.run(record, work);
}

export function newRequestRecord(id: string): RequestRecord {
  return { id, startedAt: process.hrtime.bigint(), statements: 0, operation: null, operationType: null, cost: null, keyId: null, errorCode: null, cacheHit: null, imports: [] };
}

/** Runs `work` as no request's: what it sends to Postgres is shared upkeep, counted against none. */
export function outsideAnyRequest<T>(work: () => T): T {
  return current.exit(work);
}

/** The request being served; undefined outside one (the CLI, the scheduler, migrations). */
export function currentRequest(): RequestRecord | undefined {
  return current.getStore();
}

/** Counts one SQL statement against the request being served, if any. */
export function countStatement(): void {
  const record = current.getStore();
  if (record) record.statements += 1;
}

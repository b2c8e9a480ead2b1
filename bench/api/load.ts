import { BenchClient } from '../support';
import type { Operation } from './shapes';

/** A server under test: where it answers GraphQL and the headers every request carries. */
export interface Target {
  url: string;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requests: number;
  /** Answers that were not 200 or carried GraphQL errors. */
  failures: number;
  firstFailure: string | null;
  seconds: number;
  /** Latencies in ms, sorted. */
  latencies: number[];
}

export const encode = (operation: Operation) => Buffer.from(JSON.stringify(operation));

/** A failed answer: not 200, or GraphQL errors in the body. */
function failed(status: number, text: string): boolean {
  return status !== 200 || text.startsWith('{"errors"') || text.includes('"errors":[');
}

/**
 * Closed-loop load: `connections` clients on kept-alive sockets, each sending
 * its next request as soon as the last is answered, for `seconds`; the
 * operations are taken in turn.
 */
export async function runLoad(target: Target, operations: Operation[], connections: number, seconds: number): Promise<LoadResult> {
  const bodies = operations.map(encode);
  const pool = new BenchClient(target.url, connections);
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | null = null;
  let next = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const client = async () => {
    while (performance.now() < until) {
      const body = bodies[next++ % bodies.length];
      const sent = performance.now();
      const { status, text } = await pool.requestText('POST', body, target.headers ?? {});
      latencies.push(performance.now() - sent);
      if (failed(status, text)) {
        failures += 1;
        firstFailure ??= `${status} ${text.slice(0, 300)}`;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  const elapsed = (performance.now() - started) / 1000;
  pool.close();
  return { requests: latencies.length, failures, firstFailure, seconds: elapsed, latencies: latencies.sort((a, b) => a - b) };
}

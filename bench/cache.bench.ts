import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Api, BenchClient, cpuMs, loadAverage, median, percentile, runBench, withArchiveApis } from './support';

/**
 * `npm run bench:cache`: the front page (examples/operations/front-page.graphql)
 * asked over and over, by closed-loop clients, of two built APIs over one
 * synthetic archive: one with the server's response cache off, one with it on
 * (the default). Rounds alternate between them; each prints req/s, latency,
 * the API's CPU per request and how the cache answered. Every public caller
 * comes from an address of its own (X-Forwarded-For, TRUST_PROXY=loopback), so
 * quotas are spent on every request, hits included, without refusing any.
 * Clients send Accept-Encoding: gzip, as browsers and CDNs do.
 * A last round revalidates by GET with If-None-Match (304, no body).
 */

const FRONT_PAGE = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'operations', 'front-page.graphql'), 'utf8');

interface Round {
  requests: number;
  seconds: number;
  latencies: number[];
  statuses: Map<string, number>;
  cpuMs: number;
  bytes: number;
}

let addressCounter = 0;
/** A fresh public address per request (65,000 of them in turn): every bucket has refilled by the time it comes back. */
function nextAddress(): string {
  addressCounter = (addressCounter + 1) % 65_000;
  return `10.${100 + (addressCounter >> 16)}.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

async function round(api: Api, connections: number, seconds: number, revalidate: string | null): Promise<Round> {
  const client = new BenchClient(api.url, connections);
  const body = JSON.stringify({ query: FRONT_PAGE });
  const search = `?${new URLSearchParams({ query: FRONT_PAGE })}`;
  const result: Round = { requests: 0, seconds: 0, latencies: [], statuses: new Map(), cpuMs: 0, bytes: 0 };
  const cpuBefore = cpuMs(api.process.pid!) ?? 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  const loop = async () => {
    while (performance.now() < until) {
      const sent = performance.now();
      const headers: Record<string, string> = { 'x-forwarded-for': nextAddress(), 'accept-encoding': 'gzip' };
      const answer = revalidate
        ? await client.request('GET', null, { ...headers, 'apollo-require-preflight': 'true', 'if-none-match': revalidate }, search)
        : await client.request('POST', body, headers);
      result.latencies.push(performance.now() - sent);
      result.requests += 1;
      result.bytes += answer.bytes;
      const label = `${answer.status}${answer.headers['x-cache'] ? ` ${answer.headers['x-cache']}` : ''}`;
      result.statuses.set(label, (result.statuses.get(label) ?? 0) + 1);
    }
  };
  await Promise.all(Array.from({ length: connections }, loop));
  result.seconds = (performance.now() - started) / 1000;
  result.cpuMs = (cpuMs(api.process.pid!) ?? 0) - cpuBefore;
  client.close();
  result.latencies.sort((a, b) => a - b);
  return result;
}

function describe(name: string, r: Round): number {
  const rate = r.requests / r.seconds;
  const statuses = [...r.statuses].map(([label, count]) => `${count}×${label}`).join(', ');
  console.log(
    `  ${name.padEnd(22)} ${rate.toFixed(1).padStart(8)} req/s  p50 ${percentile(r.latencies, 50).toFixed(1)} ms  ` +
      `p99 ${percentile(r.latencies, 99).toFixed(1)} ms  API CPU ${(r.cpuMs / r.requests).toFixed(2)} ms/req  ` +
      `${(r.bytes / r.requests / 1024).toFixed(1)} KiB/answer  (${statuses})`,
  );
  return rate;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      issues: { type: 'string', default: '3000' },
      seconds: { type: 'string', default: '15' },
      rounds: { type: 'string', default: '3' },
      connections: { type: 'string', default: '8' },
    },
  });
  const [seconds, rounds, connections] = [Number(values.seconds), Number(values.rounds), Number(values.connections)];
  const env = { TRUST_PROXY: 'loopback' };
  await withArchiveApis('cache', Number(values.issues), [{ ...env, RESPONSE_CACHE_MAX_BYTES: '0' }, env], async ([uncached, cached]) => {
    // Warm-up: plans, the parsed document and (on the cached API) the answer; and the ETag a browser would hold.
    const [probe, warm] = [new BenchClient(cached.url, 1), new BenchClient(uncached.url, 1)];
    for (let i = 0; i < 3; i += 1) {
      await probe.request('POST', JSON.stringify({ query: FRONT_PAGE }), { 'x-forwarded-for': '10.99.0.1' });
      await warm.request('POST', JSON.stringify({ query: FRONT_PAGE }), { 'x-forwarded-for': '10.99.0.1' });
    }
    const etag = (await probe.request('GET', null, { 'apollo-require-preflight': 'true' }, `?${new URLSearchParams({ query: FRONT_PAGE })}`)).headers.etag;
    probe.close();
    warm.close();
    console.log(`front page: ${connections} closed-loop connections, ${seconds} s a round, ${rounds} rounds; ${os.cpus().length} cores`);
    const rates = { uncached: [] as number[], cached: [] as number[], revalidated: [] as number[] };
    for (let n = 1; n <= rounds; n += 1) {
      console.log(`round ${n} (load average ${loadAverage()})`);
      rates.uncached.push(describe('cache off', await round(uncached, connections, seconds, null)));
      rates.cached.push(describe('cache on (POST)', await round(cached, connections, seconds, null)));
      if (typeof etag === 'string') rates.revalidated.push(describe('GET If-None-Match', await round(cached, connections, seconds, etag)));
    }
    const [off, on] = [median(rates.uncached), median(rates.cached)];
    console.log(`median req/s: cache off ${off.toFixed(1)}, cache on ${on.toFixed(1)} (${(on / off).toFixed(1)}× the uncached rate; goal 10×)` +
      (rates.revalidated.length ? `, 304 revalidations ${median(rates.revalidated).toFixed(1)}` : ''));
    console.log(`load average at the end: ${loadAverage()}`);
  });
}

runBench(main);

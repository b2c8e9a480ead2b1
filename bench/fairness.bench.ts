import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { parse } from 'graphql';
import { loadConfig } from '../src/config';
import { measureCost } from '../src/limits/cost';
import { buildGraphQLSchema } from '../src/schema';
import { loadAverage, percentile, runBench, withArchiveApis } from './support';

/**
 * `npm run bench:fairness`: can a few callers running the costliest query the
 * public budget accepts slow everyone else down? Starts the built API in its own
 * process over a synthetic archive, runs closed-loop heavy clients (each from its
 * own address, in a worker thread) and, from the main thread, a light query at a
 * fixed rate, then prints the light query's latency as the client saw it.
 */

const LIGHT_QUERY = '{ newsletters { slug } }';
/** Public callers are told apart by X-Forwarded-For; the API runs with TRUST_PROXY=loopback. */
const LIGHT_ADDRESS = '10.8.0.1';
const WARM_UP_ADDRESS = '10.7.0.1';
const heavyAddress = (client: number, perClient: boolean) => (perClient ? `10.9.0.${client + 1}` : '10.9.0.1');

interface HeavyOptions {
  url: string;
  query: string;
  clients: number;
  perClientAddress: boolean;
  honourRetryAfter: boolean;
}

interface HeavyReport {
  ran: number;
  /** Answered 429 RATE_LIMITED: the caller's quota was spent. */
  refused: number;
  /** Answered 503 SERVER_BUSY: waited too long for a turn in the heavy lane. */
  busy: number;
  failed: number;
  latencies: number[];
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function post(url: string, query: string, address: string): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ query }),
  });
}

/** The worker: closed-loop heavy clients until the main thread says stop. */
async function runHeavyClients(options: HeavyOptions): Promise<void> {
  let stopping = false;
  parentPort!.on('message', () => (stopping = true));
  const report: HeavyReport = { ran: 0, refused: 0, busy: 0, failed: 0, latencies: [] };
  const client = async (index: number) => {
    while (!stopping) {
      const started = performance.now();
      const response = await post(options.url, options.query, heavyAddress(index, options.perClientAddress));
      await response.arrayBuffer();
      if (response.status === 200) {
        report.ran += 1;
        report.latencies.push(performance.now() - started);
      } else if (response.status === 429 || response.status === 503) {
        report[response.status === 429 ? 'refused' : 'busy'] += 1;
        const wait = Number(response.headers.get('retry-after') ?? '1');
        if (options.honourRetryAfter) await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      } else {
        report.failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, index) => client(index)));
  parentPort!.postMessage(report);
}

/** The light client: one request every 1000/rate ms for `seconds`, open loop; latency from send to last byte. */
async function runLightClient(url: string, rate: number, seconds: number) {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let worstLateStart = 0;
  const total = Math.round(rate * seconds);
  const start = performance.now() + 100;
  const inFlight: Array<Promise<void>> = [];
  for (let n = 0; n < total; n += 1) {
    const due = start + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    worstLateStart = Math.max(worstLateStart, performance.now() - due);
    inFlight.push(
      (async () => {
        const sent = performance.now();
        const response = await post(url, LIGHT_QUERY, LIGHT_ADDRESS);
        await response.text();
        latencies.push(performance.now() - sent);
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      })(),
    );
  }
  await Promise.all(inFlight);
  return { latencies: latencies.sort((a, b) => a - b), statuses, worstLateStart };
}

/** The front page with every scalar of its links, on as many issues as the public budget accepts. */
async function heaviestFrontPage(budget: number): Promise<{ query: string; cost: number; issues: number }> {
  const schema = await buildGraphQLSchema();
  const base = fs
    .readFileSync(path.join(__dirname, '..', '..', 'examples', 'operations', 'front-page.graphql'), 'utf8')
    .replace('readTimeLabel', 'readTimeLabel canonicalUrl domain summary readMinutes position');
  let best = { query: '', cost: 0, issues: 0 };
  for (let issues = 1; issues <= 100; issues += 1) {
    const query = base.replace('issues(first: 20)', `issues(first: ${issues})`);
    const { cost } = measureCost(schema, parse(query));
    if (cost > budget) break;
    best = { query, cost, issues };
  }
  if (!best.query) throw new Error(`not even one issue of the front page fits the public budget of ${budget}`);
  return best;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      issues: { type: 'string', default: '3000' },
      seconds: { type: 'string', default: '60' },
      rate: { type: 'string', default: '20' },
      heavy: { type: 'string', default: '4' },
      'heavy-from': { type: 'string', default: 'each' },
      'ignore-retry-after': { type: 'boolean', default: false },
    },
  });
  const seconds = Number(values.seconds);
  const rate = Number(values.rate);
  // The API reads the same environment (QUOTA_*, HEAVY_QUERY_*, COST_BUDGET_*): these are its settings.
  const config = loadConfig();
  const budget = config.costBudgets.PUBLIC;
  const heavy = await heaviestFrontPage(budget);
  await withArchiveApis('fairness', Number(values.issues), [{ TRUST_PROXY: 'loopback' }], async ([api]) => {
    console.log(`heavy query: the front page of ${heavy.issues} issues with every link field, cost ${heavy.cost} (public budget ${budget})`);
    const bucket = config.quotas.buckets.PUBLIC;
    const lane = config.heavyQueries;
    console.log(
      `settings: public quota ${config.quotas.enabled ? `${bucket.capacity} units, refilled at ${bucket.refillPerSecond}/s` : 'off'}; ` +
        `heavy lane: cost >= ${lane.heavyCost}, ${lane.concurrency} at a time, waits up to ${lane.maxWaitMs} ms`,
    );
    // Warm-up from an address of its own, so the measured callers start with full buckets.
    for (let i = 0; i < 3; i += 1) await (await post(api.url, heavy.query, WARM_UP_ADDRESS)).arrayBuffer();
    for (let i = 0; i < 20; i += 1) await (await post(api.url, LIGHT_QUERY, WARM_UP_ADDRESS)).arrayBuffer();

    const load = loadAverage();
    const heavyOptions: HeavyOptions = {
      url: api.url,
      query: heavy.query,
      clients: Number(values.heavy),
      perClientAddress: values['heavy-from'] !== 'one',
      honourRetryAfter: !values['ignore-retry-after'],
    };
    const worker = new Worker(__filename, { workerData: heavyOptions });
    const heavyReport = new Promise<HeavyReport>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    const light = await runLightClient(api.url, rate, seconds);
    worker.postMessage('stop');
    const heavyDone = await heavyReport;
    await worker.terminate();
    const heavyLatencies = heavyDone.latencies.sort((a, b) => a - b);

    console.log(`machine: ${os.cpus().length} cores, load average ${load} at start, ${loadAverage()} at end`);
    console.log(`heavy: ${heavyOptions.clients} closed-loop clients from ${heavyOptions.perClientAddress ? 'an address each' : 'one address'}` +
      `${heavyOptions.honourRetryAfter ? ', honouring Retry-After' : ', retrying at once'}: ${heavyDone.ran} ran, ` +
      `${heavyDone.refused} refused 429, ${heavyDone.busy} refused 503, ${heavyDone.failed} other; ` +
      `latency of those that ran p50 ${ms(percentile(heavyLatencies, 50))}, ` +
      `p99 ${ms(percentile(heavyLatencies, 99))}`);
    const statuses = [...light.statuses].map(([status, count]) => `${count}×${status}`).join(', ');
    console.log(`light: ${LIGHT_QUERY} at ${rate}/s for ${seconds} s: ${statuses}; client timer lateness up to ${ms(light.worstLateStart)}`);
    console.log(`light latency at the client: p50 ${ms(percentile(light.latencies, 50))}, p95 ${ms(percentile(light.latencies, 95))}, ` +
      `p99 ${ms(percentile(light.latencies, 99))}, max ${ms(light.latencies[light.latencies.length - 1])}`);
    const p99 = percentile(light.latencies, 99);
    console.log(p99 < 100 ? 'target met: light p99 under 100 ms' : 'target missed: light p99 at or over 100 ms');
  });
}

if (isMainThread) {
  runBench(main);
} else {
  void runHeavyClients(workerData as HeavyOptions);
}

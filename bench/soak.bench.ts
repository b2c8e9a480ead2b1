import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { API_NODE_FLAGS, BenchClient, cpuMs, loadAverage, mallocHeapOf, median, rssOf, runBench, withArchiveApis } from './support';

/**
 * `npm run bench:soak [-- --minutes 10 --rate 40]`: the built API over a
 * synthetic archive under a steady mixed load (front pages, issues by date,
 * topic pages, filtered lists, the catalog, partner keys with and without a
 * scope, ETag revalidations, public callers from many addresses) with an
 * editor's write every few seconds, sampling the API's resident memory every
 * 30 s (with the low and high of readings every 5 s, and its heap from its
 * /metrics). The goal: RSS at the end within 10% of RSS at minute 2.
 */

const OPERATIONS = path.join(__dirname, '..', '..', 'examples', 'operations');
const operation = (name: string) => fs.readFileSync(path.join(OPERATIONS, `${name}.graphql`), 'utf8');
const FRONT_PAGE = operation('front-page');
const ISSUE = operation('issue');
const TOPIC_PAGE = operation('partner-topic-page');
const CATALOG = operation('readme-catalog');
const LINKS_BY_TAG = `query($tag: String!, $first: Int) { links(first: $first, filter: { tags: { any: [$tag] } }) {
  totalCount edges { node { title url domain tags { slug } issue { date newsletter { slug } } } } } }`;
const ISSUES_IN_RANGE = `query($newsletter: String!, $from: Date!, $to: Date!) {
  issues(first: 10, filter: { newsletters: [$newsletter], date: { from: $from, to: $to } }) {
    totalCount edges { node { date headline sections { title links { title } } } } } }`;
const ADMIN_TOKEN = 'soak-bench-admin-token-0123456789';

interface Caller {
  body: () => { query: string; variables?: Record<string, unknown> };
  token?: string;
  revalidate?: boolean;
}

interface Tally {
  sent: number;
  ok: number;
  other: Map<number, number>;
  skipped: number;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const day = (index: number) => new Date(Date.UTC(2020, 0, 1) + index * 86400000).toISOString().slice(0, 10);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers of a few known queries, read field by field
async function graphql(client: BenchClient, query: string, variables: Record<string, unknown>, token?: string): Promise<any> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const answer = await client.requestText('POST', JSON.stringify({ query, variables }), headers);
  const body = JSON.parse(answer.text);
  if (answer.status !== 200 || body.errors) throw new Error(`${query.slice(0, 40)}…: ${answer.status} ${JSON.stringify(body.errors)}`);
  return body.data;
}

/**
 * Where the API's memory is, from its own /metrics: the V8 heap in use, what V8 holds
 * for its young generation (both semi-spaces) and for the rest of the heap, and
 * memory outside the heap (buffers).
 */
async function heapFigures(client: BenchClient): Promise<{ used: number; young: number; old: number; external: number; gc: string }> {
  const { text } = await client.requestText('GET', null, { authorization: `Bearer ${ADMIN_TOKEN}` }, '', '/metrics');
  const figure = (name: string) => {
    const line = text.split('\n').find((candidate) => candidate.startsWith(`newsletter_${name} `));
    return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : NaN;
  };
  const gc = ['minor', 'major', 'incremental']
    .map((kind) => `${kind} ${figure(`nodejs_gc_duration_seconds_count{kind="${kind}"}`)} (${figure(`nodejs_gc_duration_seconds_sum{kind="${kind}"}`).toFixed(1)} s)`)
    .join(', ');
  const young = figure('nodejs_heap_space_size_total_bytes{space="new"}');
  return {
    used: figure('nodejs_heap_size_used_bytes'),
    young,
    old: figure('nodejs_heap_size_total_bytes') - young,
    external: figure('nodejs_external_memory_bytes'),
    gc,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      minutes: { type: 'string', default: '10' },
      rate: { type: 'string', default: '40' },
      issues: { type: 'string', default: '3000' },
      'write-every': { type: 'string', default: '5' },
      'sample-every': { type: 'string', default: '30' },
      // Minutes at which the API writes a V8 heap snapshot into --snapshot-dir (e.g. `2,8`), to compare what it retains.
      'heap-snapshots': { type: 'string', default: '' },
      'snapshot-dir': { type: 'string', default: path.join(os.tmpdir(), 'soak-snapshots') },
      // The API's node flags instead of API_NODE_FLAGS (space-separated), to compare V8 settings.
      'node-flags': { type: 'string' },
    },
  });
  const snapshotMinutes = values['heap-snapshots'] ? values['heap-snapshots'].split(',').map(Number) : [];
  const snapshotDir = path.resolve(values['snapshot-dir']);
  if (snapshotMinutes.length) fs.mkdirSync(snapshotDir, { recursive: true });
  const baseFlags = values['node-flags'] !== undefined ? values['node-flags'].split(' ').filter(Boolean) : API_NODE_FLAGS;
  const nodeFlags = snapshotMinutes.length ? [...baseFlags, '--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${snapshotDir}`] : baseFlags;
  const [minutes, rate, issueCount] = [Number(values.minutes), Number(values.rate), Number(values.issues)];
  const sampleSeconds = Number(values['sample-every']);
  await withArchiveApis('soak', issueCount, [{ TRUST_PROXY: 'loopback', ADMIN_TOKEN }], async ([api]) => {
    const client = new BenchClient(api.url, 64);
    try {
      const catalog = await graphql(client, '{ newsletters { slug } tags { slug } }', {});
      const newsletters: string[] = catalog.newsletters.map((n: { slug: string }) => n.slug);
      const tags: string[] = catalog.tags.map((t: { slug: string }) => t.slug);
      const key = async (role: string, scope: unknown = null) =>
        (await graphql(client, 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }',
          { input: { name: `soak ${role} ${Math.random()}`, role, scope } }, ADMIN_TOKEN)).createApiKey.secret as string;
      const editor = await key('EDITOR');
      const partners = [await key('PARTNER'), await key('PARTNER', { newsletters: [newsletters[0]] }), await key('PARTNER', { tags: ['security'] })];
      const days = Math.floor(issueCount / newsletters.length);
      const callers: Array<[number, Caller]> = [
        [20, { body: () => ({ query: FRONT_PAGE }) }],
        [25, { body: () => ({ query: ISSUE, variables: { newsletter: pick(newsletters), date: day(Math.floor(Math.random() * days)) } }) }],
        [15, { body: () => ({ query: LINKS_BY_TAG, variables: { tag: pick(tags), first: pick([10, 20, 50]) } }) }],
        [10, { body: () => ({ query: TOPIC_PAGE, variables: { after: null } }), token: pick(partners) }],
        [10, { body: () => {
          const from = Math.floor(Math.random() * days);
          return { query: ISSUES_IN_RANGE, variables: { newsletter: pick(newsletters), from: day(from), to: day(from + 30) } };
        } }],
        [10, { body: () => ({ query: CATALOG }) }],
        [5, { body: () => ({ query: FRONT_PAGE }), revalidate: true }],
        [5, { body: () => ({ query: FRONT_PAGE }), token: pick(partners) }],
      ];
      const weights = callers.reduce((sum, [weight]) => sum + weight, 0);
      const choose = (): Caller => {
        let roll = Math.random() * weights;
        for (const [weight, caller] of callers) if ((roll -= weight) < 0) return caller;
        return callers[0][1];
      };
      let etag = '';

      const tally: Tally = { sent: 0, ok: 0, other: new Map(), skipped: 0 };
      let inFlight = 0;
      const fire = () => {
        if (inFlight >= 64) {
          tally.skipped += 1;
          return;
        }
        const caller = choose();
        const { query, variables } = caller.body();
        const headers: Record<string, string> = { 'x-forwarded-for': `10.20.${Math.floor(Math.random() * 80)}.${Math.floor(Math.random() * 250)}`, 'accept-encoding': 'gzip' };
        if (caller.token) headers.authorization = `Bearer ${caller.token}`;
        inFlight += 1;
        tally.sent += 1;
        const request = caller.revalidate
          ? client.request('GET', null, { ...headers, 'apollo-require-preflight': 'true', 'if-none-match': etag }, `?${new URLSearchParams({ query })}`)
          : client.request('POST', JSON.stringify({ query, variables }), headers);
        request.then(
          (answer) => {
            inFlight -= 1;
            if (caller.revalidate || (query === FRONT_PAGE && !caller.token)) etag = String(answer.headers.etag ?? etag);
            if (answer.status === 200 || answer.status === 304) tally.ok += 1;
            else tally.other.set(answer.status, (tally.other.get(answer.status) ?? 0) + 1);
          },
          () => {
            inFlight -= 1;
            tally.other.set(0, (tally.other.get(0) ?? 0) + 1);
          },
        );
      };
      let writes = 0;
      const write = async () => {
        const newsletter = pick(newsletters);
        const date = day(Math.floor(Math.random() * days));
        const found = await graphql(client, 'query($n: String!, $d: Date!) { issue(newsletter: $n, date: $d, preview: true) { id version } }', { n: newsletter, d: date }, editor);
        if (!found.issue) return;
        await graphql(client, 'mutation($input: UpdateIssueInput!) { updateIssue(input: $input) { version } }',
          { input: { id: found.issue.id, expectedVersion: found.issue.version, headline: `Edited ${Date.now()}` } }, editor);
        writes += 1;
      };

      console.log(`soak: ${minutes} min at ${rate} req/s (mixed reads), an edit every ${values['write-every']} s; API pid ${api.process.pid} (node ${nodeFlags.join(' ')}); ` +
        `${os.cpus().length} cores, load average ${loadAverage()}`);
      // V8 young and old: what V8 holds for each generation; malloc: the C allocator's main heap (buffers, zlib, parsers).
      console.log('  min   RSS MiB (30 s low-high)   heap used  V8 young  V8 old  malloc  external   requests ok   other        skipped  writes  load average');
      const readings: Array<{ minute: number; rss: number }> = [];
      const rows: Array<{ minute: number; rss: number }> = [];
      const started = performance.now();
      const read = () => {
        const reading = { minute: (performance.now() - started) / 60000, rss: rssOf(api.process.pid!) };
        readings.push(reading);
        return reading;
      };
      const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);
      const row = async () => {
        const now = read();
        rows.push(now);
        const window = readings.filter((r) => r.minute > now.minute - sampleSeconds / 60).map((r) => r.rss);
        // A stalled API (a heap snapshot being written) leaves the figures blank rather than ending the soak.
        const heap = await heapFigures(client).catch(() => ({ used: NaN, young: NaN, old: NaN, external: NaN, gc: '' }));
        const other = [...tally.other].map(([status, count]) => `${count}×${status || 'err'}`).join(',') || '-';
        console.log(`  ${now.minute.toFixed(1).padStart(4)}  ${mib(now.rss).padStart(7)} (${mib(Math.min(...window))}-${mib(Math.max(...window))})`.padEnd(34) +
          `${mib(heap.used).padStart(9)}  ${mib(heap.young).padStart(8)}  ${mib(heap.old).padStart(6)}  ${mib(mallocHeapOf(api.process.pid!)).padStart(6)}  ` +
          `${mib(heap.external).padStart(8)}   ${String(tally.ok).padStart(11)}   ${other.padEnd(12)} ` +
          `${String(tally.skipped).padStart(7)}  ${String(writes).padStart(6)}  ${loadAverage()}`);
        return heap;
      };
      await row();
      const cpuBefore = cpuMs(api.process.pid!) ?? NaN;
      const firing = setInterval(fire, 1000 / rate);
      const writing = setInterval(() => void write().catch((error: unknown) => console.error(`write failed: ${String(error)}`)), Number(values['write-every']) * 1000);
      const reading = setInterval(read, 5000);
      const sampling = setInterval(() => void row(), sampleSeconds * 1000);
      const snapshots = snapshotMinutes.map((minute) => setTimeout(() => {
        console.log(`  heap snapshot of the API at minute ${minute} into ${snapshotDir}`);
        api.process.kill('SIGUSR2');
      }, minute * 60000));
      await new Promise((resolve) => setTimeout(resolve, minutes * 60000));
      snapshots.forEach(clearTimeout);
      clearInterval(firing);
      clearInterval(writing);
      clearInterval(reading);
      clearInterval(sampling);
      const { gc } = await row();
      const at = Math.min(2, minutes / 5);
      const reference = rows.find((r) => r.minute >= at - 0.01) ?? rows[0];
      const last = rows[rows.length - 1];
      // Garbage collection swings RSS by tens of MiB within a minute: the median of the minute before each point shows the trend.
      const minuteMedian = (end: number) => median(readings.filter((r) => r.minute > end - 1 && r.minute <= end + 0.01).map((r) => r.rss));
      const verdict = (from: number, to: number) => {
        const change = (to - from) / from;
        return `${mib(from)} → ${mib(to)} MiB (${(change * 100).toFixed(1)}%; goal within 10%: ${Math.abs(change) <= 0.1 ? 'met' : 'missed'})`;
      };
      console.log(`RSS at minute ${reference.minute.toFixed(1)} and ${last.minute.toFixed(1)}: ${verdict(reference.rss, last.rss)}`);
      console.log(`median RSS of the minute before each: ${verdict(minuteMedian(reference.minute), minuteMedian(last.minute))}`);
      console.log(`API CPU: ${(((cpuMs(api.process.pid!) ?? NaN) - cpuBefore) / tally.ok).toFixed(2)} ms per answered request (${tally.ok} answered); garbage collections: ${gc || 'unknown (the last reading failed)'}`);
    } finally {
      client.close();
    }
  }, { nodeFlags });
}

runBench(main);

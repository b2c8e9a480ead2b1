import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { createServer } from '../src/server';
import { prepareArchiveDatabase, workFolder } from './archive-database';
import { cpuOf, cpuSince, loadAverage, percentile } from './support';
import { FILLER, random, TOPICS } from './synthetic-archive';

/**
 * `npm run bench:search`: latency of search, related and facets over a
 * synthetic archive of 45,000 links (3,000 issues), through the API over
 * HTTP, one request at a time: p50, p95 and p99 of each scenario, with the
 * machine's load average. Goals: a two-word search with a tag filter under
 * 50 ms at p95, related under 20 ms. The server's answer cache is off: the
 * figures are those of answers computed, not of repeated requests served
 * from memory. `--only <text>` runs the scenarios whose name holds the text.
 */

const RESULT_PAGE = `totalCount edges { rank titleHighlight summaryHighlight node {
  id title url domain kind readTimeLabel issue { date newsletter { slug } } tags { slug } } }`;

interface Scenario {
  name: string;
  goalMs?: number;
  request: (n: number) => { query: string; variables: Record<string, unknown> };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { issues: { type: 'string', default: '3000' }, runs: { type: 'string', default: '300' }, only: { type: 'string', default: '' } },
  });
  const runs = Number(values.runs);
  const work = workFolder('search-bench');
  const database = await prepareArchiveDatabase(work, Number(values.issues), `newsletter_search_${process.pid}`);
  const config = loadConfig();
  const dataSource = createDataSource({ url: database.url, poolSize: config.dbPoolSize, timeouts: config });
  await dataSource.initialize();
  // No quotas (one client sends thousands of requests), no answer cache, and no request log lines between the figures.
  const app = await createServer(dataSource, {
    ...config,
    quotas: { ...config.quotas, enabled: false },
    responseCache: { ...config.responseCache, maxBytes: 0 },
    observability: { ...config.observability, logLevel: 'warn' },
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}/graphql`;
  try {
    const tags: string[] = (await dataSource.query(`SELECT t.slug FROM tag t JOIN link_tag lt ON lt.tag_id = t.id GROUP BY t.slug ORDER BY count(*) DESC`)).map(
      (row: { slug: string }) => row.slug,
    );
    const issues: Array<{ slug: string; date: string }> = await dataSource.query(
      `SELECT n.slug, i.date::text AS date FROM issue i JOIN newsletter n ON n.id = i.newsletter_id WHERE i.id % 7 = 0 ORDER BY i.id`,
    );
    const next = random(7);
    const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const twoWords = (words: readonly string[]) => {
      const first = pick(words);
      let second = pick(words);
      while (second === first) second = pick(words);
      return `${first} ${second}`;
    };
    const search = (query: string, filter: Record<string, unknown> | null) => ({
      query: `query($q: String!, $filter: LinkFilter) { search(query: $q, filter: $filter, first: 20) { ${RESULT_PAGE} } }`,
      variables: { q: query, filter },
    });
    const issuePage = (field: string) => () => {
      const issue = pick(issues);
      return { query: `query($n: String!, $d: Date!) { issue(newsletter: $n, date: $d) { id ${field} } }`, variables: { n: issue.slug, d: issue.date } };
    };
    const scenarios: Scenario[] = [
      // What the machine gives an existing list query of the same shape, to read the figures below against.
      {
        name: 'baseline, no search: links(first: 20) with a tag filter',
        request: () => ({
          query: `query($filter: LinkFilter) { links(first: 20, filter: $filter) { totalCount edges { node {
            id title url domain kind readTimeLabel issue { date newsletter { slug } } tags { slug } } } } }`,
          variables: { filter: { tags: { any: [pick(tags)] } } },
        }),
      },
      { name: 'baseline, no related: an issue page’s links', request: issuePage('links { id title url tags { slug } }') },
      { name: 'search: two topic words + a tag filter', goalMs: 50, request: () => search(twoWords(TOPICS), { tags: { any: [pick(tags)] } }) },
      { name: 'search: two topic words', request: () => search(twoWords(TOPICS), null) },
      { name: 'search: two filler words (in ~half the links) + a tag filter', request: () => search(twoWords(FILLER), { tags: { any: [pick(tags)] } }) },
      {
        name: 'search: a topic word with a letter dropped (typo fallback)',
        request: () => {
          const word = pick(TOPICS.filter((topic) => topic.length >= 6));
          const at = Math.floor(word.length / 2);
          return search(word.slice(0, at) + word.slice(at + 1), null);
        },
      },
      {
        name: 'Issue.related(first: 5)',
        goalMs: 20,
        request: issuePage('related(first: 5) { id date headline newsletter { slug } }'),
      },
      {
        name: 'Link.related(first: 5) of each of an issue page’s 15 links',
        goalMs: 20,
        request: issuePage('links { id related(first: 5) { id title url issue { date newsletter { slug } } } }'),
      },
      {
        name: 'linkFacets: a tag filter and two topic words',
        request: () => ({
          query: `query($q: String, $filter: LinkFilter) { linkFacets(query: $q, filter: $filter) {
            totalCount tags { value count } categories { value count } kinds { value count }
            newsletters { value count } domains { value count } years { value count } } }`,
          variables: { q: twoWords(TOPICS), filter: { tags: { any: [pick(tags)] } } },
        }),
      },
    ];
    console.log(`machine: ${os.cpus().length} cores; ${runs} requests per scenario, one at a time, after 20 to warm up`);
    console.log('CPU per request: this process (API and client) + the Postgres backends of the database, which waiting for a core does not inflate');
    for (const scenario of scenarios.filter(({ name }) => name.includes(values.only))) {
      for (let n = 0; n < 20; n += 1) await ask(url, scenario.request(n));
      const before = loadAverage();
      const cpu = await cpuMeter(dataSource);
      const latencies: number[] = [];
      for (let n = 0; n < runs; n += 1) {
        const body = scenario.request(n);
        const started = performance.now();
        await ask(url, body);
        latencies.push(performance.now() - started);
      }
      const used = await cpu.used();
      latencies.sort((a, b) => a - b);
      const p95 = percentile(latencies, 95);
      const goal = scenario.goalMs === undefined ? '' : ` (goal p95 < ${scenario.goalMs} ms: ${p95 < scenario.goalMs ? 'met' : 'missed'})`;
      const postgres = used.postgresMs === null ? 'Postgres not measured' : `Postgres ${(used.postgresMs / runs).toFixed(1)} ms`;
      console.log(
        `${scenario.name}: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, ` +
          `p99 ${percentile(latencies, 99).toFixed(1)} ms${goal}; CPU ${(used.nodeMs / runs).toFixed(1)} ms + ${postgres}; ` +
          `load average ${before} before, ${loadAverage()} after`,
      );
    }
  } finally {
    await app.apollo.stop();
    await dataSource.destroy();
    await database.stop();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** CPU time from now on of this process and of the Postgres backends now serving the database (on this host). */
async function cpuMeter(dataSource: DataSource) {
  const rows: Array<{ pid: number }> = await dataSource.query('SELECT pid FROM pg_stat_activity WHERE datname = current_database()');
  const start = { node: process.cpuUsage(), postgres: cpuOf(rows.map(({ pid }) => pid)) };
  return {
    async used(): Promise<{ nodeMs: number; postgresMs: number | null }> {
      const node = process.cpuUsage(start.node);
      return { nodeMs: (node.user + node.system) / 1000, postgresMs: start.postgres.size ? cpuSince(start.postgres) : null };
    },
  };
}

/** Posts one request; an error answer stops the benchmark, since its timing would mean nothing. */
async function ask(url: string, body: { query: string; variables: Record<string, unknown> }): Promise<void> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const answer = (await response.json()) as { errors?: unknown[] };
  if (answer.errors) throw new Error(`${JSON.stringify(body.variables)}: ${JSON.stringify(answer.errors)}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

import 'reflect-metadata';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config';
import { createDataSource } from '../src/db/data-source';
import { createServer } from '../src/server';
import { databaseUrl, openBenchServer, workFolder } from './archive-database';
import { runBench } from './support';

/**
 * `npm run bench:stories`: an archive the size of the real one (3,000 issues of
 * 15 links, one story in eight told twice or more), then the story reads timed
 * through GraphQL: median and worst of `--runs` runs each, and SQL statements per request.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { issues: { type: 'string', default: '3000' }, runs: { type: 'string', default: '15' } } });
  const issues = Number(values.issues);
  const work = workFolder('bench');
  const { url: serverUrl, embedded } = await openBenchServer(work);
  const admin = createDataSource({ url: serverUrl, poolSize: 1 });
  await admin.initialize();
  const name = `newsletter_bench_${process.pid}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.destroy();
  let statements = 0;
  const logger = { logQuery: () => void (statements += 1), logQueryError() {}, logQuerySlow() {}, logSchemaBuild() {}, logMigration() {}, log() {} };
  const dataSource = createDataSource({ url: databaseUrl(serverUrl, name), poolSize: 8, logger });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  await seed(dataSource, issues);
  await dataSource.query('ANALYZE');
  const [{ links, stories }] = await dataSource.query('SELECT count(*)::int AS links, count(DISTINCT canonical_url)::int AS stories FROM link');
  console.log(`archive: ${issues} issues, ${links} links, ${stories} stories`);

  // No response cache (every run is timed as the database answers it), no request log lines among the figures.
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const server = await createServer(dataSource, { ...config, adminToken: null, quotas: { ...config.quotas, enabled: false }, responseCache: { ...config.responseCache, maxBytes: 0 } });
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/graphql`;
  const post = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: { links: { pageInfo: { endCursor: string | null } } }; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const page5 = async (distinct: boolean, filter: unknown) => {
    let after: string | null = null;
    for (let n = 0; n < 4; n += 1) {
      const data = await post(`query($after: String, $filter: LinkFilter) { links(first: 50, distinct: ${distinct}, after: $after, filter: $filter) { pageInfo { endCursor } } }`, { after, filter });
      after = data!.links.pageInfo.endCursor;
    }
    return after;
  };
  const appearances = `appearances(first: 10) { totalCount edges { node { id issue { date newsletter { slug } } } } }`;
  const cases: Array<[string, string, () => Promise<Record<string, unknown>>]> = [
    ['links(first: 50) with totalCount (today’s list, for comparison)', `{ links(first: 50) { totalCount edges { node { id } } } }`, async () => ({})],
    ['links(first: 50) (today’s list, for comparison)', `{ links(first: 50) { edges { node { id } } } }`, async () => ({})],
    ['links(first: 50, distinct: true) with totalCount', `{ links(first: 50, distinct: true) { totalCount edges { node { id } } } }`, async () => ({})],
    ['links(first: 50, distinct: true)', `{ links(first: 50, distinct: true) { edges { node { id } } } }`, async () => ({})],
    ['links(distinct: true) page 5 by cursor', `query($after: String) { links(first: 50, distinct: true, after: $after) { edges { node { id } } } }`, async () => ({ after: await page5(true, null) })],
    ['links(distinct: true, tag ai) with totalCount and appearances', `{ links(first: 50, distinct: true, filter: { tags: { any: ["ai"] } }) { totalCount edges { node { id ${appearances} } } } }`, async () => ({})],
    ['links(first: 100) with appearances', `{ links(first: 100) { edges { node { id ${appearances} } } } }`, async () => ({})],
    ['links(filter: { url }) with appearances', `query($url: String!) { links(filter: { url: $url }) { totalCount edges { node { id ${appearances} } } } }`, async () => ({ url: 'https://story.example/7?utm_source=bench&ref=x' })],
  ];
  const runs = Number(values.runs);
  for (const [label, query, variables] of cases) {
    const vars = await variables();
    await post(query, vars);
    const times: number[] = [];
    let perRequest = 0;
    for (let n = 0; n < runs; n += 1) {
      const before = statements;
      const started = process.hrtime.bigint();
      await post(query, vars);
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
      perRequest = statements - before;
    }
    times.sort((a, b) => a - b);
    console.log(`${label}: median ${times[Math.floor(runs / 2)].toFixed(1)} ms, worst ${times[runs - 1].toFixed(1)} ms, ${perRequest} statements`);
  }

  await server.apollo.stop();
  server.httpServer.close();
  await dataSource.destroy();
  await embedded?.stop();
  fs.rmSync(work, { recursive: true, force: true });
}

/** Issues of five newsletters, a section of 15 links each; a link's story repeats an earlier one for one link in eight; a third tagged ai. */
async function seed(dataSource: ReturnType<typeof createDataSource>, issues: number): Promise<void> {
  await dataSource.query(`INSERT INTO newsletter (slug, name) SELECT 'n' || g, 'Newsletter ' || g FROM generate_series(1, 5) g`);
  await dataSource.query(`INSERT INTO category (slug, name) VALUES ('news', 'News')`);
  await dataSource.query(`INSERT INTO tag (slug, name) VALUES ('ai', 'AI')`);
  await dataSource.query(
    `INSERT INTO issue (newsletter_id, date, headline, status, published_at, version)
     SELECT (SELECT id FROM newsletter WHERE slug = 'n' || (1 + g % 5)), date '2018-01-01' + (g / 5), 'Issue ' || g, 'PUBLISHED', now(), 1
       FROM generate_series(0, $1 - 1) g`,
    [issues],
  );
  await dataSource.query(`INSERT INTO section (issue_id, position, title, category_id) SELECT id, 0, 'News', (SELECT id FROM category) FROM issue`);
  await dataSource.query(
    `INSERT INTO link (section_id, position, title, url, canonical_url, domain, summary, kind)
     SELECT s.id, p, 'Link ' || n, 'https://story.example/' || story || '?utm_source=bench', 'https://story.example/' || story, 'story.example',
            'A summary of a couple of sentences about the link, as long as most are.', 'ARTICLE'
       FROM section s CROSS JOIN generate_series(0, 14) p
       CROSS JOIN LATERAL (SELECT s.id * 15 + p AS n) x
       CROSS JOIN LATERAL (SELECT CASE WHEN n % 8 = 0 THEN (n * 7919) % (n / 2 + 1) ELSE n END AS story) y`,
  );
  await dataSource.query(`INSERT INTO link_tag (link_id, tag_id) SELECT id, (SELECT id FROM tag) FROM link WHERE id % 3 = 0`);
}

runBench(main);

import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cliActor } from '../src/auth/actor';
import { createDataSource } from '../src/db/data-source';
import { ApiKeyService } from '../src/modules/api-key/api-key.service';
import { Role } from '../src/modules/api-key/role';
import { BenchDatabase, prepareDatabase } from './api/archive';
import { encode, LoadResult, runLoad, Target } from './api/load';
import { firstDifference, normalise } from './api/normalise';
import { PostgresProbe } from './api/postgres-probe';
import { Measurement, printRound, printSummary } from './api/report';
import { ensurePostGraphile, NODE_22, RunningServer, startApi, startPostGraphile } from './api/servers';
import { Operation, PG_PARTNER_PAGE, readOperation, Shape, ShapeParams, shapes } from './api/shapes';
import { API_NODE_FLAGS, BenchClient, cpuMs, cpuOf, cpuSince, percentile, runBench } from './support';

/**
 * `npm run bench:api`: this API against PostGraphile 5 on one Postgres holding a
 * synthetic archive of real shape, both on the same Node 22, uncached: the
 * shapes of examples/operations/ and a filter mix, alternating rounds, printing
 * req/s, latency, server CPU and statements per request, and the ratio.
 */

const ROOT = path.join(__dirname, '..', '..');

const { values: args } = parseArgs({
  options: {
    issues: { type: 'string', default: '2915' },
    'links-per-issue': { type: 'string', default: '15' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '10' },
    pool: { type: 'string', default: '10' },
    shapes: { type: 'string', default: '' },
    only: { type: 'string', default: '' },
    fresh: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    // More settings for the API, KEY=VALUE,...: the hook for features not on by default (logs, metrics).
    'api-env': { type: 'string', default: '' },
  },
});

/** `--api-env A=1,B=2` as an environment. */
function apiEnv(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split(',')
      .filter(Boolean)
      .map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
  );
}

async function ask(target: Target, operation: Operation): Promise<unknown> {
  const client = new BenchClient(target.url, 1);
  const { status, text } = await client.requestText('POST', encode(operation), target.headers ?? {}).finally(() => client.close());
  const answer = JSON.parse(text) as { errors?: unknown };
  if (status !== 200 || answer.errors) throw new Error(`${target.url} answered ${status}: ${text.slice(0, 500)}`);
  return answer;
}

/** The issue the one-issue shape opens (an `ai` issue halfway through the archive), a partner key, and page 2's cursors. */
async function shapeParams(database: BenchDatabase, api: RunningServer, postgraphile: RunningServer): Promise<ShapeParams> {
  const dataSource = createDataSource({ url: database.url, poolSize: 1 });
  await dataSource.initialize();
  const [issue] = await dataSource.query(
    `SELECT n.id, n.slug, i.date FROM issue i JOIN newsletter n ON n.id = i.newsletter_id
      WHERE n.slug = 'ai' AND i.status = 'PUBLISHED' ORDER BY i.date
     OFFSET (SELECT count(*) / 2 FROM issue i JOIN newsletter n ON n.id = i.newsletter_id WHERE n.slug = 'ai') LIMIT 1`,
  );
  const { secret } = await new ApiKeyService(dataSource, 60).create({ name: `bench ${new Date().toISOString()}`, role: Role.PARTNER }, cliActor());
  await dataSource.destroy();
  const apiPage = (await ask(
    { url: api.url, headers: { authorization: `Bearer ${secret}` } },
    { query: readOperation('partner-topic-page.graphql'), variables: { after: null } },
  )) as { data: { links: { pageInfo: { endCursor: string } } } };
  const pgPage = (await ask({ url: postgraphile.url }, { query: PG_PARTNER_PAGE, variables: { after: null } })) as {
    data: { links: { pageInfo: { endCursor: string } } };
  };
  return {
    newsletter: { id: issue.id, slug: issue.slug },
    date: issue.date,
    partnerKey: secret,
    apiCursor: apiPage.data.links.pageInfo.endCursor,
    postgraphileCursor: pgPage.data.links.pageInfo.endCursor,
  };
}

const targetOf = (server: RunningServer, shape: Shape, isApi: boolean): Target => ({
  url: server.url,
  headers: isApi ? shape.apiHeaders : undefined,
});

/** Both servers answer every request of the shape with the same data, or the bench stops. */
async function verify(shape: Shape, api: RunningServer, postgraphile: RunningServer): Promise<void> {
  for (let i = 0; i < shape.api.length; i += 1) {
    const ours = normalise(await ask(targetOf(api, shape, true), shape.api[i]));
    const theirs = normalise(await ask(targetOf(postgraphile, shape, false), shape.postgraphile[i]));
    const difference = firstDifference(ours, theirs);
    if (difference) throw new Error(`${shape.name} (request ${i + 1}): the answers differ at ${difference}`);
  }
  const size = JSON.stringify(normalise(await ask(targetOf(api, shape, true), shape.api[0]))).length;
  console.log(`same data: ${shape.name} (${shape.api.length} request${shape.api.length > 1 ? 's' : ''}, ${(size / 1024).toFixed(0)} KiB normalised)`);
}

async function measure(
  server: RunningServer,
  shape: Shape,
  isApi: boolean,
  probe: PostgresProbe | null,
): Promise<Measurement & { result: LoadResult }> {
  const connections = Number(args.connections);
  const operations = isApi ? shape.api : shape.postgraphile;
  const target = targetOf(server, shape, isApi);
  await runLoad(target, operations, connections, Number(args.warmup));
  const backends = probe ? await probe.backends(server.applicationName) : [];
  const pgBefore = cpuOf(backends);
  const before = cpuMs(server.process.pid!) ?? 0;
  const result = await runLoad(target, operations, connections, Number(args.seconds));
  const cpu = (cpuMs(server.process.pid!) ?? 0) - before;
  const pgCpu = cpuSince(pgBefore);
  if (result.failures) throw new Error(`${server.name}, ${shape.name}: ${result.failures} failed requests, first: ${result.firstFailure}`);
  return {
    result,
    rps: result.requests / result.seconds,
    p50: percentile(result.latencies, 50),
    p99: percentile(result.latencies, 99),
    cpuPerRequest: cpu / result.requests,
    pgCpuPerRequest: probe ? pgCpu / result.requests : NaN,
  };
}

async function main(): Promise<void> {
  ensurePostGraphile();
  const database = await prepareDatabase(path.join(ROOT, '.data', 'bench-api'), {
    issues: Number(args.issues),
    linksPerIssue: Number(args['links-per-issue']),
    fresh: args.fresh,
  });
  const profileDir = path.join(ROOT, '.data', 'bench-api', 'profiles');
  if (args.profile) fs.mkdirSync(profileDir, { recursive: true });
  const options = { databaseUrl: database.url, poolSize: Number(args.pool), nodeFlags: [] as string[] };
  const extraEnv = apiEnv(args['api-env']);
  const profile = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const api = await startApi({ ...options, nodeFlags: [...API_NODE_FLAGS, ...profile] }, extraEnv);
  console.log(
    `this API: NODE_ENV=production, cost limits and quotas on (buckets refilled fast enough that the bench's one address is never refused), ` +
      `heavy lane at its defaults, pool ${args.pool}${Object.keys(extraEnv).length ? `, also ${args['api-env']}` : ''}; ` +
      `PostGraphile 5: Amber preset, simplified inflection, connection filter, pool ${args.pool}; both on Node 22 (${NODE_22})`,
  );
  const postgraphile = await startPostGraphile(options);
  const probe = await PostgresProbe.open(database);
  try {
    const params = await shapeParams(database, api, postgraphile);
    const wanted = args.shapes ? args.shapes.split(',') : null;
    const selected = shapes(params).filter((shape) => !wanted || wanted.some((name) => shape.name.startsWith(name)));
    for (const shape of selected) await verify(shape, api, postgraphile);
    const statements = new Map<string, [number, number]>();
    for (const shape of selected) {
      const count = async (server: RunningServer, isApi: boolean) => {
        if (!probe) return NaN;
        const operations = isApi ? shape.api : shape.postgraphile;
        const repeats = 2 * operations.length;
        return probe.perRequest(server.applicationName, repeats, async () => {
          for (let i = 0; i < repeats; i += 1) await ask(targetOf(server, shape, isApi), operations[i % operations.length]);
        });
      };
      statements.set(shape.name, [await count(api, true), await count(postgraphile, false)]);
    }
    const servers = args.only === 'api' ? [api] : args.only === 'postgraphile' ? [postgraphile] : [api, postgraphile];
    const rounds: Array<{ load: number[]; results: Map<string, Map<string, Measurement>> }> = [];
    for (let round = 0; round < Number(args.rounds); round += 1) {
      const load = os.loadavg();
      const results = new Map<string, Map<string, Measurement>>();
      for (const shape of selected) {
        const order = round % 2 === 0 ? servers : [...servers].reverse();
        const byServer = new Map<string, Measurement>();
        for (const server of order) byServer.set(server.name, await measure(server, shape, server === api, probe));
        results.set(shape.name, byServer);
      }
      rounds.push({ load: [...load, ...os.loadavg()], results });
      printRound(round + 1, rounds[round].load, results, api.name, postgraphile.name);
    }
    printSummary(rounds, statements, api.name, postgraphile.name, {
      archive: `${args.issues} issues × ${args['links-per-issue']} links`,
      connections: Number(args.connections),
      seconds: Number(args.seconds),
      pool: Number(args.pool),
    });
  } finally {
    await probe?.close();
    await api.stop();
    await postgraphile.stop();
    await database.stop();
    if (args.profile) console.log(`CPU profile of the API written to ${profileDir}`);
  }
}

runBench(main);

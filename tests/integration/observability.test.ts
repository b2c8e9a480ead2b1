import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { Role } from '../../src/modules/api-key/role';
import { Factory } from '../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../support/harness';

/** Collects the JSON log lines a server writes. */
class LogLines extends Writable {
  readonly lines: Array<Record<string, unknown>> = [];
  readonly raw: string[] = [];
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) {
      this.raw.push(line);
      this.lines.push(JSON.parse(line));
    }
    done();
  }
  forRequest(id: string) {
    return this.lines.filter((line) => line.reqId === id);
  }
}

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'issues', 'tldr-ai-2024-01-02.md'), 'utf8');

let h: Harness;
const log = new LogLines();
let origin: string;

beforeAll(async () => {
  h = await startHarness({
    config: { observability: { logLevel: 'info', logFormat: 'json', slowRequestMs: 60_000 } },
    parts: { logDestination: log },
  });
  origin = new URL(h.url).origin;
  const f = new Factory(h.dataSource);
  await f.issue(await f.newsletter('ai'), { date: '2025-01-02', sections: [{ title: 'News', links: [{ tags: ['llm'] }] }] });
});

afterAll(() => h.close());

const post = (body: object, headers: Record<string, string> = {}) =>
  fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** The line is written when the answer has been sent; wait for it without guessing how long that takes. */
async function lineOf(requestId: string) {
  for (let i = 0; i < 400 && log.forRequest(requestId).length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
  return log.forRequest(requestId);
}

const metricsText = async (token: string = ADMIN_TOKEN) =>
  (await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${token}` } })).text();

describe('request ids', () => {
  it('keeps a sensible X-Request-Id from the client and returns it', async () => {
    const response = await post({ query: '{ tags { slug } }' }, { 'x-request-id': 'front-42.a:b' });
    expect(response.headers.get('x-request-id')).toBe('front-42.a:b');
  });

  it('replaces an id that could break a log line with a fresh one', async () => {
    const response = await post({ query: '{ tags { slug } }' }, { 'x-request-id': 'evil id\twith spaces' });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('request log', () => {
  it('writes one line per request with its operation, status, duration, cost, statements and key id', async () => {
    const secret = await h.key(Role.PARTNER, 'log partner');
    const response = await post(
      { query: 'query FrontPage { issues(first: 1) { edges { node { headline sections { links { title } } } } } }', operationName: 'FrontPage' },
      { authorization: `Bearer ${secret}`, 'x-request-id': 'log-line-1' },
    );
    expect(response.status).toBe(200);
    const lines = await lineOf('log-line-1');
    expect(lines).toHaveLength(1);
    const [keyRow] = await h.dataSource.query(`SELECT id FROM api_key WHERE name = 'log partner'`);
    expect(lines[0]).toMatchObject({ level: 30, msg: 'request', method: 'POST', path: '/graphql', status: 200, operation: 'FrontPage', keyId: keyRow.id });
    expect(lines[0].ms).toEqual(expect.any(Number));
    expect(lines[0].cost).toBeGreaterThan(0);
    expect(lines[0].statements).toBeGreaterThan(0);
    expect(log.raw.join('\n')).not.toContain(secret);
  });

  it('logs the first error code, and never the query string', async () => {
    const response = await fetch(`${origin}/graphql?query=${encodeURIComponent('{ nope }')}&token=feed-secret-123`, {
      headers: { 'x-request-id': 'log-line-2', 'apollo-require-preflight': 'true' },
    });
    await response.text();
    const [line] = await lineOf('log-line-2');
    expect(line).toMatchObject({ path: '/graphql', code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(log.raw.join('\n')).not.toContain('feed-secret-123');
  });

  it('logs requests that never reach GraphQL with their code', async () => {
    await (await fetch(`${origin}/nowhere`, { headers: { 'x-request-id': 'log-line-3' } })).text();
    const [line] = await lineOf('log-line-3');
    expect(line).toMatchObject({ status: 404, code: 'NOT_FOUND', path: '/nowhere' });
  });
});

describe('slow requests', () => {
  it('are logged at warn as slow requests past the threshold', async () => {
    const slowLog = new LogLines();
    const slow = await startHarness({
      config: { observability: { logLevel: 'info', logFormat: 'json', slowRequestMs: 0 } },
      parts: { logDestination: slowLog },
    });
    try {
      await fetch(slow.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'slow-1' },
        body: JSON.stringify({ query: '{ tags { slug } }' }),
      });
      for (let i = 0; i < 400 && slowLog.forRequest('slow-1').length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 25));
      expect(slowLog.forRequest('slow-1')).toEqual([expect.objectContaining({ level: 40, msg: 'slow request', status: 200 })]);
    } finally {
      await slow.close();
    }
  });
});

describe('/metrics', () => {
  it('is refused without a key and to keys that are not admins', async () => {
    const anonymous = await fetch(`${origin}/metrics`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const editor = await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${await h.key(Role.EDITOR)}` } });
    expect(editor.status).toBe(403);
    const bad = await fetch(`${origin}/metrics`, { headers: { authorization: 'Bearer not-a-real-key-at-all' } });
    expect(bad.status).toBe(401);
  });

  it('counts requests by operation and code, with latency, cost, statements and the pool', async () => {
    await post({ query: 'query CountedOne { tags { slug } }' });
    await post({ query: 'query CountedOne { tags { slug } }' });
    await post({ query: 'query Broken { nope }' });
    const text = await metricsText((await h.key(Role.ADMIN)) ?? ADMIN_TOKEN);
    expect(text).toMatch(/^newsletter_requests_total\{operation="CountedOne",status="200",code="OK"\} 2$/m);
    expect(text).toMatch(/^newsletter_requests_total\{operation="anonymous",status="400",code="GRAPHQL_VALIDATION_FAILED"\} \d+$/m);
    expect(text).toMatch(/^newsletter_request_duration_seconds_count\{operation="CountedOne"\} 2$/m);
    expect(text).toMatch(/^newsletter_query_cost_count \d+$/m);
    expect(Number(/^newsletter_db_statements_per_request_sum (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
    expect(text).toMatch(/^newsletter_db_pool_connections\{state="in_use"\} \d+$/m);
    expect(text).toMatch(/^newsletter_db_pool_connections\{state="waiting"\} \d+$/m);
    expect(text).toMatch(/^newsletter_process_resident_memory_bytes \d+/m);
  });

  it('counts imports by outcome', async () => {
    const { errors } = await h.gql(`mutation($input: ImportIssueInput!) { importIssue(input: $input) { status } }`, { input: { markdown: FIXTURE } }, ADMIN_TOKEN);
    expect(errors).toBeUndefined();
    const text = await metricsText();
    expect(text).toMatch(/^newsletter_imported_issues_total\{status="CREATED"\} 1$/m);
    expect(Number(/^newsletter_imported_links_total (\d+)$/m.exec(text)?.[1])).toBeGreaterThan(0);
  });

  it('keeps the number of operation names it labels bounded, whatever names clients send', async () => {
    for (let i = 0; i < 230; i++) await (await post({ query: `query Op${i} { tags { slug } }` })).text();
    const text = await metricsText();
    const names = new Set([...text.matchAll(/^newsletter_requests_total\{operation="([^"]+)"/gm)].map((match) => match[1]));
    expect(names.size).toBeLessThanOrEqual(203);
    expect(names.has('other')).toBe(true);
  });
});

describe('a separate metrics port', () => {
  it('serves /metrics there without a key, and not on the API port', async () => {
    const separate = await startHarness({ config: { metricsPort: 0 } });
    const { metricsServer } = separate.server;
    try {
      await new Promise<void>((resolve) => metricsServer!.listen(0, '127.0.0.1', resolve));
      const port = (metricsServer!.address() as AddressInfo).port;
      const open = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(open.status).toBe(200);
      expect(await open.text()).toContain('newsletter_requests_total');
      const onApi = await fetch(`${new URL(separate.url).origin}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
      expect(onApi.status).toBe(404);
    } finally {
      metricsServer?.close();
      await separate.close();
    }
  });
});

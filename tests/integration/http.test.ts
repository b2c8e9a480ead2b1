import net from 'node:net';
import { gzipSync } from 'node:zlib';
import { Harness, startHarness } from '../support/harness';

/** Request-level failures: every one answered with JSON, a code and no stack trace; nothing says what the server runs on. */
let h: Harness;
let base: string;

beforeAll(async () => {
  h = await startHarness({ config: { httpHeadersTimeoutMs: 1000, httpRequestTimeoutMs: 1500 } });
  base = h.url.replace('/graphql', '');
});

afterAll(() => h.close());

async function expectJsonError(response: Response, status: number, code: string): Promise<string> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('x-powered-by')).toBeNull();
  const text = await response.text();
  expect(text).not.toMatch(/stacktrace|at .*\.js:\d+|SELECT |Error:/);
  const body = JSON.parse(text);
  expect(body.errors[0].extensions.code).toBe(code);
  return body.errors[0].message;
}

/** Sends raw bytes and resolves with everything the server answers before it closes the connection. */
function raw(chunks: string[]): Promise<string> {
  const { port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => chunks.forEach((chunk) => socket.write(chunk)));
    let answer = '';
    socket.on('data', (data) => (answer += data.toString()));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
  });
}

function bodyOf(answer: string): any {
  return JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4));
}

const post = (headers: Record<string, string>, body: string | Buffer) =>
  fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

it('does not say it runs on Express', async () => {
  for (const path of ['/graphql?query=%7B__typename%7D', '/healthz', '/nope']) {
    const response = await fetch(`${base}${path}`);
    expect(response.headers.get('x-powered-by')).toBeNull();
  }
});

it('answers an unknown path with 404 NOT_FOUND in JSON, echoing the path only cut short', async () => {
  const message = await expectJsonError(await fetch(`${base}/wp-admin/${'x'.repeat(500)}`), 404, 'NOT_FOUND');
  expect(message).toMatch(/^Nothing at "\/wp-admin\/x+…" \(510 characters\): the API is at \/graphql\.$/);
  await expectJsonError(await fetch(`${base}/`, { method: 'POST' }), 404, 'NOT_FOUND');
});

it('answers a method a path does not take with 405 and Allow', async () => {
  const put = await fetch(h.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(put.headers.get('allow')).toBe('GET, POST, HEAD');
  expect(await expectJsonError(put, 405, 'METHOD_NOT_ALLOWED')).toMatch(/"PUT" is not allowed here: use GET or POST/);
  const health = await fetch(`${base}/healthz`, { method: 'DELETE' });
  expect(health.headers.get('allow')).toBe('GET, HEAD');
  await expectJsonError(health, 405, 'METHOD_NOT_ALLOWED');
});

it('answers a bad content-encoding with 415, echoing it only cut short', async () => {
  const message = await expectJsonError(await post({ 'content-encoding': 'zstd' }, '{}'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  expect(message).toBe('Content-Encoding "zstd" is not supported: send identity, gzip, deflate or br.');
  const long = await expectJsonError(await post({ 'content-encoding': 'y'.repeat(300) }, '{}'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  expect(long.length).toBeLessThan(150);
});

it('reads a gzip body, and refuses a broken one with 400', async () => {
  const good = await post({ 'content-encoding': 'gzip' }, gzipSync(JSON.stringify({ query: '{ newsletters { slug } }' })));
  expect(good.status).toBe(200);
  expect(((await good.json()) as any).data).toEqual({ newsletters: [] });
  await expectJsonError(await post({ 'content-encoding': 'gzip' }, Buffer.from('not gzip at all')), 400, 'BAD_REQUEST');
});

it('answers an unsupported charset with 415', async () => {
  const response = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'application/json; charset=ebcdic' }, body: '{}' });
  await expectJsonError(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
});

it('answers bad JSON with 400 BAD_REQUEST and a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
  await expectJsonError(await post({}, '{"query": '), 400, 'BAD_REQUEST');
  const huge = JSON.stringify({ query: '{ tags { slug } }', variables: { pad: 'x'.repeat(6 * 1024 * 1024) } });
  expect(await expectJsonError(await post({}, huge), 413, 'PAYLOAD_TOO_LARGE')).toMatch(/too large: the limit is 5mb/);
});

it('answers malformed HTTP with 400 in JSON', async () => {
  const answer = await raw(['GET /graphql HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n']);
  expect(answer).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
  expect(bodyOf(answer).errors[0].extensions.code).toBe('BAD_REQUEST');
});

it('answers headers too large with 431 in JSON', async () => {
  const answer = await raw([`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20000)}\r\n\r\n`]);
  expect(answer).toMatch(/^HTTP\/1\.1 431 /);
  expect(bodyOf(answer).errors[0].extensions.code).toBe('REQUEST_HEADER_FIELDS_TOO_LARGE');
});

it('answers a client that never finishes its headers with 408 REQUEST_TIMEOUT', async () => {
  const answer = await raw(['POST /graphql HTTP/1.1\r\nHost: x\r\n']);
  expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  expect(bodyOf(answer).errors[0].extensions.code).toBe('REQUEST_TIMEOUT');
});

it('answers a client that never finishes its body with 408 REQUEST_TIMEOUT', async () => {
  const answer = await raw(['POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":']);
  expect(answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  expect(bodyOf(answer).errors[0].extensions.code).toBe('REQUEST_TIMEOUT');
});

it('echoes a bad cursor only cut short', async () => {
  const cursor = 'A'.repeat(500);
  const response = await h.gql(`query($after: String) { issues(after: $after) { totalCount } }`, { after: cursor });
  const [error] = response.errors ?? [];
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error.message).toMatch(/^Malformed cursor "A{63}…" \(500 characters\): /);
});

it('echoes a variable graphql-js refuses only cut short', async () => {
  const response = await h.gql(`query($first: Int) { issues(first: $first) { totalCount } }`, { first: 'z'.repeat(100000) });
  const [error] = response.errors ?? [];
  expect(error.extensions?.code).toBe('BAD_USER_INPUT');
  expect(error.message.length).toBeLessThan(300);
  expect(error.message).toContain('(100000 characters)');
});

it('keeps /healthz free of the database and /readyz reporting each check', async () => {
  const health = await fetch(`${base}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toEqual({ status: 'ok' });
  const ready = await fetch(`${base}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({
    status: 'ready',
    checks: {
      database: { ok: true, ms: expect.any(Number) },
      migrations: { ok: true, pending: [] },
      pool: { ok: true, size: 4, open: expect.any(Number), idle: expect.any(Number), waiting: 0 },
    },
  });
});

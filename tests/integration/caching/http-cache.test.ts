import { createHash } from 'node:crypto';
import { Role } from '../../../src/modules/api-key/role';
import { Factory } from '../../support/factories';
import { Harness } from '../../support/harness';
import { send, startCachingHarness } from '../../support/http-cache';

const NEWSLETTERS = `{ newsletters { slug name } }`;
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let h: Harness;
let partner: string;

beforeAll(async () => {
  h = await startCachingHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  await f.issue(ai, { date: '2025-03-01', sections: [{ title: 'Headlines', links: [{}] }] });
  partner = await h.key(Role.PARTNER);
});

afterAll(() => h.close());

describe('GET', () => {
  it('answers a query sent as parameters with the preflight header, sharing the POST answer', async () => {
    const post = await send(h, NEWSLETTERS);
    const get = await send(h, NEWSLETTERS, { method: 'GET' });
    expect([get.status, get.cache]).toEqual([200, 'HIT']);
    expect(get.text).toBe(post.text);
    expect(get.body.data.newsletters).toEqual([{ slug: 'ai', name: 'Test ai' }]);
    expect(get.headers.get('cache-control')).toBe('public, max-age=15');
    expect(get.headers.get('vary')).toBe('Accept, Accept-Encoding, Authorization');
  });

  it('answers 304 without a body when If-None-Match names the current ETag, and 200 when it does not', async () => {
    const first = await send(h, NEWSLETTERS, { method: 'GET' });
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const revalidated = await send(h, NEWSLETTERS, { method: 'GET', headers: { 'if-none-match': etag } });
    expect([revalidated.status, revalidated.text, revalidated.headers.get('etag')]).toEqual([304, '', etag]);
    expect(revalidated.headers.get('cache-control')).toBe('public, max-age=15');
    const weak = await send(h, NEWSLETTERS, { method: 'GET', headers: { 'if-none-match': `"other", W/${etag}` } });
    expect(weak.status).toBe(304);
    const stale = await send(h, NEWSLETTERS, { method: 'GET', headers: { 'if-none-match': '"not-it"' } });
    expect([stale.status, stale.text]).toEqual([200, first.text]);
  });

  it('sends a large answer gzipped to clients that take gzip, under an ETag of its own, and as it is to others', async () => {
    const large = `{ __schema { types { name kind } } }`;
    const plain = await send(h, large, { method: 'GET', headers: { 'accept-encoding': 'identity' } });
    const zipped = await send(h, large, { method: 'GET', headers: { 'accept-encoding': 'br;q=1, gzip;q=0.8' } });
    expect(plain.text.length).toBeGreaterThan(1024);
    expect([plain.headers.get('content-encoding'), zipped.headers.get('content-encoding')]).toEqual([null, 'gzip']);
    // fetch inflates what it receives.
    expect(zipped.text).toBe(plain.text);
    expect(zipped.headers.get('etag')).toBe(plain.headers.get('etag')!.replace(/"$/, '-gzip"'));
    const refused = await send(h, large, { method: 'GET', headers: { 'accept-encoding': 'gzip;q=0' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
    // Either representation's ETag says the client's copy is current.
    const revalidated = await send(h, large, { method: 'GET', headers: { 'accept-encoding': 'gzip', 'if-none-match': plain.headers.get('etag')! } });
    expect([revalidated.status, revalidated.headers.get('etag')]).toEqual([304, plain.headers.get('etag')]);
  });

  it('gives a partner key a private answer that its browser revalidates', async () => {
    const first = await send(h, NEWSLETTERS, { method: 'GET', token: partner });
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await send(h, NEWSLETTERS, { method: 'GET', token: partner, headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
  });

  it('sends ETags even with the server cache off, and never for mutations', async () => {
    const off = await startCachingHarness({ config: { responseCache: { maxBytes: 0, ttlS: 300, httpMaxAgeS: 15 } } });
    try {
      const first = await send(off, NEWSLETTERS, { method: 'GET' });
      expect([first.status, first.cache, first.headers.get('cache-control')]).toEqual([200, null, 'public, max-age=15']);
      const again = await send(off, NEWSLETTERS, { method: 'GET', headers: { 'if-none-match': first.headers.get('etag')! } });
      expect(again.status).toBe(304);
    } finally {
      await off.close();
    }
    const mutation = await send(h, `mutation { createTag(input: { slug: "x", name: "X" }) { slug } }`);
    expect([mutation.headers.get('cache-control'), mutation.headers.get('etag')]).toEqual(['no-store', null]);
  });

  it('refuses a mutation sent by GET', async () => {
    const answer = await send(h, `mutation { createTag(input: { slug: "x", name: "X" }) { slug } }`, { method: 'GET' });
    expect(answer.status).toBe(405);
  });
});

describe("Apollo's CSRF prevention stays on", () => {
  it('refuses a simple GET (no preflight header, no JSON content type) even when its answer is cached', async () => {
    expect((await send(h, NEWSLETTERS, { method: 'GET' })).cache).toBe('HIT');
    const simple = await send(h, NEWSLETTERS, { method: 'GET', preflight: false });
    expect(simple.status).toBe(400);
    expect(simple.body.errors[0].message).toMatch(/Cross-Site Request Forgery/);
    expect(simple.body.data).toBeUndefined();
    expect(simple.headers.get('cache-control')).toBe('no-store');
  });

  it('lets a GET through with x-apollo-operation-name instead', async () => {
    const named = await send(h, `query Newsletters ${NEWSLETTERS}`, { method: 'GET', preflight: false, headers: { 'x-apollo-operation-name': 'Newsletters' } });
    expect(named.status).toBe(200);
  });

  it('refuses a POST sent as a simple form', async () => {
    const response = await fetch(h.url, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: NEWSLETTERS }) });
    expect(response.status).toBe(400);
  });
});

describe('automatic persisted queries', () => {
  const QUERY = `{ newsletters { slug } }`;
  const hash = sha256(QUERY);

  it('round trip: an unknown hash, the query registered with it, then the hash alone by GET, cached', async () => {
    const miss = await send(h, null, { method: 'GET', persisted: hash });
    expect(miss.status).toBe(200);
    expect(miss.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    // Never kept by any cache: the client retries with the query, and a kept miss would loop.
    expect(miss.headers.get('cache-control')).toBe('no-store');
    const registered = await send(h, QUERY, { persisted: hash });
    expect(registered.body.data.newsletters).toEqual([{ slug: 'ai' }]);
    const byHash = await send(h, null, { method: 'GET', persisted: hash });
    expect([byHash.status, byHash.cache, byHash.body.data]).toEqual([200, 'MISS', registered.body.data]);
    const again = await send(h, null, { method: 'GET', persisted: hash });
    expect([again.cache, again.text]).toEqual(['HIT', byHash.text]);
    // The query sent in full is the same entry.
    expect((await send(h, QUERY)).cache).toBe('HIT');
  });

  it('refuses a hash that does not match the query sent with it', async () => {
    const wrong = await send(h, QUERY, { persisted: sha256('{ tags { slug } }') });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0]).toEqual({
      message: 'extensions.persistedQuery.sha256Hash does not match the query sent with it.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });
});

import { MemoryResponseCache } from '../../src/cache/memory-response-cache';
import type { CachedAnswer } from '../../src/cache/response-cache';

let now = 1_000_000;
const clock = () => now;

function answer(bytes: number, expiresIn = 60_000): CachedAnswer {
  return {
    body: Buffer.alloc(bytes, 'x'),
    contentType: 'application/json',
    etag: '"e"',
    gzipped: null,
    gzipEtag: null,
    cost: 5,
    operation: null,
    expiresAt: now + expiresIn,
    publicUntil: null,
  };
}

describe('MemoryResponseCache', () => {
  it('returns what it stored until it expires', async () => {
    const cache = new MemoryResponseCache(1_000_000, clock);
    await cache.set('a', answer(100, 1000), await cache.generation());
    expect((await cache.get('a'))?.cost).toBe(5);
    now += 1000;
    expect(await cache.get('a')).toBeUndefined();
    expect(cache.usage).toEqual({ entries: 0, bytes: 0 });
  });

  it('stores nothing read before a purge', async () => {
    const cache = new MemoryResponseCache(1_000_000, clock);
    const before = await cache.generation();
    await cache.purge();
    await cache.set('a', answer(100), before);
    expect(await cache.get('a')).toBeUndefined();
    await cache.set('a', answer(100), await cache.generation());
    expect(await cache.get('a')).toBeDefined();
  });

  it('holds no more bytes than its bound, dropping the least recently used first', async () => {
    const cache = new MemoryResponseCache(100_000, clock);
    const generation = await cache.generation();
    for (const key of ['a', 'b', 'c', 'd']) await cache.set(key, answer(10_000), generation);
    await cache.get('a');
    for (const key of ['e', 'f', 'g', 'h', 'i', 'j']) await cache.set(key, answer(10_000), generation);
    expect(cache.usage.bytes).toBeLessThanOrEqual(100_000);
    expect(await cache.get('a')).toBeDefined();
    expect(await cache.get('b')).toBeUndefined();
    expect(await cache.get('j')).toBeDefined();
  });

  it('keeps no answer larger than an eighth of its bound', async () => {
    const cache = new MemoryResponseCache(80_000, clock);
    await cache.set('big', answer(20_000), await cache.generation());
    expect(await cache.get('big')).toBeUndefined();
  });

  it('keeps its own copy of bytes sliced from a shared pool, so an entry holds no more than it counts', async () => {
    const cache = new MemoryResponseCache(1_000_000, clock);
    const pooled = Buffer.from('{"data":{"issue":null}}');
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length);
    await cache.set('a', { ...answer(0), body: pooled, gzipped: pooled.subarray(2) }, await cache.generation());
    const kept = await cache.get('a');
    expect(kept?.body.equals(pooled)).toBe(true);
    expect(kept?.body.buffer.byteLength).toBe(pooled.length);
    expect(kept?.gzipped?.buffer.byteLength).toBe(pooled.length - 2);
  });
});

import { loadConfig } from '../../src/config';
import { ConfigError } from '../../src/config.read';
import { clientPartitionOf } from '../../src/limits/client-address';
import { limitField, policyField } from '../../src/limits/quota';
import { MemoryQuotaStore } from '../../src/limits/quota.store';

const POLICY = { capacity: 100, refillPerSecond: 10 };

function storeWithClock(options: { maxBuckets?: number } = {}) {
  const clock = { now: 0 };
  const store = new MemoryQuotaStore({ ...options, clock: () => clock.now });
  return { store, advance: (seconds: number) => (clock.now += seconds * 1000) };
}

describe('MemoryQuotaStore', () => {
  it('takes while the bucket holds the cost, then refuses without taking, with the seconds until it would', async () => {
    const { store } = storeWithClock();
    expect(await store.take('k', 60, POLICY)).toEqual({ allowed: true, remaining: 40, retryAfterSeconds: 0, fullInSeconds: 6 });
    expect(await store.take('k', 60, POLICY)).toEqual({ allowed: false, remaining: 40, retryAfterSeconds: 2, fullInSeconds: 6 });
    expect(await store.take('k', 40, POLICY)).toMatchObject({ allowed: true, remaining: 0, fullInSeconds: 10 });
  });

  it('refills at its rate, never past its capacity', async () => {
    const { store, advance } = storeWithClock();
    await store.take('k', 100, POLICY);
    advance(2.5);
    expect(await store.take('k', 0, POLICY)).toMatchObject({ allowed: true, remaining: 25 });
    advance(3600);
    expect(await store.take('k', 0, POLICY)).toMatchObject({ remaining: 100, fullInSeconds: 0 });
  });

  it('computes the retry for `retryFor` units, and gives units back up to the capacity', async () => {
    const { store } = storeWithClock();
    await store.take('k', 90, POLICY);
    expect(await store.take('k', 49, POLICY, 50)).toMatchObject({ allowed: false, retryAfterSeconds: 4 });
    expect(await store.take('k', -30, POLICY)).toMatchObject({ allowed: true, remaining: 40 });
    expect(await store.take('k', -1000, POLICY)).toMatchObject({ remaining: 100 });
  });

  it('keeps no bucket for a caller that only looks or has refilled', async () => {
    const { store, advance } = storeWithClock();
    await store.take('looker', 0, POLICY);
    expect(store.size).toBe(0);
    for (let i = 0; i < 10; i += 1) await store.take(`idle-${i}`, 5, POLICY);
    expect(store.size).toBe(10);
    advance(1);
    // Each take drops up to two buckets that have refilled, oldest first.
    for (let i = 0; i < 5; i += 1) await store.take('busy', 1, POLICY);
    expect(store.size).toBe(1);
  });

  it('holds at most maxBuckets however many callers come, forgetting the least recently used', async () => {
    const { store } = storeWithClock({ maxBuckets: 100 });
    for (let i = 0; i < 10_000; i += 1) await store.take(`address-${i}`, 1, POLICY);
    expect(store.size).toBe(100);
    expect(await store.take('address-9999', 0, POLICY)).toMatchObject({ remaining: 99 });
    expect(await store.take('address-0', 0, POLICY)).toMatchObject({ remaining: 100 });
  });
});

describe('RateLimit fields (draft-ietf-httpapi-ratelimit-headers-10)', () => {
  const partition = { key: 'address:10.0.0.1', policy: 'public', bucket: { capacity: 1_000_000, refillPerSecond: 50_000 } };

  it('RateLimit-Policy: the quota in cost units and the window in which it refills', () => {
    expect(policyField(partition)).toBe('"public";q=1000000;w=20');
  });

  it('RateLimit: what is left and when the bucket is full; on a refusal, when the request could pass', () => {
    expect(limitField(partition, { allowed: true, remaining: 848_000, retryAfterSeconds: 0, fullInSeconds: 4 })).toBe(
      '"public";r=848000;t=4',
    );
    expect(limitField(partition, { allowed: false, remaining: 1_000, retryAfterSeconds: 3, fullInSeconds: 20 })).toBe(
      '"public";r=1000;t=3',
    );
  });
});

describe('clientPartitionOf', () => {
  it.each([
    ['203.0.113.9', '203.0.113.9'],
    ['::ffff:203.0.113.9', '203.0.113.9'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:0db8:0000:0000:ffff::1', '2001:db8:0:0::/64'],
    ['2001:db8:0:1::1', '2001:db8:0:1::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['64:ff9b::192.0.2.33', '64:ff9b:0:0::/64'],
    [undefined, 'unknown'],
    ['not an address', 'unknown'],
  ])('%p is kept under %p', (address, partition) => {
    expect(clientPartitionOf(address)).toBe(partition);
  });
});

describe('quota, proxy and heavy query settings', () => {
  it('reads bucket sizes and refill rates per caller, the bucket limit and the heavy lane', () => {
    const config = loadConfig({
      QUOTAS_ENABLED: 'false',
      QUOTA_MAX_BUCKETS: '5000',
      QUOTA_PUBLIC_CAPACITY: '300000',
      QUOTA_PUBLIC_REFILL: '1000',
      QUOTA_ADMIN_REFILL: '7',
      HEAVY_QUERY_COST: '5000',
      HEAVY_QUERY_CONCURRENCY: '2',
      HEAVY_QUERY_MAX_WAIT_MS: '2500',
    });
    expect(config.quotas.enabled).toBe(false);
    expect(config.quotas.maxBuckets).toBe(5000);
    expect(config.quotas.buckets.PUBLIC).toEqual({ capacity: 300_000, refillPerSecond: 1000 });
    expect(config.quotas.buckets.ADMIN.refillPerSecond).toBe(7);
    expect(config.heavyQueries).toEqual({ heavyCost: 5000, concurrency: 2, maxWaitMs: 2500 });
  });

  it.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['0', false],
    ['1', 1],
    ['3', 3],
    ['loopback', ['loopback']],
    ['10.0.0.0/8, 192.168.1.7,uniquelocal', ['10.0.0.0/8', '192.168.1.7', 'uniquelocal']],
    ['2001:db8::/32', ['2001:db8::/32']],
  ])('TRUST_PROXY=%p is %p', (value, expected) => {
    expect(loadConfig({ TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it.each([
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY=true would let any client choose its address/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /"10.0.0.0\/33" is none of these/],
    [{ TRUST_PROXY: 'my-proxy.internal' }, /TRUST_PROXY must be a number of proxies/],
    [{ TRUST_PROXY: '99' }, /TRUST_PROXY must be a whole number from 1 to 20/],
    [{ QUOTA_PUBLIC_CAPACITY: '1000' }, /QUOTA_PUBLIC_CAPACITY must be at least COST_BUDGET_PUBLIC \(200000\)/],
    [{ QUOTA_EDITOR_REFILL: '0' }, /QUOTA_EDITOR_REFILL must be a whole number from 1/],
    [{ QUOTAS_ENABLED: 'sometimes' }, /QUOTAS_ENABLED must be true or false/],
    [{ QUOTA_MAX_BUCKETS: '10' }, /QUOTA_MAX_BUCKETS/],
    [{ HEAVY_QUERY_CONCURRENCY: '0' }, /HEAVY_QUERY_CONCURRENCY must be a whole number from 1/],
    [{ HEAVY_QUERY_MAX_WAIT_MS: 'soon' }, /HEAVY_QUERY_MAX_WAIT_MS/],
  ])('refuses %p', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

import { loadConfig } from '../../src/config';
import { MemoryQuotaStore } from '../../src/limits/quota.store';
import { ITEMS_PER_TURN } from '../../src/limits/turns';
import { Factory } from '../support/factories';
import { Harness, startHarness } from '../support/harness';

/** 10 issues with their links: 1,011 (src/limits/cost.table.ts), heavy here. */
const HEAVY = '{ issues(first: 10) { edges { node { links { title } } } } }';
const HEAVY_COST = 1011;
const LIGHT = '{ newsletters { slug } }';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({
    config: {
      trustProxy: ['loopback'],
      heavyQueries: { heavyCost: 1000, concurrency: 1, maxWaitMs: 300 },
    },
    // Buckets on a clock that stands still, so what is left depends on what was spent only.
    parts: { quotaStore: new MemoryQuotaStore({ clock: () => 0 }) },
  });
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  // Enough links for a page to be handed out over several turns of the event loop.
  const links = Array.from({ length: ITEMS_PER_TURN }, (_, i) => ({ tags: [i % 2 ? 'llm' : 'security'] }));
  for (let day = 1; day <= 3; day += 1) {
    await f.issue(ai, { date: `2025-05-0${day}`, sections: [{ title: 'Headlines', links }] });
  }
});

afterAll(() => h?.close());

async function send(query: string, from: string) {
  const response = await fetch(h.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': from },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

/** Polls (generous ceiling) until a statement of this database waits on a lock. */
async function untilBlockedOnLock(): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const [{ n }] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no statement ever waited on the lock');
}

it('one heavy request runs at a time; one that waits its longest gets 503 SERVER_BUSY, its cost given back; light ones never wait', async () => {
  const capacity = loadConfig({}).quotas.buckets.PUBLIC.capacity;
  // The first heavy request takes the lane, then waits on a lock we hold: it keeps its turn as long as we want.
  const lock = h.dataSource.createQueryRunner();
  await lock.connect();
  await lock.startTransaction();
  try {
    await lock.query('LOCK TABLE link IN ACCESS EXCLUSIVE MODE');
    const first = send(HEAVY, '10.20.0.1');
    await untilBlockedOnLock();

    const light = await send(LIGHT, '10.20.0.2');
    expect(light.status).toBe(200);

    const busy = await send(HEAVY, '10.20.0.3');
    expect(busy.status).toBe(503);
    expect(busy.body.data).toBeUndefined();
    expect(busy.body.errors).toHaveLength(1);
    expect(busy.body.errors[0].extensions).toEqual({ code: 'SERVER_BUSY', retryAfter: 1 });
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(busy.body.extensions.cost.requested).toBe(HEAVY_COST);
    // Only the admission (1) is spent: the cost of what never ran was given back.
    expect(busy.headers.get('ratelimit')).toBe(`"public";r=${capacity - 1};t=1`);

    await lock.commitTransaction();
    const done = await first;
    expect(done.status).toBe(200);
    expect(done.body.data.issues.edges).toHaveLength(3);
  } finally {
    if (lock.isTransactionActive) await lock.rollbackTransaction();
    await lock.release();
  }
  // The lane is free again.
  expect((await send(HEAVY, '10.20.0.3')).status).toBe(200);
});

it('handing a large page out over several turns runs the same statements as a small page', async () => {
  const query = (first: number) => `{ issues(first: ${first}) { edges { node { sections { links { title tags { slug } } } } } } }`;
  const statementsFor = async (first: number) => {
    h.statements.reset();
    const { status, body } = await send(query(first), '10.20.0.4');
    expect(status).toBe(200);
    expect(body.data.issues.edges).toHaveLength(first);
    return h.statements.count;
  };
  // 3 issues hold 3 × ITEMS_PER_TURN links: their tags arrive in slices and are still asked for in one statement.
  expect(await statementsFor(3)).toBe(await statementsFor(1));
});

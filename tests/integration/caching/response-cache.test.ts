import fs from 'node:fs';
import path from 'node:path';
import { createDataSource } from '../../../src/db/data-source';
import type { DataSource } from 'typeorm';
import { Importer } from '../../../src/import/importer';
import { retagArchive } from '../../../src/import/retag';
import { MemoryQuotaStore } from '../../../src/limits/quota.store';
import { Role } from '../../../src/modules/api-key/role';
import { IssueStatus } from '../../../src/modules/issue/issue-status';
import { IssueScheduler } from '../../../src/modules/issue/issue.scheduler';
import type { Newsletter } from '../../../src/modules/newsletter/newsletter.entity';
import { Factory } from '../../support/factories';
import { ADMIN_TOKEN, Harness, TEST_ACTOR } from '../../support/harness';
import { send, startCachingHarness } from '../../support/http-cache';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'issues', 'tldr-ai-2024-01-02.md'), 'utf8');
const ISSUES = `query($first: Int) { issues(first: $first) { totalCount edges { node { date headline newsletter { slug } } } } }`;
const ONE = `query($date: Date!) { issue(newsletter: "ai", date: $date) { headline version } }`;

/** The quota store's clock: frozen, so a bucket only changes by what requests take. */
const now = 1_700_000_000_000;

let h: Harness;
let editor: string;
const scoped: Record<string, string> = {};

async function partnerKey(name: string, scope: { newsletters?: string[] } | null): Promise<string> {
  const input = { name, role: Role.PARTNER, scope };
  const response = await h.gql(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`, { input }, ADMIN_TOKEN);
  expect(response.errors).toBeUndefined();
  return response.data!.createApiKey.secret;
}

beforeAll(async () => {
  h = await startCachingHarness({ parts: { quotaStore: new MemoryQuotaStore({ clock: () => now }) } });
  const f = new Factory(h.dataSource);
  const [ai, devops] = [await f.newsletter('ai'), await f.newsletter('devops')];
  for (const day of ['01', '02', '03']) {
    await f.issue(ai, { date: `2025-03-${day}`, sections: [{ title: 'Headlines', links: [{ tags: ['llm'] }] }] });
    await f.issue(devops, { date: `2025-03-${day}`, sections: [{ title: 'Headlines', links: [{ tags: ['k8s'] }] }] });
  }
  editor = await h.key(Role.EDITOR);
  scoped.ai = await partnerKey('ai only', { newsletters: ['ai'] });
  scoped.aiAgain = await partnerKey('ai only, another key', { newsletters: ['ai'] });
  scoped.devops = await partnerKey('devops only', { newsletters: ['devops'] });
  scoped.all = await partnerKey('unscoped', null);
});

afterAll(() => h.close());

/** Asks twice; returns both answers. */
async function twice(query: string, options: Parameters<typeof send>[2] = {}) {
  return [await send(h, query, options), await send(h, query, options)];
}

describe('public reads', () => {
  it('are answered from the cache the second time, byte for byte, without SQL', async () => {
    const [first, second] = await twice(ISSUES, { variables: { first: 2 } });
    expect([first.status, first.cache, second.status, second.cache]).toEqual([200, 'MISS', 200, 'HIT']);
    expect(second.text).toBe(first.text);
    expect(second.statements).toBe(0);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(first.headers.get('cache-control')).toBe('public, max-age=15');
  });

  it('keep apart different variables and operation texts', async () => {
    const [one, two] = [await send(h, ISSUES, { variables: { first: 1 } }), await send(h, ISSUES, { variables: { first: 3 } })];
    expect(one.body.data.issues.edges).toHaveLength(1);
    expect(two.body.data.issues.edges).toHaveLength(3);
  });

  it('are not cached with errors', async () => {
    const [first, second] = await twice(ONE, { variables: { date: '2025-02-30' } });
    expect(first.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect([first.cache, second.cache]).toEqual(['BYPASS', 'BYPASS']);
    expect(first.headers.get('cache-control')).toBe('no-store');
  });
});

describe('partitions', () => {
  it('partner scopes never mix with each other, with the public or with unscoped keys; equal scopes share', async () => {
    const slugs = (answer: { body: any }) => [...new Set(answer.body.data.issues.edges.map((edge: any) => edge.node.newsletter.slug))];
    const [pub] = await twice(ISSUES, { variables: { first: 20 } });
    const [ai, aiHit] = await twice(ISSUES, { variables: { first: 20 }, token: scoped.ai });
    const [devops, devopsHit] = await twice(ISSUES, { variables: { first: 20 }, token: scoped.devops });
    const [all, allHit] = await twice(ISSUES, { variables: { first: 20 }, token: scoped.all });
    expect(slugs(pub).sort()).toEqual(['ai', 'devops']);
    expect([slugs(ai), slugs(aiHit), slugs(devops), slugs(devopsHit)]).toEqual([['ai'], ['ai'], ['devops'], ['devops']]);
    expect(slugs(all).sort()).toEqual(['ai', 'devops']);
    // The partner budget, not the public one, is in the unscoped partner's answer.
    expect([pub.body.extensions.cost.limit, all.body.extensions.cost.limit, allHit.body.extensions.cost.limit]).toEqual([200000, 500000, 500000]);
    expect([ai.cache, aiHit.cache, devops.cache, devopsHit.cache, all.cache, allHit.cache]).toEqual(['MISS', 'HIT', 'MISS', 'HIT', 'MISS', 'HIT']);
    const otherKey = await send(h, ISSUES, { variables: { first: 20 }, token: scoped.aiAgain });
    expect([otherKey.cache, otherKey.text]).toEqual(['HIT', ai.text]);
    expect(ai.headers.get('cache-control')).toBe('private, no-cache');
  });

  it('editors and admins are never cached, previews included', async () => {
    for (const token of [editor, ADMIN_TOKEN]) {
      const [first, second] = await twice(ISSUES, { variables: { first: 2 }, token });
      expect([first.cache, second.cache]).toEqual(['BYPASS', 'BYPASS']);
      expect(second.headers.get('cache-control')).toBe('no-store');
      expect(second.headers.get('etag')).toBeNull();
    }
    const preview = `{ issue(newsletter: "ai", date: "2025-03-01", preview: true) { status } }`;
    const [first, second] = await twice(preview, { token: editor });
    expect([first.body.data.issue.status, first.cache, second.cache]).toEqual(['PUBLISHED', 'BYPASS', 'BYPASS']);
  });
});

describe('quota', () => {
  const remaining = (answer: { headers: Headers }) => Number(/;r=(\d+);/.exec(answer.headers.get('ratelimit') ?? '')![1]);

  it('a hit spends what its request cost, as a run does', async () => {
    const query = `{ tags { slug } newsletters { slug } }`;
    const [run, hit, again] = [await send(h, query, { token: scoped.devops }), await send(h, query, { token: scoped.devops }), await send(h, query, { token: scoped.devops })];
    expect([run.cache, hit.cache, again.cache]).toEqual(['MISS', 'HIT', 'HIT']);
    const cost = run.body.extensions.cost.requested;
    expect(cost).toBeGreaterThan(1);
    expect(remaining(run) - remaining(hit)).toBe(cost);
    expect(remaining(hit) - remaining(again)).toBe(cost);
  });
});

describe('no read after a write is stale', () => {
  it('an edit mutation purges before it answers', async () => {
    const before = await send(h, ONE, { variables: { date: '2025-03-02' } });
    expect((await send(h, ONE, { variables: { date: '2025-03-02' } })).cache).toBe('HIT');
    const [{ id }] = await h.dataSource.query(`SELECT i.id FROM issue i JOIN newsletter n ON n.id = i.newsletter_id WHERE n.slug = 'ai' AND i.date = '2025-03-02'`);
    const update = `mutation($input: UpdateIssueInput!) { updateIssue(input: $input) { version } }`;
    const edited = await send(h, update, { token: editor, variables: { input: { id: String(id), expectedVersion: before.body.data.issue.version, headline: 'Edited' } } });
    expect(edited.body.errors).toBeUndefined();
    expect(edited.headers.get('cache-control')).toBe('no-store');
    const after = await send(h, ONE, { variables: { date: '2025-03-02' } });
    expect([after.cache, after.body.data.issue.headline]).toEqual(['MISS', 'Edited']);
  });

  it('the importIssue mutation purges before it answers', async () => {
    const count = async () => (await send(h, ISSUES, { variables: { first: 1 } })).body.data.issues.totalCount;
    const before = await count();
    expect((await send(h, ISSUES, { variables: { first: 1 } })).cache).toBe('HIT');
    const imported = await send(h, `mutation($input: ImportIssueInput!) { importIssue(input: $input) { status } }`, {
      token: editor,
      variables: { input: { markdown: FIXTURE.replace('2024-01-02', '2025-04-01') } },
    });
    expect(imported.body.data.importIssue.status).toBe('CREATED');
    expect(await count()).toBe(before + 1);
  });

  it('the scheduler publishing a due issue purges', async () => {
    const f = new Factory(h.dataSource);
    const [ai] = await h.dataSource.query(`SELECT id, slug FROM newsletter WHERE slug = 'ai'`);
    const issue = await f.issue(ai as Newsletter, { date: '2025-05-01', status: IssueStatus.SCHEDULED, sections: [{ title: 'Later', links: [{}] }] });
    // Due now; still SCHEDULED, so the public's answer stays right until the scheduler runs.
    await h.dataSource.query(`UPDATE issue SET publish_at = now() - interval '1 minute' WHERE id = $1`, [issue.id]);
    const ask = () => send(h, ONE, { variables: { date: '2025-05-01' } });
    expect((await ask()).body.data.issue).toBeNull();
    expect((await ask()).cache).toBe('HIT');
    const published = await new IssueScheduler(h.dataSource, { intervalMs: 60_000, log: () => undefined }).runOnce();
    expect(published.map((row) => row.id)).toEqual([issue.id]);
    const after = await ask();
    expect([after.cache, after.body.data.issue?.headline]).toEqual(['MISS', 'Headline of ai 2025-05-01']);
  });

  /** Runs `write` through a pool of its own, as another process would, and polls `read` until it changes (NOTIFY is asynchronous). */
  async function fromAnotherProcess<T>(read: () => Promise<T>, write: (other: DataSource) => Promise<void>): Promise<{ before: T; after: T }> {
    const other = createDataSource({ url: (h.dataSource.options as { url: string }).url, poolSize: 1 });
    await other.initialize();
    try {
      const before = await read();
      await read();
      await write(other);
      const deadline = Date.now() + 20_000;
      let after = await read();
      while (JSON.stringify(after) === JSON.stringify(before) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        after = await read();
      }
      return { before, after };
    } finally {
      await other.destroy();
    }
  }

  it('a write made by another process (the import command) reaches the cache through NOTIFY', async () => {
    const count = async () => (await send(h, ISSUES, { variables: { first: 2 } })).body.data.issues.totalCount as number;
    const { before, after } = await fromAnotherProcess(count, async (other) => {
      expect((await send(h, ISSUES, { variables: { first: 2 } })).cache).toBe('HIT');
      const outcome = await new Importer(other).import({ text: FIXTURE.replace('2024-01-02', '2025-04-02'), actor: TEST_ACTOR });
      expect(outcome.status).toBe('CREATED');
    });
    expect(after).toBe(before + 1);
  });

  it('so does one made by the retag command (runEdit in another process)', async () => {
    const tags = async () => (await send(h, `{ tags { slug linkCount } }`)).body.data.tags as Array<{ slug: string }>;
    const { before, after } = await fromAnotherProcess(tags, async (other) => {
      const summary = await retagArchive(other, TEST_ACTOR);
      expect(summary.changed).toBeGreaterThan(0);
    });
    expect(before.map((tag) => tag.slug)).toContain('k8s');
    expect(after.map((tag) => tag.slug)).not.toContain('k8s');
  });
});

describe('scheduled issues appear on time', () => {
  it('public answers are kept by browsers and CDNs no longer than until the next scheduled publication', async () => {
    const create = await send(h, `mutation { createIssue(input: { newsletter: "devops", date: "2025-06-01", headline: "Soon" }) { id version } }`, { token: editor });
    const { id, version } = create.body.data.createIssue;
    const at = new Date(Date.now() + 8000).toISOString();
    const scheduled = await send(h, `mutation($input: ScheduleIssueInput!) { scheduleIssue(input: $input) { status } }`, {
      token: editor,
      variables: { input: { id, expectedVersion: version, publishAt: at } },
    });
    expect(scheduled.body.data.scheduleIssue.status).toBe('SCHEDULED');
    const answer = await send(h, ISSUES, { variables: { first: 4 } });
    const maxAge = /max-age=(\d+)/.exec(answer.headers.get('cache-control') ?? '');
    // 8 s ahead (less the time taken since): never the configured 15 s.
    expect(answer.headers.get('cache-control') === 'public, no-cache' || Number(maxAge?.[1]) <= 8).toBe(true);
    await h.dataSource.query(`DELETE FROM issue WHERE id = $1`, [id]);
  });
});

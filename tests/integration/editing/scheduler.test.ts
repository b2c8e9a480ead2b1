import { createDataSource } from '../../../src/db/data-source';
import { Role } from '../../../src/modules/api-key/role';
import { IssueStatus } from '../../../src/modules/issue/issue-status';
import { IssueScheduler } from '../../../src/modules/issue/issue.scheduler';
import { Newsletter } from '../../../src/modules/newsletter/newsletter.entity';
import { Factory } from '../../support/factories';
import { Harness, startHarness } from '../../support/harness';

const CREATE = `mutation($input: CreateIssueInput!) { createIssue(input: $input) { id version } }`;
const SCHEDULE = `mutation($input: ScheduleIssueInput!) { scheduleIssue(input: $input) { id version publishAt } }`;
const PUBLIC_ISSUE = `query($date: Date!) { issue(newsletter: "ai", date: $date) { id status version publishAt publishedAt } }`;

let h: Harness;
let f: Factory;
let ai: Newsletter;
let editor: string;
const schedulers: IssueScheduler[] = [];

beforeAll(async () => {
  h = await startHarness();
  f = new Factory(h.dataSource);
  ai = await f.newsletter('ai');
  editor = await h.key(Role.EDITOR);
});

afterEach(async () => {
  await Promise.all(schedulers.splice(0).map((scheduler) => scheduler.stop()));
});

afterAll(() => h.close());

/** The URL of this file's database, for a second pool standing in for a second API process. */
const databaseUrl = () => (h.dataSource.options as { url: string }).url;

function scheduler(options: { intervalMs: number; batchSize?: number; dataSource?: typeof h.dataSource }, log: string[] = []) {
  const created = new IssueScheduler(options.dataSource ?? h.dataSource, { ...options, log: (line) => log.push(line) });
  schedulers.push(created);
  return created;
}

/** Polls `check` until it returns a value, failing after `ceilingMs`. */
async function eventually<T>(check: () => Promise<T | null | undefined>, ceilingMs = 30_000): Promise<T> {
  const deadline = Date.now() + ceilingMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`still waiting after ${ceilingMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function publicIssue(date: string) {
  const { data, errors } = await h.gql(PUBLIC_ISSUE, { date });
  expect(errors).toBeUndefined();
  return data?.issue as { id: string; status: string; version: number; publishAt: string | null; publishedAt: string } | null;
}

function systemEntries(ids: number[]) {
  return h.dataSource.query(
    `SELECT * FROM audit_entry WHERE actor_kind = 'SYSTEM' AND action = 'publishIssue' AND entity_id = ANY($1::int[]) ORDER BY id`,
    [ids],
  );
}

/** Scheduled issues already due, as if their time passed while no process ran (the API refuses a past publishAt). */
async function dueIssues(count: number, firstDay: number) {
  const issues = [];
  for (let n = 0; n < count; n += 1) {
    const date = new Date(Date.UTC(2028, 0, firstDay + n)).toISOString().slice(0, 10);
    issues.push(await f.issue(ai, { date, status: IssueStatus.SCHEDULED, sections: [{ title: 'News', links: [{}] }] }));
  }
  const ids = issues.map((issue) => issue.id);
  await h.dataSource.query(`UPDATE issue SET publish_at = now() - interval '1 hour' WHERE id = ANY($1::int[])`, [ids]);
  return issues;
}

it('publishes a scheduled issue at its time, visible to the public through GraphQL with no restart', async () => {
  const { data } = await h.gql(CREATE, { input: { newsletter: 'ai', date: '2028-06-01', headline: 'Soon' } }, editor);
  // A time about a second ahead; on a machine slow enough that it passes before the request lands, a fresh one.
  const scheduleSoon = async () => {
    const publishAt = new Date(Date.now() + 1500).toISOString();
    const result = await h.gql(SCHEDULE, { input: { id: data!.createIssue.id, expectedVersion: 1, publishAt } }, editor);
    return result.errors?.[0].extensions?.field === 'publishAt' ? null : { publishAt, result };
  };
  const { publishAt, result: schedule } = await eventually(scheduleSoon);
  expect(schedule.errors).toBeUndefined();
  const log: string[] = [];
  scheduler({ intervalMs: 100 }, log).start();

  const issue = await eventually(() => publicIssue('2028-06-01'));
  expect(issue).toMatchObject({ status: 'PUBLISHED', version: schedule.data!.scheduleIssue.version + 1, publishAt: null, publishedAt: publishAt });
  const entries = await systemEntries([Number(issue.id)]);
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ actor_name: 'scheduler', entity_type: 'ISSUE', issue_id: Number(issue.id) });
  expect(entries[0].changes).toEqual({
    status: { before: 'SCHEDULED', after: 'PUBLISHED' },
    publishAt: { before: publishAt, after: null },
    publishedAt: { before: null, after: publishAt },
  });
  expect(log).toContain(`scheduler: published issue ${issue.id} (ai 2028-06-01) at version ${issue.version}`);
});

it('catches up at start: an issue that fell due while it was down is published by the first run', async () => {
  const [issue] = await dueIssues(1, 10);
  // An hour between runs: only the run at start can publish it within the test.
  scheduler({ intervalMs: 3_600_000 }).start();
  const seen = await eventually(() => publicIssue(issue.date));
  expect(seen).toMatchObject({ id: String(issue.id), status: 'PUBLISHED', version: issue.version + 1 });
  expect(await systemEntries([issue.id])).toHaveLength(1);
});

it('two schedulers over the same database racing on 20 due issues publish each exactly once', async () => {
  const issues = await dueIssues(20, 100);
  const ids = issues.map((issue) => issue.id);
  const other = createDataSource({ url: databaseUrl(), poolSize: 4 });
  await other.initialize();
  try {
    // Small batches and two runs per instance, so the four transactions interleave over the same rows.
    const a = scheduler({ intervalMs: 3_600_000, batchSize: 3 });
    const b = scheduler({ intervalMs: 3_600_000, batchSize: 3, dataSource: other });
    const runs = await Promise.all([a.runOnce(), b.runOnce(), a.runOnce(), b.runOnce()]);
    const published = runs.flat().map((issue) => issue.id);
    expect([...published].sort((x, y) => x - y)).toEqual([...ids].sort((x, y) => x - y));
    console.log(`20 due issues, two schedulers: ${runs.map((run) => run.length).join(' + ')} publications`);
  } finally {
    await other.destroy();
  }
  const entries = await systemEntries(ids);
  expect(entries).toHaveLength(20);
  expect(new Set(entries.map((entry: { entity_id: number }) => entry.entity_id)).size).toBe(20);
  const rows = await h.dataSource.query('SELECT id, status, version, publish_at FROM issue WHERE id = ANY($1::int[])', [ids]);
  for (const row of rows) {
    expect(row).toMatchObject({ status: 'PUBLISHED', version: 2, publish_at: null });
  }
});

it('leaves an issue that is not yet due hidden and untouched', async () => {
  const { data } = await h.gql(CREATE, { input: { newsletter: 'ai', date: '2028-07-01', headline: 'Later' } }, editor);
  const publishAt = new Date(Date.now() + 3600_000).toISOString();
  await h.gql(SCHEDULE, { input: { id: data!.createIssue.id, expectedVersion: 1, publishAt } }, editor);
  const runner = scheduler({ intervalMs: 3_600_000 });
  expect(await runner.runOnce()).toEqual([]);
  expect(await publicIssue('2028-07-01')).toBeNull();
  const [row] = await h.dataSource.query('SELECT status, version, publish_at FROM issue WHERE id = $1', [Number(data!.createIssue.id)]);
  expect(row).toMatchObject({ status: 'SCHEDULED', version: 2 });
  expect(row.publish_at.toISOString()).toBe(publishAt);
  expect(await systemEntries([Number(data!.createIssue.id)])).toEqual([]);
});

it('logs a failed run in one line and tries again next tick, without throwing', async () => {
  const unopened = createDataSource({ url: databaseUrl(), poolSize: 1 });
  const log: string[] = [];
  scheduler({ intervalMs: 50, dataSource: unopened }, log).start();
  await eventually(async () => log.length >= 2);
  expect(log[0]).toMatch(/^scheduler: run failed, retrying in 50 ms: [^\n]+$/);
});

it('stop() lets the run in flight finish its batch, then nothing runs again', async () => {
  const issues = await dueIssues(5, 200);
  const log: string[] = [];
  // A short interval: a timer left behind would run again within the wait below.
  const runner = scheduler({ intervalMs: 50, batchSize: 2 }, log);
  runner.start();
  await runner.stop();
  expect(log).toHaveLength(2);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(log).toHaveLength(2);
  const rows = await h.dataSource.query('SELECT status FROM issue WHERE id = ANY($1::int[])', [issues.map((issue) => issue.id)]);
  expect(rows.filter((row: { status: string }) => row.status === 'PUBLISHED')).toHaveLength(2);
  expect(await systemEntries(issues.map((issue) => issue.id))).toHaveLength(2);
});

import { ApiKeyService } from '../../../src/modules/api-key/api-key.service';
import { Role } from '../../../src/modules/api-key/role';
import { IssueStatus } from '../../../src/modules/issue/issue-status';
import { Newsletter } from '../../../src/modules/newsletter/newsletter.entity';
import { Factory } from '../../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../../support/harness';

const FIELDS = 'id status version publishAt publishedAt';
const CREATE = `mutation($input: CreateIssueInput!) { createIssue(input: $input) { ${FIELDS} } }`;
const PUBLISH = `mutation($input: PublishIssueInput!) { publishIssue(input: $input) { ${FIELDS} } }`;
const SCHEDULE = `mutation($input: ScheduleIssueInput!) { scheduleIssue(input: $input) { ${FIELDS} } }`;
const UNPUBLISH = `mutation($input: UnpublishIssueInput!) { unpublishIssue(input: $input) { ${FIELDS} } }`;
const DELETE = `mutation($input: DeleteIssueInput!) { deleteIssue(input: $input) { deletedId } }`;
const PUBLIC_ISSUE = `query($date: Date!) { issue(newsletter: "ai", date: $date) { id status } }`;

interface IssueState {
  id: string;
  status: IssueStatus;
  version: number;
  publishAt: string | null;
  publishedAt: string | null;
}

let h: Harness;
let f: Factory;
let ai: Newsletter;
let editor: string;
let partner: string;
let revoked: string;
let day = 0;

beforeAll(async () => {
  h = await startHarness();
  f = new Factory(h.dataSource);
  ai = await f.newsletter('ai');
  editor = await h.key(Role.EDITOR);
  partner = await h.key(Role.PARTNER);
  const keys = new ApiKeyService(h.dataSource, 60);
  const cli = { kind: 'CLI' as const, keyId: null, name: 'test harness' };
  const { key, secret } = await keys.create({ name: 'revoked editor', role: Role.EDITOR }, cli);
  await keys.revoke(key.id, cli);
  revoked = secret;
});

afterAll(() => h.close());

/** A fresh date for each issue a test makes, so tests never share one. */
function nextDate(): string {
  day += 1;
  return new Date(Date.UTC(2027, 0, day)).toISOString().slice(0, 10);
}

const inOneHour = () => new Date(Date.now() + 3600_000).toISOString();

async function ok(query: string, input: Record<string, unknown>, token = editor): Promise<IssueState> {
  const { data, errors } = await h.gql(query, { input }, token);
  expect(errors).toBeUndefined();
  return Object.values(data!)[0] as IssueState;
}

async function draft(): Promise<IssueState & { date: string }> {
  const date = nextDate();
  return { ...(await ok(CREATE, { newsletter: 'ai', date, headline: `Issue of ${date}` })), date };
}

async function published(): Promise<IssueState & { date: string }> {
  const issue = await draft();
  return { ...(await ok(PUBLISH, { id: issue.id, expectedVersion: issue.version })), date: issue.date };
}

async function scheduled(): Promise<IssueState & { date: string }> {
  const issue = await draft();
  return { ...(await ok(SCHEDULE, { id: issue.id, expectedVersion: issue.version, publishAt: inOneHour() })), date: issue.date };
}

async function publicSees(date: string): Promise<boolean> {
  const { data } = await h.gql(PUBLIC_ISSUE, { date });
  return data?.issue !== null;
}

async function auditOf(id: string, action: string) {
  return h.dataSource.query(`SELECT * FROM audit_entry WHERE action = $1 AND entity_id = $2 ORDER BY id`, [action, Number(id)]);
}

describe('who may change the publication of an issue', () => {
  const cases: Array<[string, string, (issue: IssueState) => Record<string, unknown>]> = [
    ['publishIssue', PUBLISH, (issue) => ({ id: issue.id, expectedVersion: issue.version })],
    ['scheduleIssue', SCHEDULE, (issue) => ({ id: issue.id, expectedVersion: issue.version, publishAt: inOneHour() })],
    ['unpublishIssue', UNPUBLISH, (issue) => ({ id: issue.id, expectedVersion: issue.version })],
    ['deleteIssue', DELETE, (issue) => ({ id: issue.id, expectedVersion: issue.version })],
  ];

  it.each(cases)('%s: the public, a partner and a revoked key are refused and nothing changes', async (_name, query, input) => {
    const issue = query === UNPUBLISH ? await scheduled() : await draft();
    const before = await h.rowCounts();
    const anonymous = await h.gql(query, { input: input(issue) });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const asPartner = await h.gql(query, { input: input(issue) }, partner);
    expect(asPartner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const asRevoked = await h.gql(query, { input: input(issue) }, revoked);
    expect(asRevoked.status).toBe(401);
    expect(asRevoked.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await h.rowCounts()).toEqual(before);
  });

  it.each(cases)('%s: editors and admins may; a stale version gets CONFLICT and writes nothing', async (_name, query, input) => {
    for (const token of [editor, ADMIN_TOKEN]) {
      const issue = query === UNPUBLISH ? await scheduled() : await draft();
      const before = await h.rowCounts();
      const stale = await h.gql(query, { input: { ...input(issue), expectedVersion: issue.version + 5 } }, token);
      expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: issue.version });
      expect(await h.rowCounts()).toEqual(before);
      const { errors } = await h.gql(query, { input: input(issue) }, token);
      expect(errors).toBeUndefined();
      const after = await h.rowCounts();
      expect(after.audit_entry).toBe(before.audit_entry + 1);
    }
  });

  it.each(cases)('%s: NOT_FOUND for a missing issue, BAD_USER_INPUT for a malformed id', async (_name, query, input) => {
    const missing = await h.gql(query, { input: input({ id: '999999', version: 1 } as IssueState) }, editor);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await h.gql(query, { input: input({ id: 'x1', version: 1 } as IssueState) }, editor);
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

describe('publishIssue', () => {
  it('publishes a draft now: visible to the public, version + 1, publishedAt set, audited', async () => {
    const issue = await draft();
    expect(await publicSees(issue.date)).toBe(false);
    const started = Date.now();
    const result = await ok(PUBLISH, { id: issue.id, expectedVersion: 1 });
    expect(result).toMatchObject({ status: 'PUBLISHED', version: 2, publishAt: null });
    expect(Math.abs(Date.parse(result.publishedAt!) - started)).toBeLessThan(60_000);
    expect(await publicSees(issue.date)).toBe(true);
    const [entry] = await auditOf(issue.id, 'publishIssue');
    expect(entry).toMatchObject({ actor_kind: 'API_KEY', entity_type: 'ISSUE', issue_id: Number(issue.id) });
    expect(entry.changes).toEqual({
      status: { before: 'DRAFT', after: 'PUBLISHED' },
      publishedAt: { before: null, after: result.publishedAt },
    });
  });

  it('publishes a scheduled issue at once, clearing its schedule', async () => {
    const issue = await scheduled();
    const result = await ok(PUBLISH, { id: issue.id, expectedVersion: issue.version });
    expect(result).toMatchObject({ status: 'PUBLISHED', publishAt: null, version: issue.version + 1 });
    const [entry] = await auditOf(issue.id, 'publishIssue');
    expect(entry.changes.publishAt).toEqual({ before: issue.publishAt, after: null });
  });

  it('refuses an issue already published, writing nothing', async () => {
    const issue = await published();
    const before = await h.rowCounts();
    const again = await h.gql(PUBLISH, { input: { id: issue.id, expectedVersion: issue.version } }, editor);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(again.errors?.[0].message).toMatch(/already published/);
    expect(await h.rowCounts()).toEqual(before);
  });

  it('keeps the first publication time when an unpublished issue is published again', async () => {
    const issue = await published();
    const draftAgain = await ok(UNPUBLISH, { id: issue.id, expectedVersion: issue.version });
    const republished = await ok(PUBLISH, { id: issue.id, expectedVersion: draftAgain.version });
    expect(republished.publishedAt).toBe(issue.publishedAt);
    expect(republished.version).toBe(issue.version + 2);
    const entries = await auditOf(issue.id, 'publishIssue');
    expect(entries[1].changes).toEqual({ status: { before: 'DRAFT', after: 'PUBLISHED' } });
  });
});

describe('scheduleIssue', () => {
  it('schedules a draft: still hidden from the public, publishAt stored, audited', async () => {
    const issue = await draft();
    const publishAt = inOneHour();
    const result = await ok(SCHEDULE, { id: issue.id, expectedVersion: 1, publishAt });
    expect(result).toMatchObject({ status: 'SCHEDULED', version: 2, publishAt, publishedAt: null });
    expect(await publicSees(issue.date)).toBe(false);
    const [entry] = await auditOf(issue.id, 'scheduleIssue');
    expect(entry.changes).toEqual({ status: { before: 'DRAFT', after: 'SCHEDULED' }, publishAt: { before: null, after: publishAt } });
  });

  it('reschedules a scheduled issue', async () => {
    const issue = await scheduled();
    const later = new Date(Date.now() + 7200_000).toISOString();
    const result = await ok(SCHEDULE, { id: issue.id, expectedVersion: issue.version, publishAt: later });
    expect(result).toMatchObject({ status: 'SCHEDULED', publishAt: later, version: issue.version + 1 });
    const [, entry] = await auditOf(issue.id, 'scheduleIssue');
    expect(entry.changes).toEqual({ publishAt: { before: issue.publishAt, after: later } });
  });

  it('refuses a time in the past or years ahead, naming publishAt, and writes nothing', async () => {
    const issue = await draft();
    const before = await h.rowCounts();
    for (const publishAt of [new Date(Date.now() - 60_000).toISOString(), '2099-01-01T00:00:00Z']) {
      const { errors } = await h.gql(SCHEDULE, { input: { id: issue.id, expectedVersion: 1, publishAt } }, editor);
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'publishAt' });
    }
    const garbage = await h.gql(SCHEDULE, { input: { id: issue.id, expectedVersion: 1, publishAt: 'tomorrow' } }, editor);
    expect(garbage.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await h.rowCounts()).toEqual(before);
  });

  it('refuses a published issue (unpublish it first), writing nothing', async () => {
    const issue = await published();
    const before = await h.rowCounts();
    const { errors } = await h.gql(SCHEDULE, { input: { id: issue.id, expectedVersion: issue.version, publishAt: inOneHour() } }, ADMIN_TOKEN);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(errors?.[0].message).toMatch(/unpublish it first/);
    expect(await h.rowCounts()).toEqual(before);
  });
});

describe('unpublishIssue', () => {
  it('takes a published issue back to DRAFT, hidden again, keeping publishedAt', async () => {
    const issue = await published();
    const result = await ok(UNPUBLISH, { id: issue.id, expectedVersion: issue.version });
    expect(result).toMatchObject({ status: 'DRAFT', publishAt: null, publishedAt: issue.publishedAt, version: issue.version + 1 });
    expect(await publicSees(issue.date)).toBe(false);
    const [entry] = await auditOf(issue.id, 'unpublishIssue');
    expect(entry.changes).toEqual({ status: { before: 'PUBLISHED', after: 'DRAFT' } });
  });

  it('takes a scheduled issue back to DRAFT, clearing its schedule', async () => {
    const issue = await scheduled();
    const result = await ok(UNPUBLISH, { id: issue.id, expectedVersion: issue.version });
    expect(result).toMatchObject({ status: 'DRAFT', publishAt: null, publishedAt: null });
    const [entry] = await auditOf(issue.id, 'unpublishIssue');
    expect(entry.changes).toEqual({ status: { before: 'SCHEDULED', after: 'DRAFT' }, publishAt: { before: issue.publishAt, after: null } });
  });

  it('refuses a draft, writing nothing', async () => {
    const issue = await draft();
    const before = await h.rowCounts();
    const { errors } = await h.gql(UNPUBLISH, { input: { id: issue.id, expectedVersion: 1 } }, editor);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
    expect(await h.rowCounts()).toEqual(before);
  });
});

describe('deleteIssue', () => {
  async function issueWithContent(status: IssueStatus) {
    const sponsor = await f.sponsor(`sponsor-${nextDate()}.dev`);
    const issue = await f.issue(ai, {
      date: nextDate(),
      status,
      sections: [
        { title: 'Headlines', links: [{ tags: ['llm'] }, { tags: ['llm', 'rust'] }] },
        { title: 'Quick Links', links: [{}] },
      ],
      placements: [{ sponsor }],
    });
    return { id: String(issue.id), version: issue.version, date: issue.date, headline: issue.headline };
  }

  it('lets an editor delete a draft with everything in it, and records what it was', async () => {
    const issue = await issueWithContent(IssueStatus.DRAFT);
    const before = await h.rowCounts();
    const { data, errors } = await h.gql(DELETE, { input: { id: issue.id, expectedVersion: issue.version } }, editor);
    expect(errors).toBeUndefined();
    expect(data?.deleteIssue).toEqual({ deletedId: issue.id });
    const after = await h.rowCounts();
    expect(after).toMatchObject({
      issue: before.issue - 1,
      section: before.section - 2,
      link: before.link - 3,
      link_tag: before.link_tag - 3,
      sponsor_placement: before.sponsor_placement - 1,
      audit_entry: before.audit_entry + 1,
    });
    const [entry] = await auditOf(issue.id, 'deleteIssue');
    expect(entry).toMatchObject({ actor_kind: 'API_KEY', entity_type: 'ISSUE', issue_id: Number(issue.id) });
    expect(entry.changes).toEqual({
      newsletter: { before: 'ai', after: null },
      date: { before: issue.date, after: null },
      headline: { before: issue.headline, after: null },
      status: { before: 'DRAFT', after: null },
    });
    expect(entry.summary).toEqual({ sections: 2, links: 3, placements: 1 });
  });

  it('lets an editor delete a scheduled issue', async () => {
    const issue = await scheduled();
    const { errors } = await h.gql(DELETE, { input: { id: issue.id, expectedVersion: issue.version } }, editor);
    expect(errors).toBeUndefined();
    const [entry] = await auditOf(issue.id, 'deleteIssue');
    expect(entry.changes.publishAt).toEqual({ before: issue.publishAt, after: null });
  });

  it('refuses an editor a published issue (unpublish first or ask an admin), writing nothing; an admin may', async () => {
    const issue = await issueWithContent(IssueStatus.PUBLISHED);
    const before = await h.rowCounts();
    const refused = await h.gql(DELETE, { input: { id: issue.id, expectedVersion: issue.version } }, editor);
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(refused.errors?.[0].message).toMatch(/unpublish it first.*ask an admin/);
    expect(await h.rowCounts()).toEqual(before);
    expect(await publicSees(issue.date)).toBe(true);
    const admin = await h.key(Role.ADMIN);
    const { data, errors } = await h.gql(DELETE, { input: { id: issue.id, expectedVersion: issue.version } }, admin);
    expect(errors).toBeUndefined();
    expect(data?.deleteIssue.deletedId).toBe(issue.id);
    expect(await publicSees(issue.date)).toBe(false);
    const [entry] = await auditOf(issue.id, 'deleteIssue');
    expect(entry).toMatchObject({ actor_name: 'test admin' });
    expect(entry.changes.status).toEqual({ before: 'PUBLISHED', after: null });
  });
});

describe('the whole workflow', () => {
  it('draft → scheduled → published → draft, one version per step, each step audited', async () => {
    const issue = await draft();
    const steps = [
      await ok(SCHEDULE, { id: issue.id, expectedVersion: 1, publishAt: inOneHour() }),
      await ok(PUBLISH, { id: issue.id, expectedVersion: 2 }),
      await ok(UNPUBLISH, { id: issue.id, expectedVersion: 3 }),
    ];
    expect(steps.map((step) => [step.status, step.version])).toEqual([
      ['SCHEDULED', 2],
      ['PUBLISHED', 3],
      ['DRAFT', 4],
    ]);
    const actions = await h.dataSource.query('SELECT action FROM audit_entry WHERE entity_id = $1 ORDER BY id', [Number(issue.id)]);
    expect(actions.map((row: { action: string }) => row.action)).toEqual(['createIssue', 'scheduleIssue', 'publishIssue', 'unpublishIssue']);
  });
});

import { Newsletter } from '../../../src/modules/newsletter/newsletter.entity';
import { createCallers, Callers, expectRefused, expectRejected, stateOf } from '../../support/edit-checks';
import { Factory } from '../../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../../support/harness';

const SECTION = 'id position title emoji category { slug } issue { id version } links { id position }';
const ADD = `mutation($input: AddSectionInput!) { addSection(input: $input) { ${SECTION} } }`;
const UPDATE = `mutation($input: UpdateSectionInput!) { updateSection(input: $input) { ${SECTION} } }`;
const MOVE = `mutation($input: MoveSectionInput!) { moveSection(input: $input) { ${SECTION} } }`;
const DELETE = `mutation($input: DeleteSectionInput!) { deleteSection(input: $input) { id version sections { id position title } } }`;
const READ = `query($date: Date!) { issue(newsletter: "ai", date: $date) { id version sections { id position title emoji category { slug } links { id } } } }`;

let h: Harness;
let factory: Factory;
let newsletter: Newsletter;
let callers: Callers;
let day = 0;

beforeAll(async () => {
  h = await startHarness();
  factory = new Factory(h.dataSource);
  newsletter = await factory.newsletter('ai');
  await factory.category('Deep Dives');
  callers = await createCallers(h);
});

afterAll(() => h.close());

interface IssueView {
  id: string;
  version: number;
  date: string;
  sections: Array<{ id: string; position: number; title: string; emoji: string | null; category: { slug: string } | null; links: Array<{ id: string }> }>;
}

/** A published issue of its own with sections A, B and C (two, one and no links), read back through GraphQL. */
async function freshIssue(): Promise<IssueView> {
  day += 1;
  const date = `2025-03-${String(day).padStart(2, '0')}`;
  await factory.issue(newsletter, {
    date,
    sections: [
      { title: 'A', links: [{}, {}] },
      { title: 'B', links: [{}] },
      { title: 'C', links: [] },
    ],
  });
  return read(date);
}

async function read(date: string): Promise<IssueView> {
  const { data, errors } = await h.gql(READ, { date });
  expect(errors).toBeUndefined();
  return { ...data!.issue, date };
}

function titles(issue: IssueView): string[] {
  expect(issue.sections.map((section) => section.position)).toEqual(issue.sections.map((_, index) => index));
  return issue.sections.map((section) => section.title);
}

async function lastAudit(action: string) {
  const [entry] = await h.dataSource.query('SELECT * FROM audit_entry WHERE action = $1 ORDER BY id DESC LIMIT 1', [action]);
  return entry;
}

describe('addSection', () => {
  it('appends a section for an editor, bumps the version once and audits what it set', async () => {
    const issue = await freshIssue();
    const input = { issueId: issue.id, expectedVersion: issue.version, title: ' Deep dives ', emoji: '🧠', category: 'deep-dives' };
    const { data, errors } = await h.gql(ADD, { input }, callers.editor);
    expect(errors).toBeUndefined();
    expect(data?.addSection).toMatchObject({
      position: 3,
      title: 'Deep dives',
      emoji: '🧠',
      category: { slug: 'deep-dives' },
      issue: { id: issue.id, version: issue.version + 1 },
      links: [],
    });
    expect(titles(await read(issue.date))).toEqual(['A', 'B', 'C', 'Deep dives']);
    const entry = await lastAudit('addSection');
    expect(entry).toMatchObject({ entity_type: 'SECTION', entity_id: Number(data!.addSection.id), issue_id: Number(issue.id), actor_name: 'test editor' });
    expect(entry.changes).toEqual({
      title: { before: null, after: 'Deep dives' },
      emoji: { before: null, after: '🧠' },
      category: { before: null, after: 'deep-dives' },
      position: { before: null, after: 3 },
    });
  });

  it('inserts at a position for an admin, moving the rest down', async () => {
    const issue = await freshIssue();
    const { data, errors } = await h.gql(ADD, { input: { issueId: issue.id, expectedVersion: issue.version, title: 'First', position: 0 } }, ADMIN_TOKEN);
    expect(errors).toBeUndefined();
    expect(data?.addSection).toMatchObject({ position: 0, emoji: null, category: null });
    const after = await read(issue.date);
    expect(titles(after)).toEqual(['First', 'A', 'B', 'C']);
    expect(after.version).toBe(issue.version + 1);
    const inMiddle = await h.gql(ADD, { input: { issueId: issue.id, expectedVersion: after.version, title: 'Middle', position: 2 } }, ADMIN_TOKEN);
    expect(inMiddle.errors).toBeUndefined();
    expect(titles(await read(issue.date))).toEqual(['First', 'A', 'Middle', 'B', 'C']);
  });

  it('refuses an unknown category, a position past the end, a blank title and an unknown issue, writing nothing', async () => {
    const issue = await freshIssue();
    const input = { issueId: issue.id, expectedVersion: issue.version, title: 'New' };
    await expectRejected(h, callers.editor, ADD, { input: { ...input, category: 'nope' } }, { code: 'BAD_USER_INPUT', field: 'category' });
    await expectRejected(h, callers.editor, ADD, { input: { ...input, position: 4 } }, { code: 'BAD_USER_INPUT', field: 'position' });
    await expectRejected(h, callers.editor, ADD, { input: { ...input, title: '  ' } }, { code: 'BAD_USER_INPUT', field: 'title' });
    await expectRejected(h, callers.editor, ADD, { input: { ...input, title: 'x'.repeat(501) } }, { code: 'BAD_USER_INPUT', field: 'title' });
    await expectRejected(h, callers.editor, ADD, { input: { ...input, issueId: '999999' } }, { code: 'NOT_FOUND', field: 'issueId' });
    await expectRejected(h, callers.editor, ADD, { input: { ...input, issueId: 'x' } }, { code: 'BAD_USER_INPUT', field: 'issueId' });
  });
});

describe('updateSection', () => {
  it('changes what it is given and keeps what it is not', async () => {
    const issue = await freshIssue();
    const section = issue.sections[1];
    const { data, errors } = await h.gql(UPDATE, { input: { id: section.id, expectedVersion: issue.version, title: 'Bee', emoji: '🐝' } }, callers.editor);
    expect(errors).toBeUndefined();
    expect(data?.updateSection).toMatchObject({ title: 'Bee', emoji: '🐝', category: { slug: 'b' }, position: 1, issue: { version: issue.version + 1 } });
    const entry = await lastAudit('updateSection');
    expect(entry).toMatchObject({ entity_id: Number(section.id), issue_id: Number(issue.id) });
    expect(entry.changes).toEqual({ title: { before: 'B', after: 'Bee' }, emoji: { before: null, after: '🐝' } });
  });

  it('sets a category, then clears it with an explicit null (an admin), while leaving it out keeps it', async () => {
    const issue = await freshIssue();
    const id = issue.sections[0].id;
    const set = await h.gql(UPDATE, { input: { id, expectedVersion: issue.version, category: 'deep-dives' } }, ADMIN_TOKEN);
    expect(set.data?.updateSection.category).toEqual({ slug: 'deep-dives' });
    const kept = await h.gql(UPDATE, { input: { id, expectedVersion: issue.version + 1, title: 'Aa' } }, ADMIN_TOKEN);
    expect(kept.data?.updateSection).toMatchObject({ title: 'Aa', category: { slug: 'deep-dives' } });
    const cleared = await h.gql(UPDATE, { input: { id, expectedVersion: issue.version + 2, category: null, emoji: null } }, ADMIN_TOKEN);
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data?.updateSection).toMatchObject({ title: 'Aa', category: null, emoji: null, issue: { version: issue.version + 3 } });
    expect((await lastAudit('updateSection')).changes).toEqual({ category: { before: 'deep-dives', after: null } });
    expect((await read(issue.date)).sections[0]).toMatchObject({ title: 'Aa', category: null });
  });

  it('refuses a null title, an unknown category and an unknown section, writing nothing', async () => {
    const issue = await freshIssue();
    const id = issue.sections[0].id;
    await expectRejected(h, callers.editor, UPDATE, { input: { id, expectedVersion: issue.version, title: null } }, { code: 'BAD_USER_INPUT', field: 'title' });
    await expectRejected(h, callers.editor, UPDATE, { input: { id, expectedVersion: issue.version, category: 'nope' } }, { code: 'BAD_USER_INPUT', field: 'category' });
    await expectRejected(h, callers.editor, UPDATE, { input: { id: '999999', expectedVersion: 1, title: 'x' } }, { code: 'NOT_FOUND', field: 'id' });
  });
});

describe('moveSection', () => {
  it('moves a section up and down, keeping positions 0..n-1 and audited', async () => {
    const issue = await freshIssue();
    const [a, , c] = issue.sections;
    const up = await h.gql(MOVE, { input: { id: c.id, expectedVersion: issue.version, position: 0 } }, callers.editor);
    expect(up.errors).toBeUndefined();
    expect(up.data?.moveSection).toMatchObject({ id: c.id, position: 0, issue: { version: issue.version + 1 } });
    expect(titles(await read(issue.date))).toEqual(['C', 'A', 'B']);
    expect((await lastAudit('moveSection')).changes).toEqual({ position: { before: 2, after: 0 } });
    const down = await h.gql(MOVE, { input: { id: a.id, expectedVersion: issue.version + 1, position: 2 } }, ADMIN_TOKEN);
    expect(down.errors).toBeUndefined();
    const after = await read(issue.date);
    expect(titles(after)).toEqual(['C', 'B', 'A']);
    expect(after.sections.find((section) => section.title === 'A')?.links).toHaveLength(2);
  });

  it('refuses a position past the last, writing nothing', async () => {
    const issue = await freshIssue();
    const input = { id: issue.sections[0].id, expectedVersion: issue.version, position: 3 };
    await expectRejected(h, callers.editor, MOVE, { input }, { code: 'BAD_USER_INPUT', field: 'position' });
  });
});

describe('deleteSection', () => {
  it('deletes the section with its links, closes up the positions and returns the issue', async () => {
    const issue = await freshIssue();
    const before = await h.rowCounts();
    const { data, errors } = await h.gql(DELETE, { input: { id: issue.sections[0].id, expectedVersion: issue.version } }, callers.editor);
    expect(errors).toBeUndefined();
    expect(data?.deleteSection).toMatchObject({ id: issue.id, version: issue.version + 1 });
    expect(data?.deleteSection.sections.map((section: { title: string; position: number }) => [section.title, section.position])).toEqual([
      ['B', 0],
      ['C', 1],
    ]);
    const after = await h.rowCounts();
    expect(after).toMatchObject({ section: before.section - 1, link: before.link - 2, audit_entry: before.audit_entry + 1, versions: before.versions + 1 });
    const entry = await lastAudit('deleteSection');
    expect(entry.summary).toEqual({ linksDeleted: 2 });
    expect(entry.changes).toMatchObject({ title: { before: 'A', after: null }, position: { before: 0, after: null } });
    const again = await h.gql(DELETE, { input: { id: issue.sections[1].id, expectedVersion: issue.version + 1 } }, ADMIN_TOKEN);
    expect(again.errors).toBeUndefined();
    expect(titles(await read(issue.date))).toEqual(['C']);
  });
});

describe('every section mutation', () => {
  const calls = (issue: IssueView): Array<[string, string, Record<string, unknown>]> => [
    ['addSection', ADD, { issueId: issue.id, expectedVersion: issue.version, title: 'New' }],
    ['updateSection', UPDATE, { id: issue.sections[0].id, expectedVersion: issue.version, title: 'New' }],
    ['moveSection', MOVE, { id: issue.sections[0].id, expectedVersion: issue.version, position: 1 }],
    ['deleteSection', DELETE, { id: issue.sections[0].id, expectedVersion: issue.version }],
  ];

  it('is refused to the public, partners and revoked keys, writing nothing', async () => {
    const issue = await freshIssue();
    for (const [, query, input] of calls(issue)) await expectRefused(h, callers, query, { input });
  });

  it('answers a stale expectedVersion with CONFLICT and the current version, writing nothing', async () => {
    const issue = await freshIssue();
    await h.dataSource.query('UPDATE issue SET version = version + 1 WHERE id = $1', [Number(issue.id)]);
    for (const [, query, input] of calls(issue)) {
      await expectRejected(h, callers.editor, query, { input }, { code: 'CONFLICT', expectedVersion: issue.version, currentVersion: issue.version + 1 });
    }
  });

  it('two editors saving the same version: exactly one wins', async () => {
    const issue = await freshIssue();
    const before = await stateOf(h);
    const results = await Promise.all(
      issue.sections.map((section) => h.gql(MOVE, { input: { id: section.id, expectedVersion: issue.version, position: 2 } }, callers.editor)),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => result.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(2);
    expect(before).not.toEqual(await stateOf(h));
    expect((await read(issue.date)).version).toBe(issue.version + 1);
  });
});

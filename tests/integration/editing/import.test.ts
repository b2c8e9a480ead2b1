import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../../../src/modules/api-key/role';
import { IssueStatus } from '../../../src/modules/issue/issue-status';
import { Factory } from '../../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../../support/harness';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'issues', 'tldr-ai-2024-01-02.md'), 'utf8');
/** The fixture as an issue of another day, so each test owns its issue. */
const onDay = (date: string, markdown = FIXTURE) => markdown.replace('2024-01-02', date);

const IMPORT = `mutation($input: ImportIssueInput!) {
  importIssue(input: $input) {
    status dryRun changes overwritesEdits overwrites
    issue { id version status publishAt publishedAt headline
      links { id title canonicalUrl tags { slug } } }
  }
}`;
const UPDATE = `mutation($input: UpdateIssueInput!) { updateIssue(input: $input) { version } }`;
const ORIGAMI = 'https://www.origami-labs.io/blog/paper-robot/#how-it-folds';

let h: Harness;
let editor: string;
let partner: string;

beforeAll(async () => {
  h = await startHarness();
  editor = await h.key(Role.EDITOR);
  partner = await h.key(Role.PARTNER);
});

afterAll(() => h.close());

async function importAs(token: string | undefined, markdown: string, dryRun = false) {
  const response = await h.gql(IMPORT, { input: { markdown, dryRun } }, token);
  expect(response.errors).toBeUndefined();
  return response.data!.importIssue;
}

const auditOf = (issueId: number | string, action = 'importIssue') =>
  h.dataSource.query(`SELECT * FROM audit_entry WHERE action = $1 AND issue_id = $2 ORDER BY id`, [action, Number(issueId)]);

const versionsOf = async (issueId: number | string) =>
  (await h.dataSource.query('SELECT version, imported_version FROM issue WHERE id = $1', [Number(issueId)]))[0];

describe('who may import', () => {
  it('refuses the public and partners, and a refused import writes nothing', async () => {
    const before = await h.rowCounts();
    const input = { markdown: onDay('2024-02-01') };
    const anonymous = await h.gql(IMPORT, { input });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const forbidden = await h.gql(IMPORT, { input }, partner);
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const revoked = await h.gql(IMPORT, { input }, 'nl_not-a-key-at-all');
    expect(revoked.status).toBe(401);
    expect(await h.rowCounts()).toEqual(before);
  });

  it('lets editors and admins import, each named in the audit entry', async () => {
    const byEditor = await importAs(editor, onDay('2024-02-02'));
    const byAdmin = await importAs(ADMIN_TOKEN, onDay('2024-02-03'));
    expect([byEditor.status, byAdmin.status]).toEqual(['CREATED', 'CREATED']);
    expect((await auditOf(byEditor.issue.id))[0]).toMatchObject({ actor_kind: 'API_KEY', actor_name: 'test editor' });
    expect((await auditOf(byAdmin.issue.id))[0]).toMatchObject({ actor_kind: 'ADMIN_TOKEN', actor_name: 'admin token' });
  });
});

describe('versions and the audit trail', () => {
  it('creates at version 1, imported as version 1, with one entry holding the counts', async () => {
    const created = await importAs(editor, onDay('2024-03-01'));
    expect(created).toMatchObject({ status: 'CREATED', overwritesEdits: false, overwrites: [] });
    expect(await versionsOf(created.issue.id)).toEqual({ version: 1, imported_version: 1 });
    const entries = await auditOf(created.issue.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ entity_type: 'ISSUE', entity_id: Number(created.issue.id), changes: {} });
    expect(entries[0].summary).toEqual({
      sections: 3,
      links: 7,
      placements: 1,
      changes: ['created with 3 sections and 7 links'],
      overwroteEdits: false,
    });
  });

  it('writes nothing, no entry and no version, for an unchanged issue or a dry run', async () => {
    await importAs(editor, onDay('2024-03-02'));
    const before = await h.rowCounts();
    expect((await importAs(editor, onDay('2024-03-02'))).status).toBe('UNCHANGED');
    const corrected = onDay('2024-03-02').replaceAll('Quiet compilers', 'Loud compilers');
    expect(await importAs(editor, corrected, true)).toMatchObject({ status: 'UPDATED', dryRun: true });
    expect(await importAs(editor, onDay('2024-03-09'), true)).toMatchObject({ status: 'CREATED', dryRun: true });
    expect(await h.rowCounts()).toEqual(before);
  });

  it('a rewrite bumps the version, records it as imported and appends one entry', async () => {
    const { issue } = await importAs(editor, onDay('2024-03-03'));
    const result = await importAs(ADMIN_TOKEN, onDay('2024-03-03').replaceAll('Quiet compilers', 'Loud compilers'));
    expect(result).toMatchObject({ status: 'UPDATED', overwritesEdits: false, overwrites: [] });
    expect(await versionsOf(issue.id)).toEqual({ version: 2, imported_version: 2 });
    const entries = await auditOf(issue.id);
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatchObject({ actor_kind: 'ADMIN_TOKEN' });
    expect(entries[1].summary).toEqual({
      sections: 3,
      links: 7,
      placements: 1,
      changes: ['headline changed', '1 link updated'],
      overwroteEdits: false,
    });
  });
});

describe('importing over an issue an editor changed', () => {
  it('says what it overwrites: on a dry run without writing, then for real', async () => {
    const { issue } = await importAs(editor, onDay('2024-04-01'));
    const edited = await h.gql(UPDATE, { input: { id: issue.id, expectedVersion: 1, headline: 'An editor\'s headline' } }, editor);
    expect(edited.data?.updateIssue.version).toBe(2);
    expect(await versionsOf(issue.id)).toEqual({ version: 2, imported_version: 1 });

    const before = await h.rowCounts();
    const dryRun = await importAs(editor, onDay('2024-04-01'), true);
    expect(dryRun).toMatchObject({ status: 'UPDATED', overwritesEdits: true, overwrites: ['headline changed'] });
    expect(await h.rowCounts()).toEqual(before);

    const result = await importAs(editor, onDay('2024-04-01'));
    expect(result).toMatchObject({ status: 'UPDATED', overwritesEdits: true, overwrites: ['headline changed'] });
    expect(result.issue.headline).not.toBe('An editor\'s headline');
    expect(await versionsOf(issue.id)).toEqual({ version: 3, imported_version: 3 });
    expect((await auditOf(issue.id)).at(-1).summary).toMatchObject({ overwroteEdits: true, changes: ['headline changed'] });
    // Imported again, the issue has no editors' changes left to overwrite.
    expect(await importAs(editor, onDay('2024-04-01'))).toMatchObject({ status: 'UNCHANGED', overwritesEdits: false });
  });

  it('an issue an editor created (never imported) is all editors\' work', async () => {
    const created = await h.gql(
      `mutation { createIssue(input: { newsletter: "ai", date: "2024-04-02", headline: "Planned by hand" }) { id } }`,
      {},
      editor,
    );
    expect(created.errors).toBeUndefined();
    const result = await importAs(editor, onDay('2024-04-02'));
    expect(result).toMatchObject({ status: 'UPDATED', overwritesEdits: true });
    expect(result.overwrites).toEqual(expect.arrayContaining(['headline changed', '7 links added']));
  });

  it('keeps the tags editors set or removed on the links it keeps, and their override rows', async () => {
    const { issue } = await importAs(editor, onDay('2024-04-03'));
    const origami = issue.links.find((link: any) => link.canonicalUrl === ORIGAMI);
    expect(origami.tags.map((tag: any) => tag.slug)).toEqual(['research', 'robotics']);
    // What setLinkTags leaves: the override rows, the link's tags and a version bump.
    const [pick] = await h.dataSource.query(`INSERT INTO tag (slug, name) VALUES ('editors-pick', 'Editors'' pick') RETURNING id`);
    const [robotics] = await h.dataSource.query(`SELECT id FROM tag WHERE slug = 'robotics'`);
    await h.dataSource.query(
      `INSERT INTO link_tag_override (link_id, tag_id, included) VALUES ($1, $2, true), ($1, $3, false)`,
      [Number(origami.id), pick.id, robotics.id],
    );
    await h.dataSource.query('DELETE FROM link_tag WHERE link_id = $1 AND tag_id = $2', [Number(origami.id), robotics.id]);
    await h.dataSource.query('INSERT INTO link_tag (link_id, tag_id) VALUES ($1, $2)', [Number(origami.id), pick.id]);
    await h.dataSource.query('UPDATE issue SET version = version + 1 WHERE id = $1', [Number(issue.id)]);

    // The same issue again: the editors' tags are what the import would store too, so nothing to do.
    expect((await importAs(editor, onDay('2024-04-03'))).status).toBe('UNCHANGED');

    const corrected = onDay('2024-04-03').replace('and a little glue', 'and some glue');
    const result = await importAs(editor, corrected);
    expect(result).toMatchObject({ status: 'UPDATED', overwritesEdits: true, overwrites: ['1 link updated'] });
    const kept = result.issue.links.find((link: any) => link.canonicalUrl === ORIGAMI);
    expect(kept.id).toBe(origami.id);
    expect(kept.title).toMatch(/and some glue/);
    expect(kept.tags.map((tag: any) => tag.slug)).toEqual(['editors-pick', 'research']);
    const overrides = await h.dataSource.query(
      'SELECT tag_id, included FROM link_tag_override WHERE link_id = $1 ORDER BY included',
      [Number(origami.id)],
    );
    expect(overrides).toEqual([
      { tag_id: robotics.id, included: false },
      { tag_id: pick.id, included: true },
    ]);
    expect((await importAs(editor, corrected)).status).toBe('UNCHANGED');
  });

  it('drops the overrides of links the corrected issue no longer has', async () => {
    const { issue } = await importAs(editor, onDay('2024-04-04'));
    const origami = issue.links.find((link: any) => link.canonicalUrl === ORIGAMI);
    const [robotics] = await h.dataSource.query(`SELECT id FROM tag WHERE slug = 'robotics'`);
    await h.dataSource.query('INSERT INTO link_tag_override (link_id, tag_id, included) VALUES ($1, $2, false)', [
      Number(origami.id),
      robotics.id,
    ]);
    const withoutOrigami = onDay('2024-04-04').replace(/\[### Origami Labs[^\n]*\n\n[^\n]*\n\n/, '');
    expect(withoutOrigami).not.toContain('Origami');
    const result = await importAs(editor, withoutOrigami);
    expect(result.changes).toEqual(['1 link removed']);
    expect(await h.dataSource.query('SELECT * FROM link_tag_override WHERE link_id = $1', [Number(origami.id)])).toEqual([]);
  });
});

describe('status on re-import', () => {
  const STATUS = `query($date: Date!) { issue(newsletter: "ai", date: $date) { id } }`;
  let factory: Factory;
  let ai: { id: number; slug: string };

  beforeAll(async () => {
    factory = new Factory(h.dataSource);
    [ai] = await h.dataSource.query(`SELECT id, slug FROM newsletter WHERE slug = 'ai'`);
  });

  it('a draft stays a draft, hidden from the public', async () => {
    const draft = await factory.issue(ai as any, { date: '2024-05-01', status: IssueStatus.DRAFT });
    const result = await importAs(editor, onDay('2024-05-01'));
    expect(result.status).toBe('UPDATED');
    expect(result.changes).not.toContain('published');
    expect(result.issue).toMatchObject({ id: String(draft.id), status: 'DRAFT', publishedAt: null, publishAt: null });
    expect((await h.gql(STATUS, { date: '2024-05-01' })).data?.issue).toBeNull();
  });

  it('a scheduled issue stays scheduled, for the same time', async () => {
    const scheduled = await factory.issue(ai as any, { date: '2024-05-02', status: IssueStatus.SCHEDULED });
    const result = await importAs(editor, onDay('2024-05-02'));
    expect(result.issue).toMatchObject({ status: 'SCHEDULED', publishAt: scheduled.publishAt!.toISOString(), publishedAt: null });
    expect((await h.gql(STATUS, { date: '2024-05-02' })).data?.issue).toBeNull();
  });

  it('a published issue stays published, with its publication time', async () => {
    const { issue } = await importAs(editor, onDay('2024-05-03'));
    await h.dataSource.query(`UPDATE issue SET published_at = '2024-05-03T09:30:00Z' WHERE id = $1`, [Number(issue.id)]);
    const result = await importAs(editor, onDay('2024-05-03').replaceAll('Quiet compilers', 'Loud compilers'));
    expect(result.issue).toMatchObject({ status: 'PUBLISHED', publishedAt: '2024-05-03T09:30:00.000Z', publishAt: null });
  });

  it('a new issue is created published', async () => {
    const result = await importAs(editor, onDay('2024-05-04'));
    expect(result.issue).toMatchObject({ status: 'PUBLISHED', publishedAt: '2024-05-04T06:00:00.000Z' });
  });
});

describe('merged tags', () => {
  it('tags links of a merged topic with the merge target and never re-creates the old slug', async () => {
    // What mergeTags leaves: the target tag, the old tag gone, its slug an alias of the target.
    const [target] = await h.dataSource.query(`INSERT INTO tag (slug, name) VALUES ('language-models', 'Language models') RETURNING id`);
    await h.dataSource.query(`DELETE FROM tag WHERE slug = 'llm'`);
    await h.dataSource.query(`INSERT INTO tag_alias (slug, tag_id) VALUES ('llm', $1)`, [target.id]);
    // A link whose two topics now lead to one tag carries it once.
    await h.dataSource.query(`DELETE FROM tag WHERE slug = 'robotics'`);
    await h.dataSource.query(`INSERT INTO tag_alias (slug, tag_id) SELECT 'robotics', id FROM tag WHERE slug = 'research'`);
    // Text the taxonomy reads as `llm` (which implies `ai`) and as `robotics` (which implies nothing).
    const day = onDay('2024-06-01').replace('A visual walk through attention heads.', 'Attention heads in large language models and their context windows.');
    const result = await importAs(ADMIN_TOKEN, day);
    const tagsOf = (title: string) =>
      result.issue.links.find((link: any) => link.title.startsWith(title)).tags.map((tag: any) => tag.slug);
    expect(tagsOf('Watching a transformer')).toEqual(['ai', 'language-models']);
    expect(tagsOf('Origami Labs')).toEqual(['research']);
    expect(await h.dataSource.query(`SELECT id FROM tag WHERE slug IN ('llm', 'robotics')`)).toEqual([]);
    expect((await importAs(ADMIN_TOKEN, day)).status).toBe('UNCHANGED');
  });
});

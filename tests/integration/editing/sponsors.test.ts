import { IssueStatus } from '../../../src/modules/issue/issue-status';
import type { Issue } from '../../../src/modules/issue/issue.entity';
import { Factory } from '../../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../../support/harness';
import { expectRefused, expectRefusedToAllButEditors, Keys, makeKeys } from '../../support/refusals';

const CREATE = `mutation($input: CreateSponsorInput!) { createSponsor(input: $input) { id name domain url } }`;
const UPDATE = `mutation($input: UpdateSponsorInput!) { updateSponsor(input: $input) { id name domain url } }`;
const MERGE = `mutation($input: MergeSponsorsInput!) { mergeSponsors(input: $input) { id domain } }`;
const ADD = `mutation($input: AddPlacementInput!) { addPlacement(input: $input) { id position title body url sponsor { domain } issue { id version } } }`;
const UPDATE_PLACEMENT = `mutation($input: UpdatePlacementInput!) { updatePlacement(input: $input) { id position title url sponsor { domain } issue { version } } }`;
const REMOVE = `mutation($input: RemovePlacementInput!) { removePlacement(input: $input) { id version sponsorPlacements { title position } } }`;
const SET_LINK_SPONSOR = `mutation($input: SetLinkSponsorInput!) { setLinkSponsor(input: $input) { id sponsored sponsor { domain } issue { version } } }`;

let h: Harness;
let f: Factory;
let keys: Keys;

beforeAll(async () => {
  h = await startHarness();
  f = new Factory(h.dataSource);
  keys = await makeKeys(h);
});

afterAll(() => h.close());

let newsletters = 0;
async function freshNewsletter() {
  newsletters += 1;
  return f.newsletter(`s${newsletters}`);
}

async function versionOf(issueId: number): Promise<number> {
  const [row] = await h.dataSource.query('SELECT version FROM issue WHERE id = $1', [issueId]);
  return row.version;
}

/** The issue's placements as the public reads them, in order. */
async function placementsOf(issue: Issue, newsletter: string): Promise<Array<{ title: string; position: number }>> {
  const { data, errors } = await h.gql(`query($n: String!, $d: Date!) { issue(newsletter: $n, date: $d) { sponsorPlacements { title position } } }`, {
    n: newsletter,
    d: issue.date,
  });
  expect(errors).toBeUndefined();
  return data!.issue.sponsorPlacements;
}

async function placementIds(issueId: number): Promise<Record<string, string>> {
  const rows = await h.dataSource.query('SELECT id, title FROM sponsor_placement WHERE issue_id = $1', [issueId]);
  return Object.fromEntries(rows.map((row: any) => [row.title, String(row.id)]));
}

describe('every sponsor mutation refuses the public, partners and revoked keys, writing nothing', () => {
  it.each([
    ['createSponsor', CREATE, { name: 'X', domain: 'refused.dev', url: 'https://refused.dev' }],
    ['updateSponsor', UPDATE, { id: 'S', name: 'X' }],
    ['mergeSponsors', MERGE, { sourceId: 'S', targetId: 'T' }],
    ['addPlacement', ADD, { issueId: 'I', expectedVersion: 1, sponsorId: 'S', title: 'x', body: 'x', url: 'https://x.dev' }],
    ['updatePlacement', UPDATE_PLACEMENT, { id: 'P', expectedVersion: 1, title: 'x' }],
    ['removePlacement', REMOVE, { id: 'P', expectedVersion: 1 }],
    ['setLinkSponsor', SET_LINK_SPONSOR, { linkId: 'L', expectedVersion: 1, sponsorId: null }],
  ])('%s', async (name, query, template) => {
    const n = await freshNewsletter();
    const sponsor = await f.sponsor(`${name.toLowerCase()}-s.dev`);
    const target = await f.sponsor(`${name.toLowerCase()}-t.dev`);
    const issue = await f.issue(n, {
      date: '2026-01-01',
      placements: [{ sponsor }],
      sections: [{ title: 'Sponsor', links: [{ title: 'ad', sponsored: true, sponsor }] }],
    });
    const [placement] = await h.dataSource.query('SELECT id FROM sponsor_placement WHERE issue_id = $1', [issue.id]);
    const [link] = await h.dataSource.query('SELECT l.id FROM link l JOIN section s ON s.id = l.section_id WHERE s.issue_id = $1', [issue.id]);
    const version = await versionOf(issue.id);
    const ids: Record<string, string> = { S: String(sponsor.id), T: String(target.id), I: String(issue.id), P: String(placement.id), L: String(link.id) };
    const input = Object.fromEntries(
      Object.entries(template).map(([field, value]) => [field, field === 'expectedVersion' ? version : typeof value === 'string' && ids[value] ? ids[value] : value]),
    );
    await expectRefusedToAllButEditors(h, keys, query, { input });
  });
});

describe('createSponsor and updateSponsor', () => {
  it('editors create a sponsor with its domain lower-cased; admins update it; both are audited', async () => {
    const created = await h.gql(CREATE, { input: { name: ' Acme ', domain: 'WWW.Acme.IO', url: 'https://acme.io/?ref=tldr' } }, keys.editor);
    expect(created.errors).toBeUndefined();
    expect(created.data?.createSponsor).toMatchObject({ name: 'Acme', domain: 'acme.io', url: 'https://acme.io/?ref=tldr' });
    const { id } = created.data!.createSponsor;
    const updated = await h.gql(UPDATE, { input: { id, name: 'Acme Corp', domain: 'acme.com' } }, ADMIN_TOKEN);
    expect(updated.data?.updateSponsor).toEqual({ id, name: 'Acme Corp', domain: 'acme.com', url: 'https://acme.io/?ref=tldr' });
    const entries = await h.dataSource.query(`SELECT action, actor_kind, changes FROM audit_entry WHERE entity_type = 'SPONSOR' AND entity_id = $1 ORDER BY id`, [Number(id)]);
    expect(entries).toEqual([
      expect.objectContaining({ action: 'createSponsor', actor_kind: 'API_KEY' }),
      {
        action: 'updateSponsor',
        actor_kind: 'ADMIN_TOKEN',
        changes: { name: { before: 'Acme', after: 'Acme Corp' }, domain: { before: 'acme.io', after: 'acme.com' } },
      },
    ]);
  });

  it('refuses a taken domain, malformed fields and a missing sponsor, writing nothing', async () => {
    await f.sponsor('taken.dev');
    const other = await f.sponsor('other.dev');
    const refuse = (query: string, input: object, code: string, field: string) => expectRefused(h, keys.editor, query, { input }, { code, field });
    await refuse(CREATE, { name: 'Taken', domain: 'Taken.DEV', url: 'https://taken.dev' }, 'BAD_USER_INPUT', 'domain');
    await refuse(CREATE, { name: 'Bad', domain: 'not a domain', url: 'https://bad.dev' }, 'BAD_USER_INPUT', 'domain');
    await refuse(CREATE, { name: 'Bad', domain: 'bad.dev', url: 'javascript:alert(1)' }, 'BAD_USER_INPUT', 'url');
    await refuse(CREATE, { name: ' ', domain: 'bad.dev', url: 'https://bad.dev' }, 'BAD_USER_INPUT', 'name');
    await refuse(UPDATE, { id: String(other.id), domain: 'www.taken.dev' }, 'BAD_USER_INPUT', 'domain');
    await refuse(UPDATE, { id: '999999', name: 'x' }, 'NOT_FOUND', 'id');
  });
});

describe('mergeSponsors', () => {
  it('moves links and placements, deletes the source, bumps exactly the touched issues and audits each once', async () => {
    const n = await freshNewsletter();
    const source = await f.sponsor('merge-source.dev');
    const target = await f.sponsor('merge-target.dev');
    const a = await f.issue(n, { date: '2026-02-01', sections: [{ title: 'Ads', links: [{ title: 'a1', sponsored: true, sponsor: source }, { title: 'a2', sponsored: true, sponsor: source }] }] });
    const b = await f.issue(n, { date: '2026-02-02', placements: [{ sponsor: source, title: 'b placement' }, { sponsor: target, title: 'b target' }] });
    const c = await f.issue(n, { date: '2026-02-03', placements: [{ sponsor: target, title: 'c placement' }] });
    const d = await f.issue(n, { date: '2026-02-04', status: IssueStatus.DRAFT, sections: [{ title: 'Ads', links: [{ title: 'd1', sponsored: true, sponsor: source }] }] });
    const versions = await Promise.all([a, b, c, d].map((issue) => versionOf(issue.id)));
    const before = await h.rowCounts();

    const { data, errors } = await h.gql(MERGE, { input: { sourceId: String(source.id), targetId: String(target.id) } }, keys.editor);
    expect(errors).toBeUndefined();
    expect(data?.mergeSponsors).toEqual({ id: String(target.id), domain: 'merge-target.dev' });

    expect(await Promise.all([a, b, c, d].map((issue) => versionOf(issue.id)))).toEqual([versions[0] + 1, versions[1] + 1, versions[2], versions[3] + 1]);
    const after = await h.rowCounts();
    expect(after.sponsor).toBe(before.sponsor - 1);
    expect(after.versions - before.versions).toBe(3);
    expect(after.audit_entry - before.audit_entry).toBe(4);
    const entries = await h.dataSource.query(`SELECT * FROM audit_entry WHERE action = 'mergeSponsors' ORDER BY id`);
    const perIssue = Object.fromEntries(entries.filter((entry: any) => entry.issue_id !== null).map((entry: any) => [entry.issue_id, entry.summary]));
    expect(perIssue).toEqual({
      [a.id]: { source: 'merge-source.dev', target: 'merge-target.dev', linksMoved: 2, placementsMoved: 0 },
      [b.id]: { source: 'merge-source.dev', target: 'merge-target.dev', linksMoved: 0, placementsMoved: 1 },
      [d.id]: { source: 'merge-source.dev', target: 'merge-target.dev', linksMoved: 1, placementsMoved: 0 },
    });
    const merge = entries.find((entry: any) => entry.issue_id === null);
    expect(merge).toMatchObject({ entity_type: 'SPONSOR', entity_id: target.id });
    expect(merge.summary).toMatchObject({ source: { id: source.id, domain: 'merge-source.dev' }, issues: 3, linksMoved: 3, placementsMoved: 1 });

    const { data: read } = await h.gql(`{ sponsors(first: 100) { edges { node { domain placements { title } links { title sponsored } } } } }`);
    const nodes = read!.sponsors.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => node.domain)).not.toContain('merge-source.dev');
    const merged = nodes.find((node: any) => node.domain === 'merge-target.dev');
    expect(merged.placements.map((p: any) => p.title).sort()).toEqual(['b placement', 'b target', 'c placement']);
    expect(merged.links).toEqual([{ title: 'a1', sponsored: true }, { title: 'a2', sponsored: true }]);
  });

  it('racing placements that credit the source: each is moved to the target or refused cleanly, never lost', async () => {
    const n = await freshNewsletter();
    const source = await f.sponsor('race-source.dev');
    const target = await f.sponsor('race-target.dev');
    const issues = await Promise.all([1, 2, 3, 4, 5, 6].map((day) => f.issue(n, { date: `2026-02-1${day}`, placements: [{ sponsor: source }] })));
    const versions = await Promise.all(issues.map((issue) => versionOf(issue.id)));
    const adds = issues.map((issue, i) =>
      h.gql(ADD, { input: { issueId: String(issue.id), expectedVersion: versions[i], sponsorId: String(source.id), title: `race ${i}`, body: '', url: 'https://race-source.dev' } }, keys.editor),
    );
    const merge = h.gql(MERGE, { input: { sourceId: String(source.id), targetId: String(target.id) } }, ADMIN_TOKEN);
    const [merged, ...added] = await Promise.all([merge, ...adds]);
    expect(merged.errors).toBeUndefined();
    const won = added.filter((result) => !result.errors).length;
    for (const result of added.filter((r) => r.errors)) expect(['CONFLICT', 'NOT_FOUND']).toContain(result.errors![0].extensions?.code);
    const [{ n: onTarget }] = await h.dataSource.query('SELECT count(*)::int AS n FROM sponsor_placement WHERE sponsor_id = $1', [target.id]);
    expect(onTarget).toBe(issues.length + won);
    const [{ n: entries }] = await h.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_entry WHERE action = 'mergeSponsors' AND issue_id = ANY($1::int[])`,
      [issues.map((issue) => issue.id)],
    );
    expect(entries).toBe(issues.length);
    console.log(`merge racing ${issues.length} placements on its source: ${won} added and moved, ${issues.length - won} refused`);
  });

  it('refuses a merge into itself and missing sponsors, writing nothing', async () => {
    const solo = await f.sponsor('solo.dev');
    const merge = (sourceId: string, targetId: string, code: string, field: string) =>
      expectRefused(h, keys.editor, MERGE, { input: { sourceId, targetId } }, { code, field });
    await merge(String(solo.id), String(solo.id), 'BAD_USER_INPUT', 'targetId');
    await merge('999999', String(solo.id), 'NOT_FOUND', 'sourceId');
    await merge(String(solo.id), '999999', 'NOT_FOUND', 'targetId');
    await merge('x', String(solo.id), 'BAD_USER_INPUT', 'sourceId');
  });
});

describe('placements', () => {
  it('addPlacement inserts at a position (or at the end), keeps positions 0..n-1 and bumps the version', async () => {
    const n = await freshNewsletter();
    const sponsor = await f.sponsor('placements.dev');
    const issue = await f.issue(n, { date: '2026-03-01', placements: [{ sponsor, title: 'first' }, { sponsor, title: 'second' }] });
    const version = await versionOf(issue.id);
    const input = { issueId: String(issue.id), sponsorId: String(sponsor.id), body: 'Try **it**', url: 'https://placements.dev/try' };

    const top = await h.gql(ADD, { input: { ...input, expectedVersion: version, title: 'new top', position: 0 } }, keys.editor);
    expect(top.errors).toBeUndefined();
    expect(top.data?.addPlacement).toMatchObject({ position: 0, title: 'new top', sponsor: { domain: 'placements.dev' }, issue: { version: version + 1 } });
    const end = await h.gql(ADD, { input: { ...input, expectedVersion: version + 1, title: 'new end' } }, ADMIN_TOKEN);
    expect(end.data?.addPlacement).toMatchObject({ position: 3, issue: { version: version + 2 } });
    expect(await placementsOf(issue, n.slug)).toEqual([
      { title: 'new top', position: 0 },
      { title: 'first', position: 1 },
      { title: 'second', position: 2 },
      { title: 'new end', position: 3 },
    ]);
    const [entry] = await h.dataSource.query(`SELECT * FROM audit_entry WHERE action = 'addPlacement' AND entity_id = $1`, [Number(top.data!.addPlacement.id)]);
    expect(entry).toMatchObject({ entity_type: 'SPONSOR_PLACEMENT', issue_id: issue.id });
    expect(entry.changes.title).toEqual({ before: null, after: 'new top' });

    await expectRefused(h, keys.editor, ADD, { input: { ...input, expectedVersion: version, title: 'stale' } }, { code: 'CONFLICT' });
    const stale = await h.gql(ADD, { input: { ...input, expectedVersion: version, title: 'stale' } }, keys.editor);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', expectedVersion: version, currentVersion: version + 2 });
    const current = version + 2;
    await expectRefused(h, keys.editor, ADD, { input: { ...input, expectedVersion: current, title: 'far', position: 5 } }, { code: 'BAD_USER_INPUT', field: 'position' });
    await expectRefused(h, keys.editor, ADD, { input: { ...input, expectedVersion: current, title: 'x', sponsorId: '999999' } }, { code: 'NOT_FOUND', field: 'sponsorId' });
    await expectRefused(h, keys.editor, ADD, { input: { ...input, expectedVersion: current, title: 'x', issueId: '999999' } }, { code: 'NOT_FOUND', field: 'issueId' });
    await expectRefused(h, keys.editor, ADD, { input: { ...input, expectedVersion: current, title: 'x', url: 'ftp://x' } }, { code: 'BAD_USER_INPUT', field: 'url' });
  });

  it('two editors adding to the same version: exactly one wins, the other gets CONFLICT and writes nothing', async () => {
    const n = await freshNewsletter();
    const sponsor = await f.sponsor('race.dev');
    const issue = await f.issue(n, { date: '2026-03-02' });
    const version = await versionOf(issue.id);
    const before = await h.rowCounts();
    const results = await Promise.all(
      ['one', 'two'].map((title) =>
        h.gql(ADD, { input: { issueId: String(issue.id), expectedVersion: version, sponsorId: String(sponsor.id), title, body: '', url: 'https://race.dev' } }, keys.editor),
      ),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => result.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(1);
    const after = await h.rowCounts();
    expect([after.sponsor_placement - before.sponsor_placement, after.audit_entry - before.audit_entry, after.versions - before.versions]).toEqual([1, 1, 1]);
  });

  it('updatePlacement changes what it is given and records before and after; a stale version gets CONFLICT', async () => {
    const n = await freshNewsletter();
    const sponsor = await f.sponsor('update-placement.dev');
    const other = await f.sponsor('update-placement-2.dev');
    const issue = await f.issue(n, { date: '2026-03-03', placements: [{ sponsor, title: 'old title' }] });
    const { 'old title': id } = await placementIds(issue.id);
    const version = await versionOf(issue.id);
    const { data, errors } = await h.gql(UPDATE_PLACEMENT, { input: { id, expectedVersion: version, title: 'new title', sponsorId: String(other.id) } }, keys.editor);
    expect(errors).toBeUndefined();
    expect(data?.updatePlacement).toMatchObject({ position: 0, title: 'new title', sponsor: { domain: 'update-placement-2.dev' }, issue: { version: version + 1 } });
    const [entry] = await h.dataSource.query(`SELECT changes FROM audit_entry WHERE action = 'updatePlacement' AND entity_id = $1`, [Number(id)]);
    expect(entry.changes).toEqual({ title: { before: 'old title', after: 'new title' }, sponsorId: { before: sponsor.id, after: other.id } });
    await expectRefused(h, ADMIN_TOKEN, UPDATE_PLACEMENT, { input: { id, expectedVersion: version, title: 'lost' } }, { code: 'CONFLICT' });
    await expectRefused(h, keys.editor, UPDATE_PLACEMENT, { input: { id: '999999', expectedVersion: 1, title: 'x' } }, { code: 'NOT_FOUND', field: 'id' });
  });

  it('removePlacement closes the gap, returns the issue at its new version; a stale version gets CONFLICT', async () => {
    const n = await freshNewsletter();
    const sponsor = await f.sponsor('remove.dev');
    const issue = await f.issue(n, { date: '2026-03-04', placements: ['p0', 'p1', 'p2', 'p3'].map((title) => ({ sponsor, title })) });
    const ids = await placementIds(issue.id);
    const version = await versionOf(issue.id);
    const { data, errors } = await h.gql(REMOVE, { input: { id: ids.p1, expectedVersion: version } }, keys.editor);
    expect(errors).toBeUndefined();
    expect(data?.removePlacement).toEqual({
      id: String(issue.id),
      version: version + 1,
      sponsorPlacements: [{ title: 'p0', position: 0 }, { title: 'p2', position: 1 }, { title: 'p3', position: 2 }],
    });
    await expectRefused(h, keys.editor, REMOVE, { input: { id: ids.p0, expectedVersion: version } }, { code: 'CONFLICT' });
    const removedFirst = await h.gql(REMOVE, { input: { id: ids.p0, expectedVersion: version + 1 } }, ADMIN_TOKEN);
    expect(removedFirst.data?.removePlacement.sponsorPlacements).toEqual([{ title: 'p2', position: 0 }, { title: 'p3', position: 1 }]);
    const [entry] = await h.dataSource.query(`SELECT * FROM audit_entry WHERE action = 'removePlacement' AND entity_id = $1`, [Number(ids.p1)]);
    expect(entry).toMatchObject({ issue_id: issue.id, changes: expect.objectContaining({ title: { before: 'p1', after: null } }) });
    await expectRefused(h, keys.editor, REMOVE, { input: { id: ids.p1, expectedVersion: version + 2 } }, { code: 'NOT_FOUND', field: 'id' });
  });
});

describe('setLinkSponsor', () => {
  it('credits a link to a sponsor and marks it sponsored; null clears both; a stale version gets CONFLICT', async () => {
    const n = await freshNewsletter();
    const sponsor = await f.sponsor('credit.dev');
    const issue = await f.issue(n, { date: '2026-04-01', sections: [{ title: 'News', links: [{ title: 'plain' }] }] });
    const [{ id }] = await h.dataSource.query('SELECT l.id FROM link l JOIN section s ON s.id = l.section_id WHERE s.issue_id = $1', [issue.id]);
    const linkId = String(id);
    const version = await versionOf(issue.id);

    const set = await h.gql(SET_LINK_SPONSOR, { input: { linkId, expectedVersion: version, sponsorId: String(sponsor.id) } }, keys.editor);
    expect(set.errors).toBeUndefined();
    expect(set.data?.setLinkSponsor).toEqual({ id: linkId, sponsored: true, sponsor: { domain: 'credit.dev' }, issue: { version: version + 1 } });
    const { data: read } = await h.gql(`query($n: [String!]) { links(filter: { newsletters: $n, sponsored: true }) { edges { node { title sponsor { domain } } } } }`, { n: [n.slug] });
    expect(read?.links.edges).toEqual([{ node: { title: 'plain', sponsor: { domain: 'credit.dev' } } }]);

    await expectRefused(h, keys.editor, SET_LINK_SPONSOR, { input: { linkId, expectedVersion: version, sponsorId: null } }, { code: 'CONFLICT' });
    const cleared = await h.gql(SET_LINK_SPONSOR, { input: { linkId, expectedVersion: version + 1, sponsorId: null } }, ADMIN_TOKEN);
    expect(cleared.data?.setLinkSponsor).toEqual({ id: linkId, sponsored: false, sponsor: null, issue: { version: version + 2 } });
    const entries = await h.dataSource.query(`SELECT changes FROM audit_entry WHERE action = 'setLinkSponsor' AND entity_id = $1 ORDER BY id`, [id]);
    expect(entries.map((entry: any) => entry.changes)).toEqual([
      { sponsorId: { before: null, after: sponsor.id }, sponsored: { before: false, after: true } },
      { sponsorId: { before: sponsor.id, after: null }, sponsored: { before: true, after: false } },
    ]);

    const current = version + 2;
    await expectRefused(h, keys.editor, SET_LINK_SPONSOR, { input: { linkId, expectedVersion: current } }, { code: 'BAD_USER_INPUT', field: 'sponsorId' });
    await expectRefused(h, keys.editor, SET_LINK_SPONSOR, { input: { linkId, expectedVersion: current, sponsorId: '999999' } }, { code: 'NOT_FOUND', field: 'sponsorId' });
    await expectRefused(h, keys.editor, SET_LINK_SPONSOR, { input: { linkId: '999999', expectedVersion: current, sponsorId: null } }, { code: 'NOT_FOUND', field: 'linkId' });
  });
});

import { IssueStatus } from '../../../src/modules/issue/issue-status';
import { Factory } from '../../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../../support/harness';
import { expectRefused, expectRefusedToAllButEditors, Keys, makeKeys } from '../../support/refusals';

const CREATE_NEWSLETTER = `mutation($input: CreateNewsletterInput!) { createNewsletter(input: $input) { id slug name tagline } }`;
const UPDATE_NEWSLETTER = `mutation($input: UpdateNewsletterInput!) { updateNewsletter(input: $input) { id slug name tagline } }`;
const CREATE_TAG = `mutation($input: CreateTagInput!) { createTag(input: $input) { id slug name aliases } }`;
const UPDATE_TAG = `mutation($input: UpdateTagInput!) { updateTag(input: $input) { id slug name aliases } }`;
const MERGE_TAGS = `mutation($input: MergeTagsInput!) { mergeTags(input: $input) { id slug aliases } }`;
const CREATE_CATEGORY = `mutation($input: CreateCategoryInput!) { createCategory(input: $input) { id slug name aliases } }`;
const UPDATE_CATEGORY = `mutation($input: UpdateCategoryInput!) { updateCategory(input: $input) { id slug name aliases } }`;
const MERGE_CATEGORIES = `mutation($input: MergeCategoriesInput!) { mergeCategories(input: $input) { id slug aliases } }`;

let h: Harness;
let f: Factory;
let keys: Keys;

beforeAll(async () => {
  h = await startHarness();
  f = new Factory(h.dataSource);
  keys = await makeKeys(h);
});

afterAll(() => h.close());

/** A newsletter of its own per test, so issue dates never collide. */
let newsletters = 0;
async function freshNewsletter() {
  newsletters += 1;
  return f.newsletter(`n${newsletters}`);
}

async function versionOf(issueId: number): Promise<number> {
  const [row] = await h.dataSource.query('SELECT version FROM issue WHERE id = $1', [issueId]);
  return row.version;
}

async function linkTitles(filter: Record<string, unknown>): Promise<string[]> {
  const { data, errors } = await h.gql(`query($filter: LinkFilter) { links(filter: $filter, first: 100) { edges { node { title } } } }`, { filter });
  expect(errors).toBeUndefined();
  return data!.links.edges.map((edge: any) => edge.node.title).sort();
}

async function issueDates(filter: Record<string, unknown>): Promise<string[]> {
  const { data, errors } = await h.gql(`query($filter: IssueFilter) { issues(filter: $filter, first: 100) { edges { node { date } } } }`, { filter });
  expect(errors).toBeUndefined();
  return data!.issues.edges.map((edge: any) => edge.node.date).sort();
}

async function auditOf(action: string): Promise<any[]> {
  return h.dataSource.query('SELECT * FROM audit_entry WHERE action = $1 ORDER BY id', [action]);
}

describe('every catalog mutation refuses the public, partners and revoked keys, writing nothing', () => {
  it.each([
    ['createNewsletter', CREATE_NEWSLETTER, { slug: 'refused', name: 'Refused' }],
    ['updateNewsletter', UPDATE_NEWSLETTER, { id: '1', name: 'Refused' }],
    ['createTag', CREATE_TAG, { slug: 'refused', name: 'Refused' }],
    ['updateTag', UPDATE_TAG, { id: '1', name: 'Refused' }],
    ['mergeTags', MERGE_TAGS, { sourceSlug: 'a', targetSlug: 'b' }],
    ['createCategory', CREATE_CATEGORY, { slug: 'refused', name: 'Refused' }],
    ['updateCategory', UPDATE_CATEGORY, { id: '1', name: 'Refused' }],
    ['mergeCategories', MERGE_CATEGORIES, { sourceSlug: 'a', targetSlug: 'b' }],
  ])('%s', async (_name, query, input) => {
    await f.tag('a');
    await f.tag('b');
    await f.category('a');
    await f.category('b');
    await expectRefusedToAllButEditors(h, keys, query, { input });
  });
});

describe('newsletters', () => {
  it('editors and admins create and update them; the audit trail has before and after', async () => {
    const created = await h.gql(CREATE_NEWSLETTER, { input: { slug: 'weekly', name: ' Weekly ', tagline: 'Every week' } }, keys.editor);
    expect(created.errors).toBeUndefined();
    expect(created.data?.createNewsletter).toMatchObject({ slug: 'weekly', name: 'Weekly', tagline: 'Every week' });
    const { id } = created.data!.createNewsletter;

    const updated = await h.gql(UPDATE_NEWSLETTER, { input: { id, slug: 'weekly-digest', tagline: null } }, ADMIN_TOKEN);
    expect(updated.errors).toBeUndefined();
    expect(updated.data?.updateNewsletter).toEqual({ id, slug: 'weekly-digest', name: 'Weekly', tagline: null });
    const [entry] = await h.dataSource.query(`SELECT * FROM audit_entry WHERE action = 'updateNewsletter' AND entity_id = $1`, [Number(id)]);
    expect(entry).toMatchObject({ actor_kind: 'ADMIN_TOKEN', entity_type: 'NEWSLETTER' });
    expect(entry.changes).toEqual({
      slug: { before: 'weekly', after: 'weekly-digest' },
      tagline: { before: 'Every week', after: null },
    });
  });

  it('refuses a taken or malformed slug and a missing newsletter, writing nothing', async () => {
    await f.newsletter('taken');
    const other = await f.newsletter('other');
    await expectRefused(h, keys.editor, CREATE_NEWSLETTER, { input: { slug: 'taken', name: 'x' } }, { code: 'BAD_USER_INPUT', field: 'slug' });
    await expectRefused(h, keys.editor, CREATE_NEWSLETTER, { input: { slug: 'Not A Slug', name: 'x' } }, { code: 'BAD_USER_INPUT', field: 'slug' });
    await expectRefused(h, keys.editor, CREATE_NEWSLETTER, { input: { slug: 'blank', name: '  ' } }, { code: 'BAD_USER_INPUT', field: 'name' });
    await expectRefused(h, keys.editor, UPDATE_NEWSLETTER, { input: { id: String(other.id), slug: 'taken' } }, { code: 'BAD_USER_INPUT', field: 'slug' });
    await expectRefused(h, keys.editor, UPDATE_NEWSLETTER, { input: { id: '999999', name: 'x' } }, { code: 'NOT_FOUND', field: 'id' });
  });
});

describe('tags', () => {
  it('editors and admins create and rename them; the old slug stays as an alias that filters accept', async () => {
    const n = await freshNewsletter();
    const created = await h.gql(CREATE_TAG, { input: { slug: 'wasm', name: 'WebAssembly' } }, keys.editor);
    expect(created.errors).toBeUndefined();
    expect(created.data?.createTag).toMatchObject({ slug: 'wasm', name: 'WebAssembly', aliases: [] });
    const { id } = created.data!.createTag;
    await f.issue(n, { date: '2026-01-01', sections: [{ title: 'Web', links: [{ title: 'wasm link', tags: ['wasm'] }] }] });
    const versions = await h.rowCounts();

    const renamed = await h.gql(UPDATE_TAG, { input: { id, slug: 'webassembly' } }, ADMIN_TOKEN);
    expect(renamed.errors).toBeUndefined();
    expect(renamed.data?.updateTag).toEqual({ id, slug: 'webassembly', name: 'WebAssembly', aliases: ['wasm'] });
    // A tag is shared, not part of an issue: renaming it bumps no issue.
    expect((await h.rowCounts()).versions).toBe(versions.versions);
    expect(await linkTitles({ tags: { any: ['wasm'] } })).toEqual(['wasm link']);
    expect(await linkTitles({ tags: { all: ['webassembly'] } })).toEqual(['wasm link']);
    const [entry] = await h.dataSource.query(`SELECT * FROM audit_entry WHERE action = 'updateTag' AND entity_id = $1`, [Number(id)]);
    expect(entry.changes).toEqual({ slug: { before: 'wasm', after: 'webassembly' } });

    // Renaming back to the old slug reclaims it; the other slug becomes the alias.
    const back = await h.gql(UPDATE_TAG, { input: { id, slug: 'wasm' } }, keys.editor);
    expect(back.data?.updateTag).toMatchObject({ slug: 'wasm', aliases: ['webassembly'] });
    expect(await linkTitles({ tags: { any: ['webassembly'] } })).toEqual(['wasm link']);
  });

  it('refuses a slug that is taken, current or old, and malformed input, writing nothing', async () => {
    await f.tag('taken-tag');
    const other = await f.tag('other-tag');
    await h.dataSource.query(`INSERT INTO tag_alias (slug, tag_id) VALUES ('old-tag', $1)`, [other.id]);
    const refuse = (query: string, input: object, field: string) => expectRefused(h, keys.editor, query, { input }, { code: 'BAD_USER_INPUT', field });
    await refuse(CREATE_TAG, { slug: 'taken-tag', name: 'x' }, 'slug');
    await refuse(CREATE_TAG, { slug: 'old-tag', name: 'x' }, 'slug');
    await refuse(CREATE_TAG, { slug: 'Bad_Slug', name: 'x' }, 'slug');
    await refuse(CREATE_TAG, { slug: 'x'.repeat(65), name: 'x' }, 'slug');
    await refuse(UPDATE_TAG, { id: String(other.id), slug: 'taken-tag' }, 'slug');
    await refuse(UPDATE_TAG, { id: 'nope', name: 'x' }, 'id');
    await expectRefused(h, keys.editor, UPDATE_TAG, { input: { id: '999999', name: 'x' } }, { code: 'NOT_FOUND', field: 'id' });
  });
});

describe('mergeTags', () => {
  it('moves links, dedupes, bumps exactly the touched issues once, audits one entry per issue, and k8s filters as kubernetes', async () => {
    const n = await freshNewsletter();
    const a = await f.issue(n, { date: '2026-02-01', sections: [{ title: 'Ops', links: [{ title: 'A1', tags: ['k8s'] }, { title: 'A2', tags: ['k8s', 'rust'] }] }] });
    const b = await f.issue(n, { date: '2026-02-02', sections: [{ title: 'Ops', links: [{ title: 'B1', tags: ['k8s', 'kubernetes'] }] }] });
    const c = await f.issue(n, { date: '2026-02-03', sections: [{ title: 'Ops', links: [{ title: 'C1', tags: ['kubernetes'] }] }] });
    const d = await f.issue(n, { date: '2026-02-04', sections: [{ title: 'Ops', links: [{ title: 'D1', tags: ['rust'] }] }] });
    const draft = await f.issue(n, { date: '2026-02-05', status: IssueStatus.DRAFT, sections: [{ title: 'Ops', links: [{ title: 'Draft', tags: ['k8s'] }] }] });
    const scope = { newsletters: [n.slug] };
    const before = await h.rowCounts();
    const versions = await Promise.all([a, b, c, d, draft].map((issue) => versionOf(issue.id)));

    const { data, errors } = await h.gql(MERGE_TAGS, { input: { sourceSlug: 'k8s', targetSlug: 'kubernetes' } }, keys.editor);
    expect(errors).toBeUndefined();
    expect(data?.mergeTags).toMatchObject({ slug: 'kubernetes', aliases: ['k8s'] });

    expect(await Promise.all([a, b, c, d, draft].map((issue) => versionOf(issue.id)))).toEqual([
      versions[0] + 1, versions[1] + 1, versions[2], versions[3], versions[4] + 1,
    ]);
    const entries = await auditOf('mergeTags');
    const perIssue = entries.filter((entry) => entry.issue_id !== null);
    expect(perIssue.map((entry) => entry.issue_id).sort()).toEqual([a.id, b.id, draft.id].sort());
    expect(perIssue.find((entry) => entry.issue_id === a.id)).toMatchObject({
      actor_kind: 'API_KEY',
      entity_type: 'ISSUE',
      summary: { source: 'k8s', target: 'kubernetes', linksRetagged: 2, linksAlreadyTagged: 0, decisionsMoved: 0 },
    });
    expect(perIssue.find((entry) => entry.issue_id === b.id)?.summary).toMatchObject({ linksRetagged: 0, linksAlreadyTagged: 1 });
    const merge = entries.filter((entry) => entry.issue_id === null);
    expect(merge).toHaveLength(1);
    expect(merge[0]).toMatchObject({ entity_type: 'TAG', entity_id: Number(data!.mergeTags.id) });
    expect(merge[0].summary).toMatchObject({ target: 'kubernetes', issues: 3, linksRetagged: 3, linksAlreadyTagged: 1 });
    const after = await h.rowCounts();
    expect(after.audit_entry - before.audit_entry).toBe(4);
    expect(after.versions - before.versions).toBe(3);
    expect(after.tag).toBe(before.tag - 1);
    expect(after.link_tag).toBe(before.link_tag - 1);

    // The old slug resolves to the target in every tag filter, on links and on issues.
    const kubernetes = ['A1', 'A2', 'B1', 'C1'];
    expect(await linkTitles({ ...scope, tags: { any: ['kubernetes'] } })).toEqual(kubernetes);
    expect(await linkTitles({ ...scope, tags: { any: ['k8s'] } })).toEqual(kubernetes);
    expect(await linkTitles({ ...scope, tags: { all: ['k8s'] } })).toEqual(kubernetes);
    expect(await linkTitles({ ...scope, tags: { all: ['k8s', 'rust'] } })).toEqual(['A2']);
    expect(await linkTitles({ ...scope, tags: { all: ['k8s', 'kubernetes'] } })).toEqual(kubernetes);
    expect(await linkTitles({ ...scope, tags: { none: ['k8s'] } })).toEqual(await linkTitles({ ...scope, tags: { none: ['kubernetes'] } }));
    expect(await linkTitles({ ...scope, tags: { none: ['k8s'] } })).toEqual(['D1']);
    expect(await issueDates({ ...scope, tags: { any: ['k8s'] } })).toEqual(['2026-02-01', '2026-02-02', '2026-02-03']);
    expect(await issueDates({ ...scope, tags: { none: ['k8s'] } })).toEqual(['2026-02-04']);

    // The slug cannot come back as a tag of its own.
    await expectRefused(h, keys.editor, CREATE_TAG, { input: { slug: 'k8s', name: 'K8s' } }, { code: 'BAD_USER_INPUT', field: 'slug' });
  });

  it('merging a tag that has aliases carries them over, so every old slug reaches the last target', async () => {
    const n = await freshNewsletter();
    await f.issue(n, { date: '2026-03-01', sections: [{ title: 'X', links: [{ title: 'js', tags: ['js'] }, { title: 'ecma', tags: ['ecmascript'] }] }] });
    expect((await h.gql(MERGE_TAGS, { input: { sourceSlug: 'js', targetSlug: 'ecmascript' } }, ADMIN_TOKEN)).errors).toBeUndefined();
    const { data } = await h.gql(MERGE_TAGS, { input: { sourceSlug: 'ecmascript', targetSlug: 'javascript-lang' } }, ADMIN_TOKEN);
    expect(data).toBeNull();
    await f.tag('javascript-lang');
    const merged = await h.gql(MERGE_TAGS, { input: { sourceSlug: 'ecmascript', targetSlug: 'javascript-lang' } }, ADMIN_TOKEN);
    expect(merged.errors).toBeUndefined();
    expect(merged.data?.mergeTags).toMatchObject({ slug: 'javascript-lang', aliases: ['ecmascript', 'js'] });
    expect(await linkTitles({ newsletters: [n.slug], tags: { all: ['js'] } })).toEqual(['ecma', 'js']);
  });

  it('moves editor tag decisions: inclusion wins, an exclusion is kept only where the link ends without the tag', async () => {
    const n = await freshNewsletter();
    await f.tag('ml');
    const issue = await f.issue(n, {
      date: '2026-04-01',
      sections: [{ title: 'AI', links: [
        { title: 'included', tags: ['machine-learning'] },
        { title: 'excluded-carried', tags: ['ml'] },
        { title: 'excluded-alone' },
        { title: 'both' , tags: ['machine-learning'] },
      ] }],
    });
    const ids = Object.fromEntries(
      (await h.dataSource.query('SELECT l.id, l.title FROM link l JOIN section s ON s.id = l.section_id WHERE s.issue_id = $1', [issue.id]))
        .map((row: any) => [row.title, row.id]),
    );
    const [{ id: source }] = await h.dataSource.query(`SELECT id FROM tag WHERE slug = 'machine-learning'`);
    const [{ id: target }] = await h.dataSource.query(`SELECT id FROM tag WHERE slug = 'ml'`);
    await h.dataSource.query(
      `INSERT INTO link_tag_override (link_id, tag_id, included) VALUES ($1, $5, true), ($2, $5, false), ($3, $5, false), ($4, $5, true), ($4, $6, false)`,
      [ids.included, ids['excluded-carried'], ids['excluded-alone'], ids.both, source, target],
    );
    const { errors } = await h.gql(MERGE_TAGS, { input: { sourceSlug: 'machine-learning', targetSlug: 'ml' } }, keys.editor);
    expect(errors).toBeUndefined();
    const overrides = await h.dataSource.query('SELECT link_id, tag_id, included FROM link_tag_override WHERE link_id = ANY($1::int[]) ORDER BY link_id', [Object.values(ids)]);
    expect(overrides).toEqual([
      { link_id: ids.included, tag_id: target, included: true },
      { link_id: ids['excluded-alone'], tag_id: target, included: false },
      { link_id: ids.both, tag_id: target, included: true },
    ]);
    const [entry] = await h.dataSource.query(`SELECT summary FROM audit_entry WHERE action = 'mergeTags' AND issue_id = $1`, [issue.id]);
    expect(entry.summary).toMatchObject({ linksRetagged: 2, linksAlreadyTagged: 0, decisionsMoved: 4 });
  });

  it('refuses a merge into itself, an unknown slug and an old slug, writing nothing', async () => {
    await f.tag('solo');
    const other = await f.tag('has-alias');
    await h.dataSource.query(`INSERT INTO tag_alias (slug, tag_id) VALUES ('was-other', $1)`, [other.id]);
    const merge = (input: object, extensions: { code: string; field: string }) => expectRefused(h, keys.editor, MERGE_TAGS, { input }, extensions);
    await merge({ sourceSlug: 'solo', targetSlug: 'solo' }, { code: 'BAD_USER_INPUT', field: 'targetSlug' });
    await merge({ sourceSlug: 'nope', targetSlug: 'solo' }, { code: 'NOT_FOUND', field: 'sourceSlug' });
    await merge({ sourceSlug: 'solo', targetSlug: 'nope' }, { code: 'NOT_FOUND', field: 'targetSlug' });
    await merge({ sourceSlug: 'was-other', targetSlug: 'solo' }, { code: 'BAD_USER_INPUT', field: 'sourceSlug' });
  });
});

describe('categories', () => {
  it('editors and admins create and rename them; the old slug stays as an alias', async () => {
    const created = await h.gql(CREATE_CATEGORY, { input: { slug: 'deep-dives', name: 'Deep Dives' } }, ADMIN_TOKEN);
    expect(created.errors).toBeUndefined();
    const { id } = created.data!.createCategory;
    const renamed = await h.gql(UPDATE_CATEGORY, { input: { id, slug: 'long-reads', name: 'Long Reads' } }, keys.editor);
    expect(renamed.data?.updateCategory).toEqual({ id, slug: 'long-reads', name: 'Long Reads', aliases: ['deep-dives'] });
    await expectRefused(h, keys.editor, CREATE_CATEGORY, { input: { slug: 'deep-dives', name: 'x' } }, { code: 'BAD_USER_INPUT', field: 'slug' });
    await expectRefused(h, keys.editor, CREATE_CATEGORY, { input: { slug: 'long-reads', name: 'x' } }, { code: 'BAD_USER_INPUT', field: 'slug' });
    await expectRefused(h, keys.editor, CREATE_CATEGORY, { input: { slug: 'x', name: '' } }, { code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('mergeCategories moves sections, bumps exactly the touched issues, and the old slug filters as the target', async () => {
    const n = await freshNewsletter();
    const a = await f.issue(n, { date: '2026-05-01', sections: [{ title: 'Quick Links', links: [{ title: 'qa' }] }, { title: 'Tools', links: [{ title: 'ta' }] }] });
    const b = await f.issue(n, { date: '2026-05-02', sections: [{ title: 'Links', links: [{ title: 'lb' }] }] });
    const c = await f.issue(n, { date: '2026-05-03', sections: [{ title: 'Quick Links', links: [{ title: 'qc1' }, { title: 'qc2' }] }, { title: 'More', category: 'Quick Links', links: [{ title: 'qc3' }] }] });
    const before = await h.rowCounts();
    const versions = await Promise.all([a, b, c].map((issue) => versionOf(issue.id)));

    const { data, errors } = await h.gql(MERGE_CATEGORIES, { input: { sourceSlug: 'quick-links', targetSlug: 'links' } }, keys.editor);
    expect(errors).toBeUndefined();
    expect(data?.mergeCategories).toMatchObject({ slug: 'links', aliases: ['quick-links'] });
    expect(await Promise.all([a, b, c].map((issue) => versionOf(issue.id)))).toEqual([versions[0] + 1, versions[1], versions[2] + 1]);
    const entries = await auditOf('mergeCategories');
    expect(entries.filter((entry) => entry.issue_id !== null).map((entry) => [entry.issue_id, entry.summary.sectionsMoved]).sort()).toEqual(
      [[a.id, 1], [c.id, 2]].sort(),
    );
    expect(entries.filter((entry) => entry.issue_id === null)).toHaveLength(1);
    const after = await h.rowCounts();
    expect(after.audit_entry - before.audit_entry).toBe(3);
    expect(after.versions - before.versions).toBe(2);
    expect(after.category_alias - before.category_alias).toBe(1);

    const scope = { newsletters: [n.slug] };
    expect(await linkTitles({ ...scope, categories: ['quick-links'] })).toEqual(['lb', 'qa', 'qc1', 'qc2', 'qc3']);
    expect(await linkTitles({ ...scope, categories: ['links'] })).toEqual(['lb', 'qa', 'qc1', 'qc2', 'qc3']);
    expect(await issueDates({ ...scope, categories: ['quick-links'] })).toEqual(['2026-05-01', '2026-05-02', '2026-05-03']);
    const { data: listed } = await h.gql(`{ categories { slug aliases } }`);
    expect(listed?.categories).toContainEqual({ slug: 'links', aliases: ['quick-links'] });
    expect(listed?.categories.map((category: any) => category.slug)).not.toContain('quick-links');
    await expectRefused(h, keys.editor, MERGE_CATEGORIES, { input: { sourceSlug: 'quick-links', targetSlug: 'tools' } }, { code: 'BAD_USER_INPUT', field: 'sourceSlug' });
  });
});

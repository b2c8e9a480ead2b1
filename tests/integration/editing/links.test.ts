import fs from 'node:fs';
import path from 'node:path';
import { deriveLinkFields } from '../../../src/content/link-fields';
import { matchTopics } from '../../../src/content/taxonomy';
import { Newsletter } from '../../../src/modules/newsletter/newsletter.entity';
import { createCallers, Callers, expectRefused, expectRejected, stateOf } from '../../support/edit-checks';
import { Factory } from '../../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../../support/harness';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'issues', 'tldr-ai-2024-01-02.md'), 'utf8');

const LINK = `id position title url canonicalUrl domain summary readTimeLabel readMinutes kind sponsored
  tags { slug } section { id } issue { version }`;
const ADD = `mutation($input: AddLinkInput!) { addLink(input: $input) { ${LINK} } }`;
const UPDATE = `mutation($input: UpdateLinkInput!) { updateLink(input: $input) { ${LINK} } }`;
const MOVE = `mutation($input: MoveLinkInput!) { moveLink(input: $input) { ${LINK} } }`;
const DELETE = `mutation($input: DeleteLinkInput!) { deleteLink(input: $input) { id issue { version } links { id position } } }`;
const SET_TAGS = `mutation($input: SetLinkTagsInput!) { setLinkTags(input: $input) { ${LINK} tagDecisions { tag { slug } included } } }`;
const READ = `query($date: Date!) { issue(newsletter: "ai", date: $date) {
  id version sections { id links { ${LINK} } } } }`;
const IMPORT = `mutation($input: ImportIssueInput!) { importIssue(input: $input) { issue { date sections { links { ${LINK} } } } } }`;

let h: Harness;
let factory: Factory;
let newsletter: Newsletter;
let callers: Callers;
let day = 0;

interface LinkView {
  id: string;
  position: number;
  title: string;
  url: string;
  canonicalUrl: string;
  domain: string;
  summary: string;
  readTimeLabel: string | null;
  readMinutes: number | null;
  kind: string;
  sponsored: boolean;
  tags: Array<{ slug: string }>;
  section: { id: string };
  issue: { version: number };
}

interface IssueView {
  id: string;
  version: number;
  date: string;
  sections: Array<{ id: string; links: LinkView[] }>;
}

beforeAll(async () => {
  h = await startHarness();
  factory = new Factory(h.dataSource);
  newsletter = await factory.newsletter('ai');
  for (const slug of ['databases', 'security', 'rust', 'ai']) await factory.tag(slug);
  callers = await createCallers(h);
});

afterAll(() => h.close());

/** A published issue of its own: section 0 with three links, section 1 with one, section 2 empty. */
async function freshIssue(): Promise<IssueView> {
  day += 1;
  const date = `2025-04-${String(day).padStart(2, '0')}`;
  await factory.issue(newsletter, {
    date,
    sections: [
      { title: 'One', links: [{ title: 'zero' }, { title: 'one' }, { title: 'two' }] },
      { title: 'Two', links: [{ title: 'solo' }] },
      { title: 'Three', links: [] },
    ],
  });
  return read(date);
}

async function read(date: string): Promise<IssueView> {
  const { data, errors } = await h.gql(READ, { date });
  expect(errors).toBeUndefined();
  return { ...data!.issue, date };
}

/** Titles per section, after checking each section's positions run 0..n-1. */
function layout(issue: IssueView): string[][] {
  return issue.sections.map((section) => {
    expect(section.links.map((link) => link.position)).toEqual(section.links.map((_, index) => index));
    return section.links.map((link) => link.title);
  });
}

const slugs = (link: { tags: Array<{ slug: string }> }) => link.tags.map((tag) => tag.slug).sort();

async function lastAudit(action: string) {
  const [entry] = await h.dataSource.query('SELECT * FROM audit_entry WHERE action = $1 ORDER BY id DESC LIMIT 1', [action]);
  return entry;
}

describe('addLink', () => {
  it('derives canonical URL, domain, kind, minutes, sponsorship and tags as the content rules do', async () => {
    const issue = await freshIssue();
    const input = {
      sectionId: issue.sections[2].id,
      expectedVersion: issue.version,
      url: ' https://www.GitHub.com/kettle/pg-queue?utm_source=tldr&ref=newsletter ',
      title: ' A Rust rewrite of the Postgres queue ',
      summary: 'Built on tokio, with pgvector indexes and faster autovacuum.',
      label: ' GitHub Repo ',
    };
    const { data, errors } = await h.gql(ADD, { input }, callers.editor);
    expect(errors).toBeUndefined();
    const link = data!.addLink as LinkView;
    const derived = deriveLinkFields(input.url.trim(), 'GitHub Repo');
    expect(link).toMatchObject({
      position: 0,
      url: input.url.trim(),
      title: 'A Rust rewrite of the Postgres queue',
      readTimeLabel: 'GitHub Repo',
      canonicalUrl: derived.canonicalUrl,
      domain: derived.domain,
      kind: derived.kind,
      readMinutes: derived.readMinutes,
      sponsored: derived.sponsored,
      section: { id: issue.sections[2].id },
      issue: { version: issue.version + 1 },
    });
    expect(link).toMatchObject({ canonicalUrl: 'https://www.github.com/kettle/pg-queue', domain: 'github.com', kind: 'REPO' });
    const topics = matchTopics({ title: link.title, summary: link.summary, domain: link.domain });
    expect(topics).toEqual(expect.arrayContaining(['rust', 'databases']));
    expect(slugs(link)).toEqual(topics);
    const entry = await lastAudit('addLink');
    expect(entry).toMatchObject({ entity_type: 'LINK', entity_id: Number(link.id), issue_id: Number(issue.id), actor_name: 'test editor' });
    expect(entry.changes).toMatchObject({
      url: { before: null, after: input.url.trim() },
      kind: { before: null, after: 'REPO' },
      tags: { before: null, after: topics },
      position: { before: null, after: 0 },
    });
  });

  it('gives each link of an imported issue, added by an admin, exactly the fields and tags the importer gave it', async () => {
    const imported = await h.gql(IMPORT, { input: { markdown: FIXTURE } }, ADMIN_TOKEN);
    expect(imported.errors).toBeUndefined();
    const links: LinkView[] = imported.data!.importIssue.issue.sections.flatMap((section: { links: LinkView[] }) => section.links);
    expect(links.length).toBeGreaterThan(3);
    let issue = await freshIssue();
    for (const original of links) {
      const input = {
        sectionId: issue.sections[2].id,
        expectedVersion: issue.version,
        url: original.url,
        title: original.title,
        summary: original.summary,
        label: original.readTimeLabel,
      };
      const { data, errors } = await h.gql(ADD, { input }, ADMIN_TOKEN);
      expect(errors).toBeUndefined();
      const added = data!.addLink as LinkView;
      for (const field of ['canonicalUrl', 'domain', 'kind', 'readMinutes', 'sponsored', 'readTimeLabel', 'url'] as const) {
        expect([original.url, field, added[field]]).toEqual([original.url, field, original[field]]);
      }
      expect(slugs(added)).toEqual(slugs(original));
      issue = { ...issue, version: added.issue.version };
    }
    expect(links.some((link) => link.sponsored) && links.some((link) => link.tags.length > 0)).toBe(true);
  });

  it('inserts at a position, moving the links after it down', async () => {
    const issue = await freshIssue();
    const input = { sectionId: issue.sections[0].id, expectedVersion: issue.version, url: 'https://example.org/a', title: 'new', summary: '', position: 1 };
    const { data, errors } = await h.gql(ADD, { input }, callers.editor);
    expect(errors).toBeUndefined();
    expect(data?.addLink).toMatchObject({ position: 1, readTimeLabel: null, readMinutes: null, kind: 'OTHER', sponsored: false });
    expect(layout(await read(issue.date))[0]).toEqual(['zero', 'new', 'one', 'two']);
  });

  it('creates a taxonomy tag the archive does not have yet, as the importer would', async () => {
    const issue = await freshIssue();
    await h.dataSource.query(`DELETE FROM tag WHERE slug = 'rust'`);
    const input = { sectionId: issue.sections[2].id, expectedVersion: issue.version, url: 'https://example.org/r', title: 'Rust 2.0 ships', summary: '' };
    const { data, errors } = await h.gql(ADD, { input }, callers.editor);
    expect(errors).toBeUndefined();
    expect(slugs(data!.addLink)).toContain('rust');
  });

  it.each([
    ['a relative URL', { url: '/post/1' }, 'url'],
    ['an ftp URL', { url: 'ftp://example.org/file' }, 'url'],
    ['a URL without a host', { url: 'https://' }, 'url'],
    ['a mailto link', { url: 'mailto:someone@example.org' }, 'url'],
    ['an empty title', { title: '' }, 'title'],
    ['a blank title', { title: '   ' }, 'title'],
    ['a title of 501 characters', { title: 'x'.repeat(501) }, 'title'],
    ['a summary of 10,001 characters', { summary: 'x'.repeat(10_001) }, 'summary'],
    ['a label of 101 characters', { label: 'x'.repeat(101) }, 'label'],
    ['a position past the end', { position: 4 }, 'position'],
    ['an unknown section', { sectionId: '999999' }, 'sectionId'],
  ])('refuses %s, naming the field and writing nothing', async (_name, change, field) => {
    const issue = await freshIssue();
    const input = { sectionId: issue.sections[0].id, expectedVersion: issue.version, url: 'https://example.org/x', title: 't', summary: '', ...change };
    const code = field === 'sectionId' ? 'NOT_FOUND' : 'BAD_USER_INPUT';
    await expectRejected(h, callers.editor, ADD, { input }, { code, field });
  });
});

describe('updateLink', () => {
  it('re-derives only what depends on what changed', async () => {
    const issue = await freshIssue();
    const original = issue.sections[0].links[0];
    const input = { id: original.id, expectedVersion: issue.version, title: 'Renamed' };
    const renamed = await h.gql(UPDATE, { input }, callers.editor);
    expect(renamed.errors).toBeUndefined();
    // The factory stored derived fields of its own; a title edit leaves them alone.
    expect(renamed.data?.updateLink).toMatchObject({ ...original, title: 'Renamed', tags: [], issue: { version: issue.version + 1 } });
    expect((await lastAudit('updateLink')).changes).toEqual({ title: { before: original.title, after: 'Renamed' } });

    const url = 'https://youtu.be/abc123?si=share&t=42';
    const moved = await h.gql(UPDATE, { input: { id: original.id, expectedVersion: issue.version + 1, url } }, ADMIN_TOKEN);
    expect(moved.errors).toBeUndefined();
    const byUrl = deriveLinkFields(url, original.readTimeLabel);
    expect(moved.data?.updateLink).toMatchObject({
      url,
      canonicalUrl: byUrl.canonicalUrl,
      domain: byUrl.domain,
      kind: byUrl.kind,
      readMinutes: original.readMinutes,
      sponsored: original.sponsored,
    });

    const labelled = await h.gql(UPDATE, { input: { id: original.id, expectedVersion: issue.version + 2, label: '12 minute video (Sponsor)' } }, callers.editor);
    expect(labelled.errors).toBeUndefined();
    const byLabel = deriveLinkFields(url, '12 minute video (Sponsor)');
    expect(labelled.data?.updateLink).toMatchObject({ readTimeLabel: '12 minute video (Sponsor)', kind: byLabel.kind, readMinutes: byLabel.readMinutes, sponsored: byLabel.sponsored });
    const cleared = await h.gql(UPDATE, { input: { id: original.id, expectedVersion: issue.version + 3, label: null } }, callers.editor);
    expect(cleared.data?.updateLink).toMatchObject({ readTimeLabel: null, readMinutes: null, sponsored: false, kind: deriveLinkFields(url, null).kind });
    expect((await lastAudit('updateLink')).changes).toMatchObject({ label: { before: '12 minute video (Sponsor)', after: null } });
  });

  it('recomputes taxonomy tags from the new text, then applies the editor decisions', async () => {
    const issue = await freshIssue();
    const link = issue.sections[0].links[0];
    const set = await h.gql(SET_TAGS, { input: { id: link.id, expectedVersion: issue.version, tags: ['databases'] } }, callers.editor);
    expect(set.errors).toBeUndefined();
    const input = { id: link.id, expectedVersion: issue.version + 1, title: 'Rust and Postgres, and a CVE', summary: 'A rustc patch fixes a query planner bug behind CVE-2024-1234.' };
    const { data, errors } = await h.gql(UPDATE, { input }, callers.editor);
    expect(errors).toBeUndefined();
    const auto = matchTopics({ title: input.title, summary: input.summary, domain: link.domain });
    expect(auto).toEqual(expect.arrayContaining(['databases', 'rust', 'security']));
    expect(slugs(data!.updateLink)).toEqual(auto);
    const removed = await h.gql(SET_TAGS, { input: { id: link.id, expectedVersion: issue.version + 2, tags: ['databases', 'rust'] } }, callers.editor);
    expect(slugs(removed.data!.setLinkTags)).toEqual(['databases', 'rust']);
    const again = await h.gql(UPDATE, { input: { id: link.id, expectedVersion: issue.version + 3, summary: 'A Rust patch for a security hole.' } }, callers.editor);
    expect(slugs(again.data!.updateLink)).toEqual(['databases', 'rust']);
    expect((await lastAudit('updateLink')).changes).toEqual({ summary: { before: input.summary, after: 'A Rust patch for a security hole.' } });
  });

  it('refuses a null title, a bad URL and an unknown link, writing nothing', async () => {
    const issue = await freshIssue();
    const id = issue.sections[0].links[0].id;
    await expectRejected(h, callers.editor, UPDATE, { input: { id, expectedVersion: issue.version, title: null } }, { code: 'BAD_USER_INPUT', field: 'title' });
    await expectRejected(h, callers.editor, UPDATE, { input: { id, expectedVersion: issue.version, url: null } }, { code: 'BAD_USER_INPUT', field: 'url' });
    await expectRejected(h, callers.editor, UPDATE, { input: { id, expectedVersion: issue.version, url: 'example.org' } }, { code: 'BAD_USER_INPUT', field: 'url' });
    await expectRejected(h, callers.editor, UPDATE, { input: { id: '999999', expectedVersion: 1, title: 'x' } }, { code: 'NOT_FOUND', field: 'id' });
  });
});

describe('moveLink', () => {
  it('moves within a section and to another section of the issue, keeping positions contiguous in both', async () => {
    const issue = await freshIssue();
    const [zero, , two] = issue.sections[0].links;
    const within = await h.gql(MOVE, { input: { id: two.id, expectedVersion: issue.version, position: 0 } }, callers.editor);
    expect(within.errors).toBeUndefined();
    expect(within.data?.moveLink).toMatchObject({ position: 0, section: { id: issue.sections[0].id }, issue: { version: issue.version + 1 } });
    expect(layout(await read(issue.date))).toEqual([['two', 'zero', 'one'], ['solo'], []]);
    expect((await lastAudit('moveLink')).changes).toEqual({ position: { before: 2, after: 0 } });

    const across = await h.gql(MOVE, { input: { id: zero.id, expectedVersion: issue.version + 1, sectionId: issue.sections[1].id, position: 1 } }, ADMIN_TOKEN);
    expect(across.errors).toBeUndefined();
    expect(layout(await read(issue.date))).toEqual([['two', 'one'], ['solo', 'zero'], []]);
    // Its position in the new section happens to equal the old one, so only the section is a change.
    expect((await lastAudit('moveLink')).changes).toEqual({
      sectionId: { before: Number(issue.sections[0].id), after: Number(issue.sections[1].id) },
    });
    const intoEmpty = await h.gql(MOVE, { input: { id: two.id, expectedVersion: issue.version + 2, sectionId: issue.sections[2].id, position: 0 } }, callers.editor);
    expect(intoEmpty.errors).toBeUndefined();
    const after = await read(issue.date);
    expect(layout(after)).toEqual([['one'], ['solo', 'zero'], ['two']]);
    expect(after.version).toBe(issue.version + 3);
  });

  it("refuses another issue's section, a position past the end and an unknown section, writing nothing", async () => {
    const issue = await freshIssue();
    const other = await freshIssue();
    const id = issue.sections[0].links[0].id;
    const refuse = (change: Record<string, unknown>, expected: { code: string; field: string }) =>
      expectRejected(h, callers.editor, MOVE, { input: { id, expectedVersion: issue.version, position: 0, ...change } }, expected);
    await refuse({ sectionId: other.sections[0].id }, { code: 'BAD_USER_INPUT', field: 'sectionId' });
    await refuse({ position: 3 }, { code: 'BAD_USER_INPUT', field: 'position' });
    await refuse({ sectionId: issue.sections[1].id, position: 2 }, { code: 'BAD_USER_INPUT', field: 'position' });
    await refuse({ sectionId: '999999' }, { code: 'NOT_FOUND', field: 'sectionId' });
  });
});

describe('deleteLink', () => {
  it('deletes the link with its tags, closes up the section and returns it', async () => {
    const issue = await freshIssue();
    const [, one] = issue.sections[0].links;
    await h.gql(SET_TAGS, { input: { id: one.id, expectedVersion: issue.version, tags: ['security'] } }, callers.editor);
    const before = await h.rowCounts();
    const { data, errors } = await h.gql(DELETE, { input: { id: one.id, expectedVersion: issue.version + 1 } }, callers.editor);
    expect(errors).toBeUndefined();
    expect(data?.deleteLink).toMatchObject({ id: issue.sections[0].id, issue: { version: issue.version + 2 } });
    expect(data?.deleteLink.links.map((link: { position: number }) => link.position)).toEqual([0, 1]);
    expect(layout(await read(issue.date))[0]).toEqual(['zero', 'two']);
    expect(await h.rowCounts()).toMatchObject({
      link: before.link - 1,
      link_tag: before.link_tag - 1,
      link_tag_override: before.link_tag_override - 1,
      audit_entry: before.audit_entry + 1,
    });
    const entry = await lastAudit('deleteLink');
    expect(entry.changes).toMatchObject({ title: { before: 'one', after: null }, tags: { before: ['security'], after: null } });
    const admin = await h.gql(DELETE, { input: { id: issue.sections[1].links[0].id, expectedVersion: issue.version + 2 } }, ADMIN_TOKEN);
    expect(admin.data?.deleteLink.links).toEqual([]);
  });
});

describe('setLinkTags', () => {
  it("makes the link's tags exactly the given set, recorded as the editor's decisions", async () => {
    const issue = await freshIssue();
    const link = issue.sections[0].links[0];
    const first = await h.gql(UPDATE, { input: { id: link.id, expectedVersion: issue.version, title: 'AI agents find a Rust bug' } }, callers.editor);
    const auto = slugs(first.data!.updateLink);
    expect(auto).toEqual(expect.arrayContaining(['ai', 'rust']));

    const { data, errors } = await h.gql(SET_TAGS, { input: { id: link.id, expectedVersion: issue.version + 1, tags: ['security', 'rust', 'security'] } }, callers.editor);
    expect(errors).toBeUndefined();
    expect(slugs(data!.setLinkTags)).toEqual(['rust', 'security']);
    expect(data!.setLinkTags.issue.version).toBe(issue.version + 2);
    const decisions = data!.setLinkTags.tagDecisions.map((decision: { tag: { slug: string }; included: boolean }) => [decision.tag.slug, decision.included]);
    expect(Object.fromEntries(decisions)).toEqual({
      ...Object.fromEntries(auto.map((slug) => [slug, false])),
      rust: true,
      security: true,
    });
    const readBack = (await read(issue.date)).sections[0].links.find((candidate) => candidate.id === link.id)!;
    expect(slugs(readBack)).toEqual(['rust', 'security']);
    expect((await lastAudit('setLinkTags')).changes).toEqual({ tags: { before: auto, after: ['rust', 'security'] } });

    // A contradicting decision is replaced: security off, ai back on.
    const admin = await h.gql(SET_TAGS, { input: { id: link.id, expectedVersion: issue.version + 2, tags: ['ai'] } }, ADMIN_TOKEN);
    expect(admin.errors).toBeUndefined();
    expect(slugs(admin.data!.setLinkTags)).toEqual(['ai']);
    const stored = await h.dataSource.query(
      `SELECT t.slug, o.included FROM link_tag_override o JOIN tag t ON t.id = o.tag_id WHERE o.link_id = $1 AND t.slug IN ('ai', 'security')`,
      [Number(link.id)],
    );
    expect(Object.fromEntries(stored.map((row: { slug: string; included: boolean }) => [row.slug, row.included]))).toEqual({ ai: true, security: false });

    const none = await h.gql(SET_TAGS, { input: { id: link.id, expectedVersion: issue.version + 3, tags: [] } }, callers.editor);
    expect(none.data!.setLinkTags.tags).toEqual([]);
  });

  it('shows tag decisions to editors only', async () => {
    const issue = await freshIssue();
    const query = `query($date: Date!) { issue(newsletter: "ai", date: $date) { sections { links { tagDecisions { included } } } } }`;
    expect((await h.gql(query, { date: issue.date })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await h.gql(query, { date: issue.date }, callers.partner)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await h.gql(query, { date: issue.date }, callers.editor)).errors).toBeUndefined();
  });

  it('refuses unknown slugs and more than 20 tags, writing nothing', async () => {
    const issue = await freshIssue();
    const id = issue.sections[0].links[0].id;
    await expectRejected(h, callers.editor, SET_TAGS, { input: { id, expectedVersion: issue.version, tags: ['rust', 'no-such-tag'] } }, { code: 'BAD_USER_INPUT', field: 'tags' });
    const many = Array.from({ length: 21 }, (_, n) => `tag-${n}`);
    await expectRejected(h, callers.editor, SET_TAGS, { input: { id, expectedVersion: issue.version, tags: many } }, { code: 'BAD_USER_INPUT', field: 'tags' });
    await expectRejected(h, callers.editor, SET_TAGS, { input: { id, expectedVersion: issue.version, tags: [''] } }, { code: 'BAD_USER_INPUT' });
  });
});

describe('every link mutation', () => {
  const calls = (issue: IssueView): Array<[string, Record<string, unknown>]> => {
    const id = issue.sections[0].links[0].id;
    const expectedVersion = issue.version;
    return [
      [ADD, { sectionId: issue.sections[0].id, expectedVersion, url: 'https://example.org/n', title: 'n', summary: '' }],
      [UPDATE, { id, expectedVersion, title: 'changed' }],
      [MOVE, { id, expectedVersion, sectionId: issue.sections[1].id, position: 0 }],
      [DELETE, { id, expectedVersion }],
      [SET_TAGS, { id, expectedVersion, tags: ['security'] }],
    ];
  };

  it('is refused to the public, partners and revoked keys, writing nothing', async () => {
    const issue = await freshIssue();
    for (const [query, input] of calls(issue)) await expectRefused(h, callers, query, { input });
  });

  it('answers a stale expectedVersion with CONFLICT and the current version, writing nothing', async () => {
    const issue = await freshIssue();
    await h.dataSource.query('UPDATE issue SET version = version + 1 WHERE id = $1', [Number(issue.id)]);
    for (const [query, input] of calls(issue)) {
      await expectRejected(h, callers.editor, query, { input }, { code: 'CONFLICT', expectedVersion: issue.version, currentVersion: issue.version + 1 });
    }
  });

  it('two editors moving links of one section at the same version: exactly one wins, positions stay contiguous', async () => {
    const issue = await freshIssue();
    const before = await stateOf(h);
    const results = await Promise.all(
      issue.sections[0].links.map((link) => h.gql(MOVE, { input: { id: link.id, expectedVersion: issue.version, position: 1 } }, callers.editor)),
    );
    expect(results.filter((result) => !result.errors)).toHaveLength(1);
    expect(results.filter((result) => result.errors?.[0].extensions?.code === 'CONFLICT')).toHaveLength(2);
    expect(await stateOf(h)).not.toEqual(before);
    const after = await read(issue.date);
    expect(after.version).toBe(issue.version + 1);
    expect(layout(after)[0]).toHaveLength(3);
  });
});

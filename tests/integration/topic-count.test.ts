import fs from 'node:fs';
import path from 'node:path';
import { collectFiles, importFiles } from '../../src/import/batch';
import { Importer } from '../../src/import/importer';
import { sampleFolder } from '../../src/import/sample';
import { Newsletter } from '../../src/modules/newsletter/newsletter.entity';
import { IssueStatus } from '../../src/modules/issue/issue-status';
import { Role } from '../../src/modules/api-key/role';
import { Factory } from '../support/factories';
import { Harness, startHarness, TEST_ACTOR } from '../support/harness';

/**
 * A topic page's totalCount reads link_tag.published, which database triggers
 * keep in step with the issue's status: these tests move issues through every
 * status and import, and compare with a count joined from the tables.
 */
let h: Harness;
let f: Factory;
let editor: string;

const TOPIC = `query($tags: [String!]!) { links(first: 1, filter: { tags: { any: $tags } }) { totalCount } }`;

async function topicCount(tags: string[], token?: string): Promise<number> {
  const { data, errors } = await h.gql(TOPIC, { tags }, token);
  expect(errors).toBeUndefined();
  return data?.links.totalCount;
}

/** The published links carrying any of the tags, joined from link, section and issue. */
async function joinedCount(tags: string[]): Promise<number> {
  const [{ n }] = await h.dataSource.query(
    `SELECT count(DISTINCT l.id)::int AS n FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
       JOIN link_tag lt ON lt.link_id = l.id JOIN tag t ON t.id = lt.tag_id
      WHERE i.status = 'PUBLISHED' AND t.slug = ANY($1::text[])`,
    [tags],
  );
  return n;
}

beforeAll(async () => {
  h = await startHarness();
  f = new Factory(h.dataSource);
  editor = await h.key(Role.EDITOR);
});

afterAll(() => h.close());

it('counts published links only, and follows an issue through publish and unpublish', async () => {
  const ai = await f.newsletter('ai');
  await f.issue(ai, { date: '2025-03-01', sections: [{ title: 'Headlines', links: [{ tags: ['rust'] }, { tags: ['rust', 'go'] }] }] });
  const draft = await f.issue(ai, {
    date: '2025-03-02',
    status: IssueStatus.DRAFT,
    sections: [{ title: 'Headlines', links: [{ tags: ['rust'] }, { tags: ['go'] }] }],
  });
  expect(await topicCount(['rust'])).toBe(2);
  expect(await topicCount(['rust', 'go'])).toBe(2);

  const publish = await h.gql(
    'mutation($input: PublishIssueInput!) { publishIssue(input: $input) { version } }',
    { input: { id: String(draft.id), expectedVersion: draft.version } },
    editor,
  );
  expect(publish.errors).toBeUndefined();
  expect(await topicCount(['rust'])).toBe(3);
  expect(await topicCount(['rust', 'go'])).toBe(4);
  expect(await topicCount(['go'])).toBe(await joinedCount(['go']));

  const unpublish = await h.gql(
    'mutation($input: UnpublishIssueInput!) { unpublishIssue(input: $input) { version } }',
    { input: { id: String(draft.id), expectedVersion: publish.data?.publishIssue.version } },
    editor,
  );
  expect(unpublish.errors).toBeUndefined();
  expect(await topicCount(['rust'])).toBe(2);
  expect(await topicCount(['rust', 'go'])).toBe(await joinedCount(['rust', 'go']));
});

/**
 * Runs `work` with the trigger that corrects a link tag inserted with the wrong
 * flag off: what the importer writes must then be right by itself.
 */
async function withoutFlagCorrection<T>(work: () => Promise<T>): Promise<T> {
  await h.dataSource.query(`ALTER TABLE link_tag DISABLE TRIGGER tr_link_tag_published_insert`);
  try {
    return await work();
  } finally {
    await h.dataSource.query(`ALTER TABLE link_tag ENABLE TRIGGER tr_link_tag_published_insert`);
  }
}

it('counts the links of issues imported in one statement, as the joined count does', async () => {
  const summary = await withoutFlagCorrection(() => importFiles(new Importer(h.dataSource), collectFiles([sampleFolder()]), { actor: TEST_ACTOR }));
  expect(summary.failed).toEqual([]);
  const [{ slugs }] = await h.dataSource.query(`SELECT array_agg(slug ORDER BY slug) AS slugs FROM tag`);
  for (const slug of slugs as string[]) expect([slug, await topicCount([slug])]).toEqual([slug, await joinedCount([slug])]);
  expect(await staleTags()).toBe(0);
});

it('keeps the link tags of a draft that an import rewrites unpublished', async () => {
  const ai = await storedNewsletter('ai');
  const draft = await f.issue(ai, { date: '2031-01-02', status: IssueStatus.DRAFT });
  const text = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'issues', 'tldr-ai-2024-01-02.md'), 'utf8').replace('2024-01-02', '2031-01-02');
  const outcome = await withoutFlagCorrection(() => new Importer(h.dataSource).import({ text, actor: TEST_ACTOR }));
  expect(outcome).toMatchObject({ status: 'UPDATED', issueId: draft.id });
  const [{ tags, published }] = await h.dataSource.query(
    `SELECT count(*)::int AS tags, count(*) FILTER (WHERE lt.published)::int AS published
       FROM link_tag lt JOIN link l ON l.id = lt.link_id JOIN section s ON s.id = l.section_id WHERE s.issue_id = $1`,
    [draft.id],
  );
  expect(tags).toBeGreaterThan(0);
  expect(published).toBe(0);
  expect(await staleTags()).toBe(0);
});

it('corrects a link tag inserted with the wrong flag, either way', async () => {
  const ai = await storedNewsletter('ai');
  const draft = await f.issue(ai, { date: '2031-01-03', status: IssueStatus.DRAFT, sections: [{ title: 'Headlines', links: [{ tags: [] }] }] });
  const live = await f.issue(ai, { date: '2031-01-04', sections: [{ title: 'Headlines', links: [{ tags: [] }] }] });
  const linkOf = async (issueId: number) =>
    (await h.dataSource.query(`SELECT l.id FROM link l JOIN section s ON s.id = l.section_id WHERE s.issue_id = $1`, [issueId]))[0].id;
  const [{ id: tagId }] = await h.dataSource.query(`SELECT id FROM tag ORDER BY id LIMIT 1`);
  await h.dataSource.query(`INSERT INTO link_tag (link_id, tag_id, published) VALUES ($1, $3, true), ($2, $3, false)`, [
    await linkOf(draft.id),
    await linkOf(live.id),
    tagId,
  ]);
  expect(await staleTags()).toBe(0);
});

async function storedNewsletter(slug: string): Promise<Newsletter> {
  return h.dataSource.getRepository(Newsletter).findOneByOrFail({ slug });
}

/** Link tags whose `published` flag disagrees with their issue's status. */
async function staleTags(): Promise<number> {
  const [{ stale }] = await h.dataSource.query(
    `SELECT count(*)::int AS stale FROM link_tag lt JOIN link l ON l.id = lt.link_id JOIN section s ON s.id = l.section_id
       JOIN issue i ON i.id = s.issue_id WHERE lt.published IS DISTINCT FROM (i.status = 'PUBLISHED')`,
  );
  return stale;
}

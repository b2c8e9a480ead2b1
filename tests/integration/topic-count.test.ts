import { collectFiles, importFiles } from '../../src/import/batch';
import { Importer } from '../../src/import/importer';
import { sampleFolder } from '../../src/import/sample';
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

it('counts the links of issues imported in one statement, as the joined count does', async () => {
  const summary = await importFiles(new Importer(h.dataSource), collectFiles([sampleFolder()]), { actor: TEST_ACTOR });
  expect(summary.failed).toEqual([]);
  const [{ slugs }] = await h.dataSource.query(`SELECT array_agg(slug ORDER BY slug) AS slugs FROM tag`);
  for (const slug of slugs as string[]) expect([slug, await topicCount([slug])]).toEqual([slug, await joinedCount([slug])]);
  const [{ stale }] = await h.dataSource.query(
    `SELECT count(*)::int AS stale FROM link_tag lt JOIN link l ON l.id = lt.link_id JOIN section s ON s.id = l.section_id
       JOIN issue i ON i.id = s.issue_id WHERE lt.published IS DISTINCT FROM (i.status = 'PUBLISHED')`,
  );
  expect(stale).toBe(0);
});

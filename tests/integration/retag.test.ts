import fs from 'node:fs';
import path from 'node:path';
import { cliActor } from '../../src/auth/actor';
import { Importer } from '../../src/import/importer';
import { retagArchive } from '../../src/import/retag';
import { matchTopics } from '../../src/content/taxonomy';
import { Harness, startHarness } from '../support/harness';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'issues', 'tldr-ai-2024-01-02.md'), 'utf8');
const LINKS = `{ links(first: 100) { edges { node { id title summary domain tags { slug } } } } }`;
const actor = cliActor(['node', 'dist/src/cli/retag.js']);

let h: Harness;
let issueId: number;

beforeAll(async () => {
  h = await startHarness();
  await new Importer(h.dataSource).import({ text: FIXTURE, actor });
  [{ id: issueId }] = await h.dataSource.query('SELECT id FROM issue');
});

afterAll(() => h.close());

const retag = () => retagArchive(h.dataSource, actor);
const version = async () => (await h.dataSource.query('SELECT version FROM issue WHERE id = $1', [issueId]))[0].version;
const retagEntries = () => h.dataSource.query(`SELECT * FROM audit_entry WHERE action = 'retag' ORDER BY id`);
const tagId = async (slug: string) => (await h.dataSource.query('SELECT id FROM tag WHERE slug = $1', [slug]))[0]?.id;

/** Link id → its tags' slugs, read back through GraphQL. */
async function tagsByLink(): Promise<Map<string, string[]>> {
  const { data } = await h.gql(LINKS);
  return new Map(data?.links.edges.map(({ node }: any) => [node.id, node.tags.map((tag: any) => tag.slug)]));
}

async function linkWithTag(slug: string): Promise<number> {
  const [row] = await h.dataSource.query(
    'SELECT lt.link_id AS id FROM link_tag lt JOIN tag t ON t.id = lt.tag_id WHERE t.slug = $1 ORDER BY 1 LIMIT 1',
    [slug],
  );
  return row.id;
}

it('brings drifted links back to the rules, bumping the issue once and auditing it once', async () => {
  // Drift: one link loses its tags, another carries a tag the taxonomy does not have (or no longer has).
  const [first, second] = await h.dataSource.query('SELECT id FROM link ORDER BY id LIMIT 2');
  await h.dataSource.query('DELETE FROM link_tag WHERE link_id = $1', [first.id]);
  const [stale] = await h.dataSource.query(`INSERT INTO tag (slug, name) VALUES ('retired-topic', 'Retired') RETURNING id`);
  await h.dataSource.query('INSERT INTO link_tag (link_id, tag_id) VALUES ($1, $2)', [second.id, stale.id]);
  const before = await version();

  expect(await retag()).toEqual({ links: 7, changed: 2, issues: 1, tagsCreated: 0 });
  const { data } = await h.gql(LINKS);
  for (const { node } of data?.links.edges ?? []) {
    expect(node.tags.map((tag: any) => tag.slug)).toEqual(matchTopics(node));
  }
  // Editors own tags too: the retired tag stays, without links (so the public does not see it).
  expect(await tagId('retired-topic')).toBe(stale.id);
  expect((await h.gql(`{ tags { slug } }`)).data?.tags.map((tag: any) => tag.slug)).not.toContain('retired-topic');

  expect(await version()).toBe(before + 1);
  const entries = await retagEntries();
  expect(entries).toHaveLength(1);
  expect(entries[0]).toMatchObject({ entity_type: 'ISSUE', entity_id: issueId, issue_id: issueId, actor_kind: 'CLI' });
  expect(entries[0].actor_name).toMatch(/retag\.js/);
  const restored = data?.links.edges.find(({ node }: any) => node.id === String(first.id)).node;
  expect(entries[0].summary).toEqual({ links: 2, tagsAdded: matchTopics(restored).length, tagsRemoved: 1 });

  const counts = await h.rowCounts();
  expect(await retag()).toEqual({ links: 7, changed: 0, issues: 0, tagsCreated: 0 });
  expect(await h.rowCounts()).toEqual(counts);
});

it('applies editors\' decisions: a tag they removed stays off, a tag they added stays on', async () => {
  const robot = await linkWithTag('robotics');
  const other = await linkWithTag('open-source');
  const [pick] = await h.dataSource.query(`INSERT INTO tag (slug, name) VALUES ('editors-pick', 'Editors'' pick') RETURNING id`);
  await h.dataSource.query('INSERT INTO link_tag_override (link_id, tag_id, included) VALUES ($1, $2, false), ($3, $4, true)', [
    robot,
    await tagId('robotics'),
    other,
    pick.id,
  ]);
  const before = await version();
  expect(await retag()).toMatchObject({ changed: 2, issues: 1 });
  const tags = await tagsByLink();
  expect(tags.get(String(robot))).not.toContain('robotics');
  expect(tags.get(String(other))).toContain('editors-pick');
  expect(await version()).toBe(before + 1);
  expect((await retagEntries()).at(-1).summary).toEqual({ links: 2, tagsAdded: 1, tagsRemoved: 1 });
  expect(await retag()).toMatchObject({ changed: 0 });
});

it('keeps names editors gave taxonomy tags, and re-creates a taxonomy tag that is gone', async () => {
  await h.dataSource.query(`UPDATE tag SET name = 'Research papers' WHERE slug = 'research'`);
  await h.dataSource.query(`DELETE FROM tag WHERE slug = 'careers'`);
  const summary = await retag();
  expect(summary).toMatchObject({ tagsCreated: 1, changed: 1, issues: 1 });
  expect(await h.dataSource.query(`SELECT name FROM tag WHERE slug = 'research'`)).toEqual([{ name: 'Research papers' }]);
  const [created] = await h.dataSource.query(`SELECT * FROM audit_entry WHERE action = 'retag' AND entity_type = 'TAG'`);
  expect(created).toMatchObject({ entity_id: await tagId('careers'), actor_kind: 'CLI' });
  expect(created.changes.slug).toEqual({ before: null, after: 'careers' });
  expect((await tagsByLink()).get(String(await linkWithTag('careers')))).toContain('careers');
});

it('tags the links of a merged topic with the merge target, never re-creating the old slug', async () => {
  // What mergeTags leaves: links and editors' decisions moved to the target, the old tag gone, its slug an alias.
  const [target] = await h.dataSource.query(`INSERT INTO tag (slug, name) VALUES ('machines', 'Machines') RETURNING id`);
  const robotics = await tagId('robotics');
  await h.dataSource.query('INSERT INTO link_tag (link_id, tag_id) SELECT link_id, $2 FROM link_tag WHERE tag_id = $1', [robotics, target.id]);
  await h.dataSource.query('UPDATE link_tag_override SET tag_id = $2 WHERE tag_id = $1', [robotics, target.id]);
  await h.dataSource.query('DELETE FROM tag WHERE id = $1', [robotics]);
  await h.dataSource.query(`INSERT INTO tag_alias (slug, tag_id) VALUES ('robotics', $1)`, [target.id]);
  expect(await retag()).toMatchObject({ changed: 0, tagsCreated: 0 });

  await h.dataSource.query('DELETE FROM link_tag');
  expect(await retag()).toMatchObject({ changed: 7, tagsCreated: 0 });
  expect(await tagId('robotics')).toBeUndefined();
  const tags = await tagsByLink();
  // Two links are about robots; on one, editors removed the tag (a decision the merge carried over).
  expect([...tags.values()].filter((slugs) => slugs.includes('machines'))).toHaveLength(1);
  expect(tags.get(String(await linkWithTag('careers')))).toContain('machines');
  expect([...tags.values()].filter((slugs) => slugs.includes('editors-pick'))).toHaveLength(1);
});

it('waits for an editor holding the issue and applies the decision they committed meanwhile', async () => {
  const link = await linkWithTag('careers');
  await h.dataSource.query('DELETE FROM link_tag WHERE link_id = $1', [link]);
  const editor = h.dataSource.createQueryRunner();
  await editor.connect();
  try {
    await editor.startTransaction();
    await editor.query('SELECT id FROM issue WHERE id = $1 FOR UPDATE', [issueId]);
    const retagging = retag();
    // Retag has found the drift and now waits for the editor's lock.
    for (let tries = 0; ; tries += 1) {
      const [{ n }] = await h.dataSource.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      if (n > 0) break;
      if (tries > 600) throw new Error('retag never waited for the lock');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await editor.query(
      `INSERT INTO link_tag_override (link_id, tag_id, included) SELECT $1, id, false FROM tag WHERE slug = 'careers'`,
      [link],
    );
    await editor.commitTransaction();
    expect(await retagging).toMatchObject({ changed: 1 });
  } finally {
    await editor.release();
  }
  const tags = (await tagsByLink()).get(String(link));
  expect(tags).not.toContain('careers');
  expect(tags).toContain('machines');
});

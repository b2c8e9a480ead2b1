import fs from 'node:fs';
import path from 'node:path';
import { cliActor } from '../../src/auth/actor';
import { Importer } from '../../src/import/importer';
import { retagArchive } from '../../src/import/retag';
import { matchTopics } from '../../src/content/taxonomy';
import { Harness, startHarness } from '../support/harness';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'issues', 'tldr-ai-2024-01-02.md'), 'utf8');
const LINKS = `{ links(first: 100) { edges { node { title summary domain tags { slug } } } } }`;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await new Importer(h.dataSource).import({ text: FIXTURE, actor: cliActor(['node', 'retag.test']) });
});

afterAll(() => h.close());

it('brings every link back to exactly the tags the rules give, and removes tags outside the taxonomy', async () => {
  // Drift: one link loses its tags, another gains a tag the taxonomy does not have.
  const [first, second] = await h.dataSource.query('SELECT id FROM link ORDER BY id LIMIT 2');
  await h.dataSource.query('DELETE FROM link_tag WHERE link_id = $1', [first.id]);
  const [stale] = await h.dataSource.query(`INSERT INTO tag (slug, name) VALUES ('retired-topic', 'Retired') RETURNING id`);
  await h.dataSource.query('INSERT INTO link_tag (link_id, tag_id) VALUES ($1, $2)', [second.id, stale.id]);

  const summary = await retagArchive(h.dataSource);
  expect(summary.tagsRemoved).toBe(1);
  // Deleting the retired tag already cleared the second link; only the first needed rewriting.
  expect(summary.changed).toBe(1);

  const { data } = await h.gql(LINKS);
  expect(data?.links.edges.length).toBeGreaterThan(5);
  for (const { node } of data?.links.edges ?? []) {
    expect(node.tags.map((tag: any) => tag.slug)).toEqual(matchTopics(node));
  }
  const tags = await h.gql(`{ tags { slug } }`);
  expect(tags.data?.tags.map((tag: any) => tag.slug)).not.toContain('retired-topic');

  expect(await retagArchive(h.dataSource)).toMatchObject({ changed: 0, tagsRemoved: 0 });
});

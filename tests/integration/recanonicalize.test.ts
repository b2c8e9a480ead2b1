/**
 * Stored archives get today's canonical URLs: the migration and `npm run retag`
 * recompute canonical URL, domain and URL-derived kind, bump and audit the
 * issues they change, and leave everything else alone.
 */
import { cliActor } from '../../src/auth/actor';
import { recanonicalizeArchive } from '../../src/modules/link/link-canonical';
import { RecanonicalizeLinks1797000000100 } from '../../migrations/1797000000100-RecanonicalizeLinks';
import { Factory } from '../support/factories';
import { Harness, startHarness } from '../support/harness';

let h: Harness;
let editedIssue: number;
let importedIssue: number;
let untouchedIssue: number;

const ZWSP_REPO = '\u200bhttps://github.com/kettle/pg-queue?utm_source=tldr';

/** What the rules before this change stored for each URL (trimmed and decoded, nothing more for these). */
const STALE: Array<{ title: string; canonical: string; domain: string; kind: string }> = [
  { title: 'repo behind a zero-width space', canonical: ZWSP_REPO, domain: '', kind: 'ARTICLE' },
  { title: 'gift link', canonical: 'https://www.wsj.com/tech/x-1?st=2AqtKX', domain: 'wsj.com', kind: 'ARTICLE' },
  { title: 'house ad', canonical: 'https://tldr.example/jobs#?utm_source=tldr', domain: 'tldr.example', kind: 'HOUSE_AD' },
  { title: 'story told elsewhere', canonical: 'https://www.wsj.com/tech/x-1', domain: 'wsj.com', kind: 'ARTICLE' },
];

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  editedIssue = (
    await f.issue(ai, {
      date: '2025-04-01',
      sections: [
        {
          title: 'News',
          links: [
            { title: 'repo behind a zero-width space', url: ZWSP_REPO },
            { title: 'gift link', url: 'https://www.wsj.com/tech/x-1?st=2AqtKX' },
            { title: 'house ad', url: 'https://tldr.example/jobs#?utm_source=tldr' },
          ],
        },
      ],
    })
  ).id;
  importedIssue = (await f.issue(ai, { date: '2025-04-02', sections: [{ title: 'News', links: [{ title: 'story told elsewhere', url: 'https://www.wsj.com/tech/x-1' }] }] })).id;
  untouchedIssue = (await f.issue(ai, { date: '2025-04-03', sections: [{ title: 'News', links: [{ title: 'clean', url: 'https://clean.example/a' }] }] })).id;
  // One issue as the importer left it (imported_version = version), one an editor changed since (imported_version behind).
  await h.dataSource.query('UPDATE issue SET version = 3, imported_version = 3 WHERE id = $1', [importedIssue]);
  await h.dataSource.query('UPDATE issue SET version = 5, imported_version = 4 WHERE id = $1', [editedIssue]);
});

afterAll(() => h.close());

async function makeStale(): Promise<void> {
  for (const { title, canonical, domain, kind } of STALE) {
    await h.dataSource.query('UPDATE link SET canonical_url = $2, domain = $3, kind = $4::link_kind WHERE title = $1', [title, canonical, domain, kind]);
  }
  // The importer's row for the same story was stored when `st` still split it.
  await h.dataSource.query(`UPDATE link SET canonical_url = 'https://www.wsj.com/tech/x-1?st=other' WHERE title = 'story told elsewhere'`);
}

const links = async () =>
  Object.fromEntries(
    (await h.dataSource.query('SELECT title, canonical_url, domain, kind::text AS kind FROM link ORDER BY id')).map((row: any) => [
      row.title,
      [row.canonical_url, row.domain, row.kind],
    ]),
  );
const versions = async () =>
  (await h.dataSource.query('SELECT version, imported_version FROM issue WHERE id = ANY($1::int[]) ORDER BY id', [[editedIssue, importedIssue, untouchedIssue]])).map(
    (row: any) => [row.version, row.imported_version],
  );
const entries = () => h.dataSource.query(`SELECT actor_kind, actor_name, entity_id, issue_id, summary FROM audit_entry WHERE action = 'recanonicalize' ORDER BY id`);

const CURRENT = {
  'repo behind a zero-width space': ['https://github.com/kettle/pg-queue', 'github.com', 'REPO'],
  'gift link': ['https://www.wsj.com/tech/x-1', 'wsj.com', 'ARTICLE'],
  'house ad': ['https://tldr.example/jobs', 'tldr.example', 'HOUSE_AD'],
  'story told elsewhere': ['https://www.wsj.com/tech/x-1', 'wsj.com', 'ARTICLE'],
  clean: ['https://clean.example/a', 'clean.example', 'ARTICLE'],
};

it('npm run retag’s pass recomputes canonical URL, domain and the kind the URL gave; house ads stay house ads', async () => {
  await makeStale();
  const before = await versions();
  const actor = cliActor(['node', 'dist/src/cli/retag.js']);
  expect(await recanonicalizeArchive(h.dataSource, actor)).toEqual({ links: 5, changed: 4, issues: 2 });
  expect(await links()).toEqual(CURRENT);
  // Bumped once each; imported_version follows only where no editor had changed the issue since its import.
  expect(await versions()).toEqual([[before[0][0] + 1, 4], [4, 4], before[2]]);
  expect(await entries()).toEqual([
    { actor_kind: 'CLI', actor_name: actor.name, entity_id: editedIssue, issue_id: editedIssue, summary: { links: 3 } },
    { actor_kind: 'CLI', actor_name: actor.name, entity_id: importedIssue, issue_id: importedIssue, summary: { links: 1 } },
  ]);

  const again = await versions();
  expect(await recanonicalizeArchive(h.dataSource, actor)).toEqual({ links: 5, changed: 0, issues: 0 });
  expect(await versions()).toEqual(again);
});

it('the migration does the same inside its own transaction, as the system', async () => {
  await makeStale();
  await h.dataSource.query(`DELETE FROM audit_entry WHERE action = 'recanonicalize'`);
  const runner = h.dataSource.createQueryRunner();
  await runner.startTransaction();
  try {
    await new RecanonicalizeLinks1797000000100().up(runner);
    await runner.commitTransaction();
  } finally {
    await runner.release();
  }
  expect(await links()).toEqual(CURRENT);
  const actors = (await entries()).map((entry: any) => [entry.actor_kind, entry.actor_name, entry.issue_id]);
  expect(actors).toEqual([
    ['SYSTEM', 'migration RecanonicalizeLinks1797000000100', editedIssue],
    ['SYSTEM', 'migration RecanonicalizeLinks1797000000100', importedIssue],
  ]);
});

it('after it, one story: the gift link and the plain one are each other’s appearances, and a domain filter finds the repo', async () => {
  const { data } = await h.gql(`{ links(filter: { url: "https://www.wsj.com/tech/x-1?mod=e2tw" }) { totalCount edges { node { title appearances { edges { node { title } } } } } } }`);
  expect(data?.links).toEqual({
    totalCount: 2,
    edges: [
      { node: { title: 'story told elsewhere', appearances: { edges: [{ node: { title: 'gift link' } }] } } },
      { node: { title: 'gift link', appearances: { edges: [{ node: { title: 'story told elsewhere' } }] } } },
    ],
  });
  const repos = await h.gql(`{ links(filter: { domains: ["github.com"], kinds: [REPO] }) { edges { node { title canonicalUrl } } } }`);
  expect(repos.data?.links.edges).toEqual([{ node: { title: 'repo behind a zero-width space', canonicalUrl: 'https://github.com/kettle/pg-queue' } }]);
});

import { IssueStatus } from '../../src/modules/issue/issue-status';
import { Factory } from '../support/factories';
import { Harness, startHarness } from '../support/harness';


let h: Harness;
let bigSponsorId: number;

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  const acme = await f.sponsor('acme.dev');
  const beta = await f.sponsor('beta.io');
  for (let day = 1; day <= 3; day += 1) {
    await f.issue(ai, {
      date: `2025-05-0${day}`,
      placements: [{ sponsor: acme, title: `Acme ${day}` }],
      sections: [
        {
          title: 'Quick Links',
          links: [
            { title: `Acme link ${day}a`, sponsored: true, sponsor: acme },
            { title: `Acme link ${day}b`, sponsored: true, sponsor: acme },
            { title: `Beta link ${day}`, sponsored: true, sponsor: beta },
          ],
        },
      ],
    });
  }
  await f.issue(ai, {
    date: '2025-05-04',
    status: IssueStatus.DRAFT,
    placements: [{ sponsor: acme, title: 'Acme draft' }],
    sections: [{ title: 'Quick Links', links: [{ title: 'Acme draft link', sponsored: true, sponsor: acme }] }],
  });
  // A sponsor with more placements than the deprecated list returns: 105 published issues, one block each.
  const big = await f.sponsor('big.example');
  bigSponsorId = big.id;
  const other = await f.newsletter('other');
  await h.dataSource.query(
    `WITH issues AS (
       INSERT INTO issue (newsletter_id, date, headline, status, published_at, version)
       SELECT $1, date '2024-01-01' + g, 'Day ' || g, 'PUBLISHED', now(), 1 FROM generate_series(1, 105) g RETURNING id, date)
     INSERT INTO sponsor_placement (issue_id, position, title, body, url, sponsor_id)
     SELECT id, 0, 'Big ' || date, 'Body', 'https://big.example/', $2 FROM issues`,
    [other.id, big.id],
  );
});

afterAll(() => h.close());

const SPONSOR = `query($first: Int, $after: String) {
  sponsors(first: 100) { edges { node { domain
    linkConnection(first: $first, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { title } } }
  } } }
}`;

async function linksOf(domain: string, first: number, after?: string) {
  const { data, errors } = await h.gql(SPONSOR, { first, after });
  expect(errors).toBeUndefined();
  return data?.sponsors.edges.find((edge: any) => edge.node.domain === domain).node.linkConnection;
}

it('pages through a sponsor\'s links in published issues, newest first, by cursor', async () => {
  const first = await linksOf('acme.dev', 4);
  expect(first.totalCount).toBe(6);
  expect(first.edges.map((edge: any) => edge.node.title)).toEqual(['Acme link 3a', 'Acme link 3b', 'Acme link 2a', 'Acme link 2b']);
  expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
  const second = await linksOf('acme.dev', 4, first.pageInfo.endCursor);
  expect(second.edges.map((edge: any) => edge.node.title)).toEqual(['Acme link 1a', 'Acme link 1b']);
  expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
});

it('pages through a sponsor\'s placements in published issues, newest first, by cursor', async () => {
  const query = `query($after: String) { sponsors(first: 1) { edges { node { domain
    placementConnection(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { title issue { date } } } }
  } } } }`;
  const first = await h.gql(query);
  const page = first.data?.sponsors.edges[0].node;
  expect(page.domain).toBe('acme.dev');
  expect(page.placementConnection.totalCount).toBe(3);
  expect(page.placementConnection.edges.map((edge: any) => edge.node.title)).toEqual(['Acme 3', 'Acme 2']);
  const second = await h.gql(query, { after: page.placementConnection.pageInfo.endCursor });
  expect(second.data?.sponsors.edges[0].node.placementConnection).toMatchObject({
    pageInfo: { hasNextPage: false },
    edges: [{ node: { title: 'Acme 1', issue: { date: '2025-05-01' } } }],
  });
});

it('loads a page of sponsors with a page of links and placements each in a fixed number of statements', async () => {
  h.statements.reset();
  const { data, errors } = await h.gql(`{ sponsors(first: 100) { edges { node { domain
    linkConnection(first: 2) { totalCount edges { node { title } } }
    placementConnection(first: 2) { totalCount edges { node { title } } }
  } } } }`);
  expect(errors).toBeUndefined();
  expect(data?.sponsors.edges).toHaveLength(3);
  // sponsors, link pages, placement pages, link counts, placement counts
  expect(h.statements.count).toBe(5);
});

it('refuses a cursor of another list', async () => {
  const links = await linksOf('acme.dev', 1);
  const { errors } = await h.gql(
    `query($after: String) { sponsors { edges { node { placementConnection(after: $after) { totalCount } } } } }`,
    { after: links.pageInfo.endCursor },
  );
  expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect(errors?.[0].message).toMatch(/another list/);
});

it('keeps the deprecated lists, capped at the 100 newest', async () => {
  const { data, errors } = await h.gql(`{ sponsors(first: 100) { edges { node { id domain placements { title } links { title } } } } }`);
  expect(errors).toBeUndefined();
  const big = data?.sponsors.edges.find((edge: any) => Number(edge.node.id) === bigSponsorId).node;
  expect(big.placements).toHaveLength(100);
  expect(big.placements[0].title).toBe('Big 2024-04-15');
  expect(big.placements[99].title).toBe('Big 2024-01-07');
  const acme = data?.sponsors.edges.find((edge: any) => edge.node.domain === 'acme.dev').node;
  expect(acme.links.map((link: any) => link.title)).toEqual([
    'Acme link 3a', 'Acme link 3b', 'Acme link 2a', 'Acme link 2b', 'Acme link 1a', 'Acme link 1b',
  ]);
});

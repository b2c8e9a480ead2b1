import { Factory } from '../support/factories';
import { Harness, startHarness } from '../support/harness';

let h: Harness;

const FRONT_PAGE = `query FrontPage($first: Int) {
  issues(filter: { newsletters: ["ai"] }, first: $first) {
    totalCount
    edges { node {
      date headline
      sponsorPlacements { title body url }
      sections { title emoji links { title url readTimeLabel tags { slug name } } }
    } }
  }
}`;

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  const sponsor = await f.sponsor('acme.dev');
  for (let day = 1; day <= 25; day += 1) {
    await f.issue(ai, {
      date: `2025-04-${String(day).padStart(2, '0')}`,
      placements: [{ sponsor }],
      sections: [
        { title: 'Headlines', links: [{ tags: ['llm', 'funding'] }, { tags: ['security'] }] },
        { title: 'Quick Links', links: [{ tags: ['rust'] }] },
      ],
    });
  }
});

afterAll(() => h.close());

async function statementsFor(first: number): Promise<number> {
  h.statements.reset();
  const { data, errors } = await h.gql(FRONT_PAGE, { first });
  expect(errors).toBeUndefined();
  expect(data?.issues.edges).toHaveLength(first);
  expect(data?.issues.edges[0].node.sections[0].links[0].tags).toHaveLength(2);
  return h.statements.count;
}

it('runs the same small number of SQL statements for 5 and for 20 issues', async () => {
  const five = await statementsFor(5);
  const twenty = await statementsFor(20);
  // page, total, sections, links, tags, placements
  expect(twenty).toBe(five);
  expect(twenty).toBeLessThanOrEqual(6);
});

import { Factory } from '../support/factories';
import { Harness, startHarness } from '../support/harness';

/**
 * Root lists read their items' relations ahead (src/prefetch/): each part of a
 * query gets what it selected, however the parts share objects, and the
 * statements stay as many whatever the page size.
 */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  const sponsor = await f.sponsor('acme.dev');
  for (let day = 1; day <= 12; day += 1) {
    await f.issue(ai, {
      date: `2025-05-${String(day).padStart(2, '0')}`,
      placements: [{ sponsor }],
      sections: [
        { title: 'Headlines', links: [{ tags: ['llm', 'security'] }, { tags: ['security'], sponsor, sponsored: true }] },
        { title: 'Quick Links', links: [{ tags: ['rust'] }] },
      ],
    });
  }
});

afterAll(() => h.close());

async function data(query: string, variables?: Record<string, unknown>) {
  const { data: answer, errors } = await h.gql(query, variables);
  expect(errors).toBeUndefined();
  return answer as Record<string, any>;
}

it('answers each alias of the same list with what that alias selected', async () => {
  const both = await data(`{
    a: issues(first: 3) { edges { node { date sections { title } } } }
    b: issues(first: 3) { edges { node { date sections { links { title summary tags { slug } } } } } }
  }`);
  const a = await data('{ a: issues(first: 3) { edges { node { date sections { title } } } } }');
  const b = await data('{ b: issues(first: 3) { edges { node { date sections { links { title summary tags { slug } } } } } } }');
  expect(both).toEqual({ ...a, ...b });
  expect(both.b.edges[0].node.sections[0].links[0].summary).toMatch(/^Summary of link/);
});

it('follows fragments and @include as graphql-js does', async () => {
  const query = `query($with: Boolean!) {
    issues(first: 2) { edges { node { ...Parts } } }
  }
  fragment Parts on Issue {
    sections { title ... on Section { links @include(if: $with) { title tags { slug } sponsor { name } } } }
    sponsorPlacements { title sponsor { domain } }
  }`;
  const withLinks = await data(query, { with: true });
  const without = await data(query, { with: false });
  const first = withLinks.issues.edges[0].node;
  expect(first.sections[0].links[1].sponsor).toEqual({ name: 'acme' });
  expect(first.sections[0].links[0].tags.map((tag: { slug: string }) => tag.slug)).toEqual(['llm', 'security']);
  expect(first.sponsorPlacements[0].sponsor).toEqual({ domain: 'acme.dev' });
  expect(without.issues.edges[0].node.sections[0]).toEqual({ title: 'Headlines' });
});

it('runs as many statements for a topic page of 5 links as for one of 20, with issues, newsletters and tags', async () => {
  const page = (first: number) => `{ links(first: ${first}, filter: { tags: { any: ["security"] } }) {
    totalCount edges { node { title tags { slug } issue { date newsletter { slug } } section { title } } } } }`;
  const statementsFor = async (first: number) => {
    h.statements.reset();
    const answer = await data(page(first));
    expect(answer.links.edges).toHaveLength(first);
    expect(answer.links.totalCount).toBe(24);
    expect(answer.links.edges[0].node.issue.newsletter.slug).toBe('ai');
    return h.statements.count;
  };
  const five = await statementsFor(5);
  expect(await statementsFor(20)).toBe(five);
  // page, count, tags, issues, sections, newsletters
  expect(five).toBeLessThanOrEqual(6);
});

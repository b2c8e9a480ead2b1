/**
 * One no-leak test over every public read path. Each caller (the public, an
 * unscoped partner, and partners scoped to newsletters, to tags, and to both)
 * walks every row of PATHS; for every answer, nothing outside the caller's view
 * (worked out independently in tests/support/scope-world.ts) may appear, by id
 * or as text, and each row checks that everything inside it does appear, with
 * exact counts, orders and neighbours. A new public path (stories, search,
 * facets, feeds, a cached answer) adds a row here; a new caller adds a CALLERS entry.
 */
import { Kind, parse, print, SelectionSetNode, visit } from 'graphql';
import { Role } from '../../src/modules/api-key/role';
import { ADMIN_TOKEN, Harness } from '../support/harness';
import { startCachingHarness } from '../support/http-cache';
import { ENTITY_TYPES, EntityType, entitiesIn, ScopeSpec, seedScopeWorld, View, viewOf, World, WorldLink } from '../support/scope-world';
import { everyMutation } from '../support/mutations';
import { feedEntities, feedIds, feedQuery, Format, FORMATS, getFeed, htmlTexts, idOf, parseFeed, ParsedFeed } from '../support/feeds';

type Ask = (query: string, variables?: Record<string, unknown>) => Promise<any>;

interface Run {
  world: World;
  view: View;
  /** Cursors of the public's pages of one link / one issue, in order, to hand to other callers. */
  publicLinkCursors: Array<{ cursor: string; id: number }>;
  publicIssueCursors: Array<{ cursor: string; id: number }>;
  /** GETs a feed path as the caller (its feed token added): the feed parsed and checked to spec, or null for a 404. */
  feed: (path: string) => Promise<ParsedFeed | null>;
}

interface PathCase {
  /** The public path, as the README's scope table names it. */
  path: string;
  /** Entity types every visible row of which this path must return (besides returning nothing invisible). */
  covers?: EntityType[];
  run(ask: Ask, run: Run): Promise<void>;
}

const LINK = `id title url sponsored
  tags { id slug linkCount }
  sponsor { id name }
  section { id title category { id slug } issue { id headline } }
  issue { id date headline newsletter { id slug } }`;

const ISSUE = `id date headline status newsletter { id slug }
  sections { id title category { id slug linkCount } links { id title } }
  links { id title tags { id slug } }
  tags { id slug linkCount }
  sponsorPlacements { id title sponsor { id name } issue { id } }
  previous { id date }
  next { id date }`;

const ids = (nodes: Array<{ id: string }>) => nodes.map((node) => Number(node.id));
const sorted = (values: Iterable<number>) => [...values].sort((a, b) => a - b);

/** Every page of a connection, following endCursor; every page must report the same totalCount. */
async function allPages(ask: Ask, query: string, field: string, variables: Record<string, unknown> = {}) {
  const nodes: any[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let page = 0; page < 100; page += 1) {
    const data = await ask(query, { ...variables, after });
    const connection = data[field];
    nodes.push(...connection.edges.map((edge: { node: unknown }) => edge.node));
    totals.add(connection.totalCount);
    if (!connection.pageInfo.hasNextPage) return { nodes, totals: [...totals] };
    after = connection.pageInfo.endCursor;
  }
  throw new Error(`${field} did not end within 100 pages`);
}

/** What the oracle knows about a link, for filters: newsletter, date, tag slugs, category slug, sponsorship. */
function factsOf(world: World, link: WorldLink) {
  const issue = world.issues.find((candidate) => candidate.id === link.issueId)!;
  const section = world.sections.find((candidate) => candidate.id === link.sectionId)!;
  return {
    newsletter: issue.newsletter,
    date: issue.date,
    tags: link.tagIds.map((id) => world.tags.find((tag) => tag.id === id)!.slug),
    category: world.categories.find((category) => category.id === section.categoryId)!.slug,
    sponsored: link.sponsorId !== null,
  };
}

type Facts = ReturnType<typeof factsOf>;

const LINK_FILTERS: Array<[Record<string, unknown>, (facts: Facts) => boolean]> = [
  [{ newsletters: ['web'] }, (f) => f.newsletter === 'web'],
  [{ newsletters: ['ai', 'devops'] }, (f) => ['ai', 'devops'].includes(f.newsletter)],
  [{ tags: { any: ['python'] } }, (f) => f.tags.includes('python')],
  [{ tags: { any: ['infosec'] } }, (f) => f.tags.includes('security')],
  [{ tags: { all: ['security', 'llm'] } }, (f) => f.tags.includes('security') && f.tags.includes('llm')],
  [{ tags: { none: ['security'] } }, (f) => !f.tags.includes('security')],
  [{ categories: ['tools'] }, (f) => f.category === 'tools'],
  [{ sponsored: true }, (f) => f.sponsored],
  [{ date: { from: '2025-01-03' } }, (f) => f.date >= '2025-01-03'],
];

/** Issue filters match against what the caller sees of each issue: its visible links and sections. */
const ISSUE_FILTERS: Array<[Record<string, unknown>, (links: Facts[], categories: string[]) => boolean]> = [
  [{ tags: { any: ['python'] } }, (links) => links.some((f) => f.tags.includes('python'))],
  [{ tags: { any: ['llm'] } }, (links) => links.some((f) => f.tags.includes('llm'))],
  [{ tags: { none: ['security'] } }, (links) => !links.some((f) => f.tags.includes('security'))],
  [{ tags: { all: ['security', 'python'] } }, (links) => links.some((f) => f.tags.includes('security')) && links.some((f) => f.tags.includes('python'))],
  [{ categories: ['tools'] }, (_links, categories) => categories.includes('tools')],
  [{ categories: ['notes'] }, (_links, categories) => categories.includes('notes')],
  [{ newsletters: ['web'] }, () => true],
];

const PATHS: PathCase[] = [
  {
    path: 'links: every page newest first, with each link’s issue, section, category, tags (and their linkCount) and sponsor',
    covers: ['Link'],
    async run(ask, { world, view }) {
      const query = `query($after: String) { links(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${LINK} } } } }`;
      const { nodes, totals } = await allPages(ask, query, 'links');
      expect(ids(nodes)).toEqual(view.linksNewestFirst);
      expect(totals).toEqual([view.linksNewestFirst.length]);
      for (const node of nodes) {
        const link = world.links.find((candidate) => candidate.id === Number(node.id))!;
        expect([Number(node.issue.id), Number(node.section.id)]).toEqual([link.issueId, link.sectionId]);
        expect(sorted(ids(node.tags))).toEqual(link.tagIds);
        for (const tag of node.tags) expect([tag.slug, tag.linkCount]).toEqual([tag.slug, view.linkCountOfTag(Number(tag.id))]);
      }
    },
  },
  {
    path: 'links: every page oldest first',
    covers: ['Link'],
    async run(ask, { view }) {
      const query = `query($after: String) { links(first: 4, after: $after, orderBy: OLDEST_FIRST) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
      const { nodes, totals } = await allPages(ask, query, 'links');
      expect(ids(nodes)).toEqual(view.linksOldestFirst);
      expect(totals).toEqual([view.linksOldestFirst.length]);
    },
  },
  {
    path: 'links(filter): every filter intersects the caller’s view (newsletters, tags by current or old slug, categories, sponsored, dates)',
    async run(ask, { world, view }) {
      const query = `query($filter: LinkFilter) { links(first: 100, filter: $filter) { totalCount edges { node { id } } } }`;
      for (const [filter, keep] of LINK_FILTERS) {
        const data = await ask(query, { filter });
        const expected = view.linksNewestFirst.filter((id) => keep(factsOf(world, world.links.find((link) => link.id === id)!)));
        expect({ filter, ids: ids(data.links.edges.map((edge: { node: unknown }) => edge.node)), total: data.links.totalCount }).toEqual({
          filter,
          ids: expected,
          total: expected.length,
        });
      }
    },
  },
  {
    path: 'issues: every page, with sections, Section.links, Issue.links, Issue.tags, sponsorPlacements, previous and next',
    covers: ['Issue', 'Section', 'Link', 'SponsorPlacement'],
    async run(ask, { view }) {
      const query = `query($after: String) { issues(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { ${ISSUE} } } } }`;
      const { nodes, totals } = await allPages(ask, query, 'issues');
      expect(ids(nodes)).toEqual(view.issuesNewestFirst);
      expect(totals).toEqual([view.issuesNewestFirst.length]);
      for (const node of nodes) {
        const id = Number(node.id);
        expect({ id, sections: ids(node.sections) }).toEqual({ id, sections: view.sectionsOfIssue(id) });
        for (const section of node.sections) expect(ids(section.links)).toEqual(view.linksOfSection(Number(section.id)));
        expect(ids(node.links)).toEqual(view.linksOfIssue(id));
        expect(sorted(ids(node.tags))).toEqual(view.tagsOfIssue(id));
        for (const tag of node.tags) expect(tag.linkCount).toBe(view.linkCountOfTag(Number(tag.id)));
        for (const section of node.sections) {
          if (section.category) expect(section.category.linkCount).toBe(view.linkCountOfCategory(Number(section.category.id)));
        }
        expect(ids(node.sponsorPlacements)).toEqual(view.placementsOfIssue(id));
        expect({ id, previous: node.previous && Number(node.previous.id), next: node.next && Number(node.next.id) }).toEqual({
          id,
          previous: view.neighbour(id, 'previous'),
          next: view.neighbour(id, 'next'),
        });
      }
    },
  },
  {
    path: 'issues(filter): tag and category filters look only at what the caller sees of each issue',
    async run(ask, { world, view }) {
      const query = `query($filter: IssueFilter) { issues(first: 100, filter: $filter) { totalCount edges { node { id newsletter { id slug } } } } }`;
      for (const [filter, keep] of ISSUE_FILTERS) {
        const data = await ask(query, { filter });
        const expected = view.issuesNewestFirst.filter((id) => {
          const issue = world.issues.find((candidate) => candidate.id === id)!;
          if (filter.newsletters && !(filter.newsletters as string[]).includes(issue.newsletter)) return false;
          const links = view.linksOfIssue(id).map((linkId) => factsOf(world, world.links.find((link) => link.id === linkId)!));
          const categories = view
            .sectionsOfIssue(id)
            .map((sectionId) => world.categories.find((c) => c.id === world.sections.find((s) => s.id === sectionId)!.categoryId)!.slug);
          return keep(links, categories);
        });
        const got = ids(data.issues.edges.map((edge: { node: unknown }) => edge.node));
        expect({ filter, ids: got, total: data.issues.totalCount }).toEqual({ filter, ids: expected, total: expected.length });
      }
    },
  },
  {
    path: 'issue(newsletter, date): every issue of the archive, drafts and scheduled ones included; null outside the view',
    covers: ['Issue'],
    async run(ask, { world, view }) {
      const fields = world.issues.map(
        (issue, n) => `i${n}: issue(newsletter: "${issue.newsletter}", date: "${issue.date}") { ${ISSUE} }`,
      );
      const data = await ask(`{ ${fields.join('\n')} }`);
      world.issues.forEach((issue, n) => {
        const answer = data[`i${n}`];
        expect({ issue: issue.headline, id: answer && Number(answer.id) }).toEqual({
          issue: issue.headline,
          id: view.visible.Issue.has(issue.id) ? issue.id : null,
        });
        if (answer) expect(ids(answer.links)).toEqual(view.linksOfIssue(issue.id));
      });
    },
  },
  {
    path: 'tags: the list, linkCount and aliases',
    covers: ['Tag'],
    async run(ask, { world, view }) {
      const data = await ask(`{ tags { id slug linkCount aliases } }`);
      for (const tag of data.tags) {
        expect([tag.slug, tag.linkCount]).toEqual([tag.slug, view.linkCountOfTag(Number(tag.id))]);
        expect(tag.aliases).toEqual(world.tags.find((candidate) => candidate.id === Number(tag.id))!.aliases);
      }
    },
  },
  {
    path: 'categories: the list, linkCount and aliases',
    covers: ['Category'],
    async run(ask, { view }) {
      const data = await ask(`{ categories { id slug linkCount aliases } }`);
      for (const category of data.categories) {
        expect([category.slug, category.linkCount]).toEqual([category.slug, view.linkCountOfCategory(Number(category.id))]);
      }
    },
  },
  {
    path: 'newsletters, and newsletter(slug) for every newsletter',
    covers: ['Newsletter'],
    async run(ask, { world, view }) {
      await ask(`{ newsletters { id slug } }`);
      const fields = world.newsletters.map((newsletter, n) => `n${n}: newsletter(slug: "${newsletter.slug}") { id slug }`);
      const data = await ask(`{ ${fields.join(' ')} }`);
      world.newsletters.forEach((newsletter, n) => {
        expect([newsletter.slug, data[`n${n}`]?.slug ?? null]).toEqual([
          newsletter.slug,
          view.visible.Newsletter.has(newsletter.id) ? newsletter.slug : null,
        ]);
      });
    },
  },
  {
    path: 'sponsors: every page, with Sponsor.links, Sponsor.placements (deprecated lists) and their issues',
    covers: ['Sponsor', 'SponsorPlacement'],
    async run(ask, { world, view }) {
      const query = `query($after: String) { sponsors(first: 2, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node {
        id name links { id title issue { id } } placements { id title sponsor { id } issue { id date } } } } } }`;
      const { nodes, totals } = await allPages(ask, query, 'sponsors');
      expect(totals).toEqual([view.visible.Sponsor.size]);
      for (const sponsor of nodes) {
        const id = Number(sponsor.id);
        const links = view.linksNewestFirst.filter((linkId) => world.links.find((link) => link.id === linkId)!.sponsorId === id);
        expect({ sponsor: sponsor.name, links: ids(sponsor.links) }).toEqual({ sponsor: sponsor.name, links });
        const placements = view.issuesNewestFirst.flatMap((issueId) =>
          view.placementsOfIssue(issueId).filter((p) => world.placements.find((placement) => placement.id === p)!.sponsorId === id),
        );
        expect({ sponsor: sponsor.name, placements: ids(sponsor.placements) }).toEqual({ sponsor: sponsor.name, placements });
      }
    },
  },
  {
    path: 'Sponsor.linkConnection and Sponsor.placementConnection: every page of each sponsor, with totalCount',
    covers: ['Sponsor'],
    async run(ask, { world, view }) {
      const sponsors = await ask(`{ sponsors(first: 100) { edges { node { id name } } } }`);
      const page = (field: string) => `query($after: String) { sponsors(first: 100) { edges { node { id name
        ${field}(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id issue { id } } } } } } } }`;
      for (const [index, { node: sponsor }] of sponsors.sponsors.edges.entries()) {
        const id = Number(sponsor.id);
        for (const field of ['linkConnection', 'placementConnection']) {
          const seen: number[] = [];
          const totals = new Set<number>();
          let after: string | null = null;
          for (let n = 0; n < 50; n += 1) {
            const data = await ask(page(field), { after });
            const connection = data.sponsors.edges[index].node[field];
            seen.push(...ids(connection.edges.map((edge: { node: unknown }) => edge.node)));
            totals.add(connection.totalCount);
            if (!connection.pageInfo.hasNextPage) break;
            after = connection.pageInfo.endCursor;
          }
          const expected =
            field === 'linkConnection'
              ? view.linksNewestFirst.filter((linkId) => world.links.find((link) => link.id === linkId)!.sponsorId === id)
              : view.issuesNewestFirst.flatMap((issueId) =>
                  view.placementsOfIssue(issueId).filter((p) => world.placements.find((placement) => placement.id === p)!.sponsorId === id),
                );
          expect({ sponsor: sponsor.name, field, ids: seen, totals: [...totals] }).toEqual({
            sponsor: sponsor.name,
            field,
            ids: expected,
            totals: [expected.length],
          });
        }
      }
    },
  },
  {
    path: 'links(distinct: true): every page newest and oldest first, each story once with its appearances (and theirs)',
    covers: ['Link'],
    async run(ask, { view }) {
      const query = `query($after: String, $order: DateOrder) { links(distinct: true, first: 2, after: $after, orderBy: $order) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id canonicalUrl
          appearances(first: 100) { totalCount edges { node { id canonicalUrl issue { id date newsletter { id slug } } } } } } } } }`;
      for (const [order, expected] of [['NEWEST_FIRST', view.storiesNewestFirst], ['OLDEST_FIRST', view.storiesOldestFirst]] as const) {
        const { nodes, totals } = await allPages(ask, query, 'links', { order });
        expect({ order, ids: ids(nodes), totals }).toEqual({ order, ids: expected, totals: [expected.length] });
        for (const node of nodes) {
          const appearances = view.appearancesOf(Number(node.id));
          expect({ id: node.id, ids: ids(node.appearances.edges.map((edge: any) => edge.node)), total: node.appearances.totalCount }).toEqual({
            id: node.id,
            ids: appearances,
            total: appearances.length,
          });
        }
      }
    },
  },
  {
    path: 'Link.appearances: every page of every visible link’s other appearances, with totalCount',
    covers: ['Link'],
    async run(ask, { view }) {
      const query = `query($after: String) { links(first: 100) { edges { node { id
        appearances(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id title issue { id } section { id } } } } } } } }`;
      const first = await ask(query, { after: null });
      for (const [index, { node }] of first.links.edges.entries()) {
        const seen: number[] = [];
        const totals = new Set<number>();
        let after: string | null = null;
        for (let page = 0; page < 20; page += 1) {
          const data: any = page === 0 ? first : await ask(query, { after });
          const connection = data.links.edges[index].node.appearances;
          seen.push(...ids(connection.edges.map((edge: any) => edge.node)));
          totals.add(connection.totalCount);
          if (!connection.pageInfo.hasNextPage) break;
          after = connection.pageInfo.endCursor;
        }
        const expected = view.appearancesOf(Number(node.id));
        expect({ id: node.id, seen, totals: [...totals] }).toEqual({ id: node.id, seen: expected, totals: [expected.length] });
      }
    },
  },
  {
    path: 'links(filter: { url }): every story of the archive, drafts’ included, asked for by a tracking-laden URL',
    async run(ask, { world, view }) {
      const query = `query($url: String!) { links(first: 100, filter: { url: $url }) { totalCount edges { node { id canonicalUrl } } } }`;
      for (const canonicalUrl of new Set(world.links.map((link) => link.canonicalUrl))) {
        const data = await ask(query, { url: `\u200b${canonicalUrl}?utm_source=partner&ref=feed#?utm_medium=email` });
        const expected = view.linksOfStory(canonicalUrl);
        expect({ canonicalUrl, ids: ids(data.links.edges.map((edge: any) => edge.node)), total: data.links.totalCount }).toEqual({
          canonicalUrl,
          ids: expected,
          total: expected.length,
        });
      }
    },
  },
  {
    path: 'search: every page of a query every title holds ("link"), with highlights',
    covers: ['Link'],
    async run(ask, { view }) {
      const query = `query($after: String) { search(query: "link", first: 3, after: $after) { totalCount correctedQuery pageInfo { hasNextPage endCursor }
        edges { rank titleHighlight summaryHighlight node { ${LINK} } } } }`;
      const { nodes, totals } = await allPages(ask, query, 'search');
      expect(sorted(ids(nodes))).toEqual(sorted(view.linksNewestFirst));
      expect(ids(nodes)).toHaveLength(view.linksNewestFirst.length);
      expect(totals).toEqual([view.linksNewestFirst.length]);
    },
  },
  {
    path: 'search: a query only issue headlines hold ("headline"), a misspelled one ("linkk"), and every filter',
    async run(ask, { world, view }) {
      const query = `query($q: String!, $filter: LinkFilter) { search(query: $q, filter: $filter, first: 100) { totalCount correctedQuery edges { node { id } } } }`;
      const headline = await ask(query, { q: 'headline' });
      expect(sorted(ids(headline.search.edges.map((edge: { node: unknown }) => edge.node)))).toEqual(sorted(view.linksNewestFirst));
      const typo = await ask(query, { q: 'linkk' });
      expect([typo.search.correctedQuery, typo.search.totalCount]).toEqual(['link', view.linksNewestFirst.length]);
      for (const [filter, keep] of LINK_FILTERS) {
        const data = await ask(query, { q: 'link', filter });
        const expected = view.linksNewestFirst.filter((id) => keep(factsOf(world, world.links.find((link) => link.id === id)!)));
        const got = ids(data.search.edges.map((edge: { node: unknown }) => edge.node));
        expect({ filter, ids: sorted(got), total: data.search.totalCount }).toEqual({ filter, ids: sorted(expected), total: expected.length });
      }
    },
  },
  {
    path: 'linkFacets: counts of the caller’s links per tag, category, newsletter and year, with no filter and with each filter',
    async run(ask, { world, view }) {
      const query = `query($filter: LinkFilter, $q: String) { linkFacets(filter: $filter, query: $q, top: 100) { totalCount
        tags { value count } categories { value count } kinds { value count } newsletters { value count } domains { value count } years { value count } } }`;
      const valuesOf: Record<string, (facts: Facts) => string[]> = {
        tags: (f) => f.tags,
        categories: (f) => [f.category],
        newsletters: (f) => [f.newsletter],
        years: (f) => [f.date.slice(0, 4)],
      };
      const dimensionOf = (filter: Record<string, unknown>) => (Object.keys(filter)[0] === 'date' ? 'years' : Object.keys(filter)[0]);
      for (const [filter, keep] of [[{}, () => true] as const, ...LINK_FILTERS]) {
        for (const q of [undefined, 'link']) {
          const data = await ask(query, { filter, q });
          const facts = view.linksNewestFirst.map((id) => factsOf(world, world.links.find((link) => link.id === id)!));
          expect({ filter, q, total: data.linkFacets.totalCount }).toEqual({ filter, q, total: facts.filter(keep).length });
          for (const [dimension, values] of Object.entries(valuesOf)) {
            const tally = new Map<string, number>();
            for (const fact of facts.filter((f) => dimensionOf(filter) === dimension || keep(f))) {
              for (const value of values(fact)) tally.set(value, (tally.get(value) ?? 0) + 1);
            }
            const got = new Map(data.linkFacets[dimension].map((entry: { value: string; count: number }) => [entry.value, entry.count]));
            expect({ filter, q, dimension, counts: got }).toEqual({ filter, q, dimension, counts: tally });
          }
        }
      }
    },
  },
  {
    path: 'Link.related and Issue.related of every link and issue the caller sees',
    async run(ask, { view }) {
      const issues = await ask(`{ issues(first: 100) { edges { node { id related(first: 20) { id date headline newsletter { id slug } } } } } }`);
      for (const { node } of issues.issues.edges) expect(ids(node.related)).not.toContain(Number(node.id));
      const query = `query($after: String) { links(first: 5, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node {
        id issue { id } related(first: 20) { id title url sponsored tags { id slug } sponsor { id name } section { id title category { id slug } }
          issue { id headline newsletter { id slug } } } } } } }`;
      const { nodes } = await allPages(ask, query, 'links');
      expect(ids(nodes)).toEqual(view.linksNewestFirst);
      for (const node of nodes) {
        for (const related of node.related) expect(Number(related.issue.id)).not.toBe(Number(node.issue.id));
      }
      // Every caller sees tagged links in two issues or more, so some link has a related one.
      expect(nodes.some((node) => node.related.length > 0)).toBe(true);
    },
  },
  {
    path: 'links(after): a cursor taken from the public’s pages yields only the caller’s links after that position',
    async run(ask, { view, publicLinkCursors }) {
      const order = publicLinkCursors.map(({ id }) => id);
      for (const [index, { cursor }] of publicLinkCursors.entries()) {
        const data = await ask(`query($after: String) { links(first: 100, after: $after) { totalCount edges { node { id } } } }`, { after: cursor });
        const expected = view.linksNewestFirst.filter((id) => order.indexOf(id) > index);
        expect({ index, ids: ids(data.links.edges.map((edge: { node: unknown }) => edge.node)) }).toEqual({ index, ids: expected });
        expect(data.links.totalCount).toBe(view.linksNewestFirst.length);
      }
    },
  },
  {
    path: 'issues(after): a cursor taken from the public’s pages yields only the caller’s issues after that position',
    async run(ask, { view, publicIssueCursors }) {
      const order = publicIssueCursors.map(({ id }) => id);
      for (const [index, { cursor }] of publicIssueCursors.entries()) {
        const data = await ask(`query($after: String) { issues(first: 100, after: $after) { edges { node { id } } } }`, { after: cursor });
        const expected = view.issuesNewestFirst.filter((id) => order.indexOf(id) > index);
        expect({ index, ids: ids(data.issues.edges.map((edge: { node: unknown }) => edge.node)) }).toEqual({ index, ids: expected });
      }
    },
  },
  {
    path: 'feeds: /feeds/links in every format, newest first, the caller’s links only',
    covers: ['Link'],
    async run(_ask, { view, feed }) {
      for (const format of FORMATS) {
        const parsed = (await feed(`/feeds/links.${format}?limit=100`))!;
        expect({ format, ids: feedIds(parsed) }).toEqual({ format, ids: view.linksNewestFirst });
      }
    },
  },
  {
    path: 'feeds: /feeds/links filters intersect the caller’s view (newsletters, tags by current or old slug, categories, sponsored, dates)',
    async run(_ask, { world, view, feed }) {
      for (const [filter, keep] of LINK_FILTERS) {
        const expected = view.linksNewestFirst.filter((id) => keep(factsOf(world, world.links.find((link) => link.id === id)!)));
        const parsed = (await feed(`/feeds/links.atom?limit=100&${feedQuery(filter)}`))!;
        expect({ filter, ids: feedIds(parsed) }).toEqual({ filter, ids: expected });
      }
    },
  },
  {
    path: 'feeds: /feeds/links?q= (a search, newest first) matches the caller’s links only, by their titles or their issues’ headlines',
    async run(_ask, { view, feed }) {
      for (const q of ['link', 'headline']) {
        const parsed = (await feed(`/feeds/links.json?limit=100&q=${q}`))!;
        expect({ q, ids: feedIds(parsed) }).toEqual({ q, ids: view.linksNewestFirst });
      }
    },
  },
  {
    path: 'feeds: /feeds/newsletters/{slug} for every newsletter: visible issues newest first, their visible sections and links inside; 404 outside the view',
    covers: ['Issue', 'Link'],
    async run(_ask, { world, view, feed }) {
      for (const [n, newsletter] of world.newsletters.entries()) {
        const format = FORMATS[n % FORMATS.length];
        const parsed = await feed(`/feeds/newsletters/${newsletter.slug}.${format}`);
        const issues = view.issuesNewestFirst.filter((id) => world.issues.find((issue) => issue.id === id)!.newsletter === newsletter.slug);
        expect({ newsletter: newsletter.slug, ids: parsed && feedIds(parsed) }).toEqual({
          newsletter: newsletter.slug,
          ids: view.visible.Newsletter.has(newsletter.id) ? issues : null,
        });
        for (const item of parsed?.items ?? []) {
          const id = idOf(item.id).id;
          const texts = htmlTexts(item.html);
          const links = world.links.filter((link) => texts.includes(link.title)).map((link) => link.id);
          const sections = world.sections.filter((section) => texts.includes(section.title)).map((section) => section.id);
          expect({ id, links, sections }).toEqual({
            id,
            links: view.linksOfIssue(id),
            sections: view.sectionsOfIssue(id).filter((section) => view.linksOfSection(section).length > 0),
          });
        }
      }
    },
  },
  {
    path: 'feeds: /feeds/tags/{slug} for every tag and an old slug: the caller’s links carrying it; 404 when the caller sees no such link',
    async run(_ask, { world, view, feed }) {
      const slugs = [...world.tags.map((tag) => tag.slug), 'infosec'];
      for (const [n, slug] of slugs.entries()) {
        const tag = world.tags.find((candidate) => candidate.slug === slug || candidate.aliases.includes(slug))!;
        const expected = view.linksNewestFirst.filter((id) => world.links.find((link) => link.id === id)!.tagIds.includes(tag.id));
        const parsed = await feed(`/feeds/tags/${slug}.${FORMATS[n % FORMATS.length]}`);
        expect({ slug, ids: parsed && feedIds(parsed) }).toEqual({ slug, ids: expected.length ? expected : null });
      }
    },
  },
  {
    path: 'feeds: /feeds/categories/{slug} for every category: the caller’s links in its sections; 404 when the caller sees none',
    async run(_ask, { world, view, feed }) {
      for (const [n, category] of world.categories.entries()) {
        const expected = view.linksNewestFirst.filter(
          (id) => world.sections.find((section) => section.id === world.links.find((link) => link.id === id)!.sectionId)!.categoryId === category.id,
        );
        const parsed = await feed(`/feeds/categories/${category.slug}.${FORMATS[n % FORMATS.length]}`);
        const visible = view.visible.Category.has(category.id);
        expect({ slug: category.slug, ids: parsed && feedIds(parsed) }).toEqual({ slug: category.slug, ids: visible ? expected : null });
      }
    },
  },
];

interface Caller {
  name: string;
  /** Null: the public (no key). Otherwise a partner key with this scope (null scope: unscoped). */
  key: { scope: ScopeSpec | null } | null;
}

const CALLERS: Caller[] = [
  { name: 'the public', key: null },
  { name: 'an unscoped partner', key: { scope: null } },
  { name: 'a partner scoped to newsletters', key: { scope: { newsletters: ['ai', 'devops'] } } },
  { name: 'a partner scoped to tags (an old slug and a current one)', key: { scope: { tags: ['infosec', 'k8s'] } } },
  { name: 'a partner scoped to newsletters and tags', key: { scope: { newsletters: ['ai', 'web'], tags: ['security'] } } },
];

/** Adds `__typename` to every selection set, so every entity in an answer can be told by type. */
function withTypenames(query: string): string {
  return print(
    visit(parse(query), {
      SelectionSet: {
        leave: (node: SelectionSetNode) => ({
          ...node,
          selections: [...node.selections, { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } }],
        }),
      },
    }),
  );
}

let h: Harness;
let world: World;
const tokens = new Map<Caller, string | undefined>();
/** Each partner caller's feed token (for ?token=), made for its key. */
const feedTokens = new Map<Caller, string>();
const publicLinkCursors: Run['publicLinkCursors'] = [];
const publicIssueCursors: Run['publicIssueCursors'] = [];

async function createPartnerKey(caller: Caller, scope: ScopeSpec | null): Promise<string> {
  const input = { name: caller.name, role: Role.PARTNER, scope };
  const { data, errors } = await h.gql(`mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key { id } secret } }`, { input }, ADMIN_TOKEN);
  expect(errors).toBeUndefined();
  const feedToken = await h.gql(`mutation($id: ID!) { createFeedToken(input: { apiKeyId: $id, name: "reader" }) { secret } }`, { id: data!.createApiKey.key.id }, ADMIN_TOKEN);
  expect(feedToken.errors).toBeUndefined();
  feedTokens.set(caller, feedToken.data!.createFeedToken.secret);
  return data!.createApiKey.secret;
}

async function publicCursors(field: 'links' | 'issues', into: Array<{ cursor: string; id: number }>) {
  let after: string | null = null;
  for (;;) {
    const { data }: { data?: any } = await h.gql(`query($after: String) { ${field}(first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`, { after });
    const connection: any = data[field];
    into.push(...connection.edges.map((edge: { cursor: string; node: { id: string } }) => ({ cursor: edge.cursor, id: Number(edge.node.id) })));
    if (!connection.pageInfo.hasNextPage) return;
    after = connection.pageInfo.endCursor;
  }
}

beforeAll(async () => {
  // With the response cache on, as `npm start` runs: the callers ask the same queries, and none may get another's answer.
  h = await startCachingHarness();
  world = await seedScopeWorld(h.dataSource);
  for (const caller of CALLERS) tokens.set(caller, caller.key ? await createPartnerKey(caller, caller.key.scope) : undefined);
  await publicCursors('links', publicLinkCursors);
  await publicCursors('issues', publicIssueCursors);
});

afterAll(() => h.close());

it('the world has rows in and out of every scope, drafts and scheduled issues with in-scope-looking links among them', () => {
  const statuses = new Set(world.issues.map((issue) => issue.status));
  expect([...statuses].sort()).toEqual(['DRAFT', 'PUBLISHED', 'SCHEDULED']);
  for (const caller of CALLERS.filter((candidate) => candidate.key?.scope)) {
    const view = viewOf(world, caller.key!.scope);
    expect(view.visible.Link.size).toBeGreaterThan(0);
    expect(view.visible.Link.size).toBeLessThan(viewOf(world, null).visible.Link.size);
  }
});

it('the world has stories told in several newsletters, in drafts only, and split by scopes', () => {
  const story = (name: string) => `https://stories.example/${name}`;
  const all = viewOf(world, null);
  expect([story('alpha'), story('beta'), story('gamma'), story('delta')].map((url) => all.linksOfStory(url).length)).toEqual([3, 1, 2, 0]);
  expect(world.links.filter((link) => link.canonicalUrl === story('alpha'))).toHaveLength(4);
  const tagged = viewOf(world, { tags: ['infosec', 'k8s'] });
  expect([story('alpha'), story('beta'), story('gamma')].map((url) => tagged.linksOfStory(url).length)).toEqual([2, 0, 1]);
});

it('the oracle agrees with a hand count for the tag-scoped partner (an old slug "infosec" names "security")', () => {
  const view = viewOf(world, { tags: ['infosec', 'k8s'] });
  const headlines = [...view.visible.Issue].map((id) => world.issues.find((issue) => issue.id === id)!.headline).sort();
  expect(headlines).toEqual(['ai 2025-01-01', 'ai 2025-01-04', 'devops 2025-01-01', 'devops 2025-01-05', 'web 2025-01-02'].map((x) => `Headline of ${x}`));
  expect(view.visible.SponsorPlacement.size).toBe(0);
  expect([...view.visible.Sponsor].map((id) => world.sponsors.find((s) => s.id === id)!.name).sort()).toEqual(['acme', 'globex']);
});

describe.each(CALLERS)('$name', (caller) => {
  it.each(PATHS.map((path) => [path.path, path] as const))('%s', async (_name, path) => {
    const view = viewOf(world, caller.key?.scope ?? null);
    const answers: unknown[] = [];
    const ask: Ask = async (query, variables) => {
      const response = await h.gql(withTypenames(query), variables, tokens.get(caller));
      expect(response.errors).toBeUndefined();
      // Asked again: the answer from the response cache, which is checked the same way.
      const again = await h.gql(withTypenames(query), variables, tokens.get(caller));
      expect(again.data).toEqual(response.data);
      answers.push(response.data, again.data);
      return response.data;
    };
    const feed: Run['feed'] = async (path) => {
      const token = feedTokens.get(caller);
      const answer = await getFeed(h.url, token ? `${path}${path.includes('?') ? '&' : '?'}token=${token}` : path);
      if (answer.status === 404) return null;
      expect({ path, status: answer.status }).toEqual({ path, status: 200 });
      const parsed = parseFeed(path.split('?')[0].split('.').pop() as Format, answer.body);
      answers.push(feedEntities(world, parsed));
      return parsed;
    };
    await path.run(ask, { world, view, publicLinkCursors, publicIssueCursors, feed });
    const seen = entitiesIn(answers);
    for (const type of ENTITY_TYPES) {
      const leaked = [...seen.get(type)!].filter((id) => !view.visible[type].has(id));
      expect({ type, leaked }).toEqual({ type, leaked: [] });
    }
    for (const type of path.covers ?? []) expect({ type, ids: sorted(seen.get(type)!) }).toEqual({ type, ids: sorted(view.visible[type]) });
    const text = JSON.stringify(answers);
    expect(view.hiddenTexts.filter((hidden) => text.includes(hidden))).toEqual([]);
  });
});

describe('what a partner may not do, scoped or not', () => {
  const partners = () => CALLERS.filter((caller) => caller.key).map((caller) => tokens.get(caller)!);

  it('every mutation in the schema: FORBIDDEN for each partner key, UNAUTHENTICATED for the public, nothing written', async () => {
    const calls = await everyMutation();
    expect(calls.length).toBeGreaterThan(25);
    const before = await h.rowCounts();
    for (const { name, query, variables } of calls) {
      for (const token of partners()) {
        const response = await h.gql(query, variables, token);
        expect({ name, code: response.errors?.[0].extensions?.code, data: response.data ?? null }).toEqual({ name, code: 'FORBIDDEN', data: null });
      }
      const anonymous = await h.gql(query, variables);
      expect({ name, code: anonymous.errors?.[0].extensions?.code }).toEqual({ name, code: 'UNAUTHENTICATED' });
    }
    expect(await h.rowCounts()).toEqual(before);
  });

  it.each([
    ['issue(preview: true)', `{ issue(newsletter: "ai", date: "2025-01-03", preview: true) { id } }`],
    ['issues(filter: { statuses: [DRAFT] })', `{ issues(filter: { statuses: [DRAFT] }) { totalCount } }`],
    ['issues(filter: { statuses: [PUBLISHED, SCHEDULED] })', `{ issues(filter: { statuses: [PUBLISHED, SCHEDULED] }) { totalCount } }`],
    ['links(filter: { statuses: [SCHEDULED] })', `{ links(filter: { statuses: [SCHEDULED] }) { totalCount } }`],
    ['Link.tagDecisions', `{ links(first: 1) { edges { node { id tagDecisions { included } } } } }`],
    ['apiKeys', `{ apiKeys { id scope { tags } } }`],
    ['auditLog', `{ auditLog { totalCount } }`],
  ])('%s: FORBIDDEN for each partner key, UNAUTHENTICATED for the public', async (_name, query) => {
    for (const token of partners()) {
      const response = await h.gql(query, {}, token);
      expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await h.gql(query, {})).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

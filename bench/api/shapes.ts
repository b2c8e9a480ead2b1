import fs from 'node:fs';
import path from 'node:path';

/** One GraphQL request: the document and its variables. */
export interface Operation {
  query: string;
  variables?: Record<string, unknown>;
}

/** What the bench asks both servers: the same question in each one's schema. */
export interface Shape {
  name: string;
  /** Requests to this API, taken in turn (the filter mix has several). */
  api: Operation[];
  /** The same requests to PostGraphile, in the same order. */
  postgraphile: Operation[];
  /** Sent to this API with each request (a partner key for the partner pull). */
  apiHeaders?: Record<string, string>;
}

/** What the shapes need from the archive: the issue to open and where page 2 of the topic starts. */
export interface ShapeParams {
  newsletter: { id: number; slug: string };
  date: string;
  partnerKey: string;
  /** The `endCursor` of page 1 of the topic, from each server. */
  apiCursor: string;
  postgraphileCursor: string;
}

const OPERATIONS = path.join(__dirname, '..', '..', '..', 'examples', 'operations');
export const readOperation = (file: string) => fs.readFileSync(path.join(OPERATIONS, file), 'utf8');

/** Links in this API's reading order (newest issue first, then section and link position), as PostGraphile sorts the view. */
const NEWEST_LINKS = 'orderBy: [ISSUE_DATE_DESC, ISSUE_ID_DESC, SECTION_POSITION_ASC, POSITION_ASC]';
const OLDEST_LINKS = 'orderBy: [ISSUE_DATE_ASC, ISSUE_ID_ASC, SECTION_POSITION_ASC, POSITION_ASC]';
const tagged = (slug: string) => `{ tags: { some: { tag: { slug: { equalTo: "${slug}" } } } } }`;

const PG_FRONT_PAGE = `query FrontPage {
  issues(first: 20, condition: { status: PUBLISHED }, orderBy: [DATE_DESC, ROW_ID_DESC]) {
    pageInfo { hasNextPage endCursor }
    edges { node {
      id: rowId date headline
      newsletter { slug name }
      sponsorPlacements(orderBy: POSITION_ASC) { nodes { title body url sponsor { name domain } } }
      sections(orderBy: POSITION_ASC) { nodes {
        title emoji category { slug name }
        links(orderBy: POSITION_ASC) { nodes {
          id: rowId title url readTimeLabel kind sponsored
          linkTags { nodes { tag { slug name } } }
        } }
      } }
    } }
  }
}`;

/** PostGraphile's topic page; page 1 (`after: null`) gives the cursor of page 2. */
export const PG_PARTNER_PAGE = `query PartnerTopicPage($after: Cursor) {
  links: publishedLinks(first: 50, after: $after, ${NEWEST_LINKS}, filter: ${tagged('security')}) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node {
      id: rowId title url canonicalUrl domain summary readMinutes kind
      linkTags: tags { nodes { tag { slug } } }
      issue { date headline newsletter { slug name } }
    } }
  }
}`;

const PG_ISSUE = `query OneIssue($newsletterId: Int!, $date: Date!) {
  issue: issueByNewsletterIdAndDate(newsletterId: $newsletterId, date: $date) {
    id: rowId date headline status publishedAt version
    newsletter {
      id: rowId slug name tagline
      previous: issues(first: 1, condition: { status: PUBLISHED }, filter: { date: { lessThan: $date } }, orderBy: DATE_DESC) {
        nodes { date headline }
      }
      next: issues(first: 1, condition: { status: PUBLISHED }, filter: { date: { greaterThan: $date } }, orderBy: DATE_ASC) {
        nodes { date headline }
      }
    }
    sponsorPlacements(orderBy: POSITION_ASC) { nodes { id: rowId position title body url sponsor { id: rowId name domain url } } }
    sections(orderBy: POSITION_ASC) { nodes {
      id: rowId position title emoji category { slug name }
      links(orderBy: POSITION_ASC) { nodes {
        id: rowId position title url canonicalUrl domain summary readTimeLabel readMinutes kind sponsored
        sponsor { name domain }
        linkTags { nodes { tag { slug name } } }
      } }
    } }
    tags { nodes { slug name } }
  }
}`;

/** The filter mix: filtered issue lists and link lists, taken in turn. */
function filterMix(params: ShapeParams): { api: Operation[]; postgraphile: Operation[] } {
  return {
    api: [
      {
        query: `{ issues(first: 10, filter: { newsletters: ["ai", "devops"], tags: { any: ["security"], none: ["regulation"] } }) {
          totalCount edges { node { date headline newsletter { slug } } } } }`,
      },
      {
        query: `{ links(first: 20, filter: { kinds: [REPO], domains: ["github.com"], sponsored: false }) {
          totalCount edges { node { title url domain kind issue { date newsletter { slug } } section { title } tags { slug } } } } }`,
      },
      {
        query: `{ links(first: 20, orderBy: OLDEST_FIRST, filter: { tags: { all: ["kubernetes", "security"] } }) {
          edges { node { title url issue { date } } } } }`,
      },
      {
        query: `query($date: Date!) { issues(first: 10, filter: { date: { to: $date } }) { edges { node { date headline } } } }`,
        variables: { date: params.date },
      },
    ],
    postgraphile: [
      {
        query: `{ issues(first: 10, condition: { status: PUBLISHED }, orderBy: [DATE_DESC, ROW_ID_DESC], filter: {
            newsletter: { slug: { in: ["ai", "devops"] } },
            publishedLinks: { some: ${tagged('security')} },
            not: { publishedLinks: { some: ${tagged('regulation')} } } }) {
          totalCount edges { node { date headline newsletter { slug } } } } }`,
      },
      {
        query: `{ links: publishedLinks(first: 20, ${NEWEST_LINKS},
            filter: { kind: { in: [REPO] }, domain: { in: ["github.com"] }, sponsored: { equalTo: false } }) {
          totalCount edges { node { title url domain kind issue { date newsletter { slug } } section { title }
            linkTags: tags { nodes { tag { slug } } } } } } }`,
      },
      {
        query: `{ links: publishedLinks(first: 20, ${OLDEST_LINKS}, filter: { and: [${tagged('kubernetes')}, ${tagged('security')}] }) {
          edges { node { title url issue { date } } } } }`,
      },
      {
        query: `query($date: Date!) { issues(first: 10, condition: { status: PUBLISHED }, orderBy: [DATE_DESC, ROW_ID_DESC],
            filter: { date: { lessThanOrEqualTo: $date } }) { edges { node { date headline } } } }`,
        variables: { date: params.date },
      },
    ],
  };
}

/** The three shapes of the issue (from examples/operations/) and the filter mix, in both schemas. */
export function shapes(params: ShapeParams): Shape[] {
  return [
    { name: 'front page', api: [{ query: readOperation('front-page.graphql') }], postgraphile: [{ query: PG_FRONT_PAGE }] },
    {
      name: 'partner pull',
      api: [{ query: readOperation('partner-topic-page.graphql'), variables: { after: params.apiCursor } }],
      postgraphile: [{ query: PG_PARTNER_PAGE, variables: { after: params.postgraphileCursor } }],
      apiHeaders: { authorization: `Bearer ${params.partnerKey}` },
    },
    {
      name: 'one issue',
      api: [{ query: readOperation('issue.graphql'), variables: { newsletter: params.newsletter.slug, date: params.date } }],
      postgraphile: [{ query: PG_ISSUE, variables: { newsletterId: params.newsletter.id, date: params.date } }],
    },
    { name: 'filter mix', ...filterMix(params) },
  ];
}

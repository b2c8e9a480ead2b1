import { DocumentNode, GraphQLSchema, parse } from 'graphql';
import { measureCost } from '../../limits/cost';
import type { FeedRequest } from './feed.params';

/**
 * What a feed costs: the cost (limits/cost.ts) of the GraphQL query that reads
 * the same rows at the same page size, plus 1 for looking up its newsletter,
 * category or tag. Feeds spend it from the caller's quota as that query would.
 */
const LINK_FEED = parse(`query($first: Int) { links(first: $first) { edges { node {
  title url canonicalUrl summary readTimeLabel tags { name } section { title } issue { date headline publishedAt updatedAt newsletter { name } }
} } } }`);

const ISSUE_FEED = parse(`query($first: Int) { issues(first: $first) { edges { node {
  headline date publishedAt updatedAt sections { title emoji links { title canonicalUrl summary readTimeLabel } }
} } } }`);

export function feedCost(schema: GraphQLSchema, request: FeedRequest): number {
  const document: DocumentNode = request.subject.kind === 'newsletter' ? ISSUE_FEED : LINK_FEED;
  return 1 + measureCost(schema, document, { variables: { first: request.limit } }).cost;
}

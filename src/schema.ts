import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { DateTimeResolver } from 'graphql-scalars';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth/policy';
import { directResolvers } from './common/direct-resolvers';
import { validateArgument } from './common/validation';
import { ApiKeyResolver } from './modules/api-key/api-key.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { CategoryEditResolver } from './modules/category/category-edit.resolver';
import { CategoryResolver } from './modules/category/category.resolver';
import { FeedTokenResolver } from './modules/feed/feed-token.resolver';
import { ImportResolver } from './modules/import/import.resolver';
import { IssueEditResolver } from './modules/issue/issue-edit.resolver';
import { IssueResolver } from './modules/issue/issue.resolver';
import { LinkEditResolver } from './modules/link/link-edit.resolver';
import { LinkResolver } from './modules/link/link.resolver';
import { LinkStoryResolver } from './modules/link/link-story.resolver';
import { NewsletterEditResolver } from './modules/newsletter/newsletter-edit.resolver';
import { NewsletterResolver } from './modules/newsletter/newsletter.resolver';
import { IssueRelatedResolver, LinkRelatedResolver } from './modules/search/related.resolver';
import { SearchResolver } from './modules/search/search.resolver';
import { SectionEditResolver } from './modules/section/section-edit.resolver';
import { SectionResolver } from './modules/section/section.resolver';
import { PlacementEditResolver } from './modules/sponsor/placement-edit.resolver';
import { SponsorEditResolver } from './modules/sponsor/sponsor-edit.resolver';
import { SponsorPlacementResolver, SponsorResolver } from './modules/sponsor/sponsor.resolver';
import { TagEditResolver } from './modules/tag/tag-edit.resolver';
import { TagResolver } from './modules/tag/tag.resolver';

export const RESOLVERS = [
  ApiKeyResolver,
  AuditResolver,
  CategoryResolver,
  CategoryEditResolver,
  FeedTokenResolver,
  ImportResolver,
  IssueResolver,
  IssueEditResolver,
  IssueRelatedResolver,
  LinkResolver,
  LinkEditResolver,
  LinkStoryResolver,
  LinkRelatedResolver,
  NewsletterResolver,
  NewsletterEditResolver,
  PlacementEditResolver,
  SearchResolver,
  SectionResolver,
  SectionEditResolver,
  SponsorResolver,
  SponsorEditResolver,
  SponsorPlacementResolver,
  TagResolver,
  TagEditResolver,
] as const;

/** Builds the executable schema from the decorated classes, with direct resolvers where type-graphql's wrapping does nothing. */
export async function buildGraphQLSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Date, scalar: DateTimeResolver }],
    // Arguments are validated by class-validator loaded file by file (common/validation.ts), as type-graphql's own check would.
    validateFn: validateArgument,
    authChecker,
  });
  return directResolvers(schema);
}

/** The SDL committed as `schema.graphql`: sorted, so it changes only when the API does. */
export function schemaSdl(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Connection, Page } from '../../common/pagination';
import type { Context } from '../../context';
import { selects } from '../../prefetch/prefetch';
import { readAhead, withReadAhead } from '../../prefetch/relations';
import { Link } from '../link/link.entity';
import { Newsletter } from '../newsletter/newsletter.entity';
import { Section } from '../section/section.entity';
import { SponsorPlacement } from '../sponsor/sponsor-placement.entity';
import { Tag } from '../tag/tag.entity';
import { Issue } from './issue.entity';
import { IssueArgs, IssuesArgs } from './issue.inputs';
import type { RootOf } from '../../common/root';

const IssueConnection = Connection(Issue, 'Issue');

@Resolver(() => Issue)
export class IssueResolver {
  @Query(() => Issue, {
    nullable: true,
    description: 'One published issue of a newsletter, by date; with `preview`, in any status (editors and admins).',
  })
  async issue(@Args() { newsletter, date, preview }: IssueArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Issue | null> {
    const issue = await context.services.issues.findOne(newsletter, date, context.viewer, preview);
    if (issue) await readAhead(info, context, [issue]);
    return issue;
  }

  @Query(() => IssueConnection, {
    description: 'Published issues (other statuses on request, editors and admins), newest first unless `orderBy` says otherwise.',
  })
  async issues(@Args() args: IssuesArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Page<Issue>> {
    return withReadAhead(info, context, await context.services.issues.list(args, context.viewer, { total: selects(info, 'totalCount') }));
  }

  @FieldResolver(() => Newsletter)
  newsletter(@Root() issue: RootOf<Issue>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    return prefetched.or(issue, info, () => loaders.newsletterById.load(issue.newsletterId));
  }

  @FieldResolver(() => [Section])
  sections(@Root() issue: RootOf<Issue>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    return prefetched.or(issue, info, () => loaders.sectionsByIssue.load(issue.id));
  }

  @FieldResolver(() => [SponsorPlacement])
  sponsorPlacements(@Root() issue: RootOf<Issue>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    return prefetched.or(issue, info, () => loaders.placementsByIssue.load(issue.id));
  }

  @FieldResolver(() => [Link], { description: 'Every link of the issue, in reading order.' })
  links(@Root() issue: RootOf<Issue>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    return prefetched.or(issue, info, () => loaders.linksByIssue.load(issue.id));
  }

  @FieldResolver(() => [Tag], { description: 'Tags carried by at least one link of the issue.' })
  tags(@Root() issue: RootOf<Issue>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    return prefetched.or(issue, info, () => loaders.tagsByIssue.load(issue.id));
  }

  @FieldResolver(() => Issue, { nullable: true, description: 'The published issue of the same newsletter just before.' })
  previous(@Root() issue: RootOf<Issue>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    return prefetched.or(issue, info, async () => (await loaders.previousIssue.load(issue.id))[0] ?? null);
  }

  @FieldResolver(() => Issue, { nullable: true, description: 'The published issue of the same newsletter just after.' })
  next(@Root() issue: RootOf<Issue>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    return prefetched.or(issue, info, async () => (await loaders.nextIssue.load(issue.id))[0] ?? null);
  }
}

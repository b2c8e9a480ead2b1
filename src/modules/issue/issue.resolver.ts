import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Connection, Page } from '../../common/pagination';
import type { Context } from '../../context';
import { Link } from '../link/link.entity';
import { Newsletter } from '../newsletter/newsletter.entity';
import { Section } from '../section/section.entity';
import { SponsorPlacement } from '../sponsor/sponsor-placement.entity';
import { Tag } from '../tag/tag.entity';
import { Issue } from './issue.entity';
import { IssueArgs, IssuesArgs } from './issue.inputs';

const IssueConnection = Connection(Issue, 'Issue');

@Resolver(() => Issue)
export class IssueResolver {
  @Query(() => Issue, {
    nullable: true,
    description: 'One published issue of a newsletter, by date; with `preview`, in any status (editors and admins).',
  })
  issue(@Args() { newsletter, date, preview }: IssueArgs, @Ctx() { services, viewer }: Context): Promise<Issue | null> {
    return services.issues.findOne(newsletter, date, viewer, preview);
  }

  @Query(() => IssueConnection, {
    description: 'Published issues (other statuses on request, editors and admins), newest first unless `orderBy` says otherwise.',
  })
  issues(@Args() args: IssuesArgs, @Ctx() { services, viewer }: Context): Promise<Page<Issue>> {
    return services.issues.list(args, viewer);
  }

  @FieldResolver(() => Newsletter)
  newsletter(@Root() issue: Issue, @Ctx() { loaders }: Context) {
    return loaders.newsletterById.load(issue.newsletterId);
  }

  @FieldResolver(() => [Section])
  sections(@Root() issue: Issue, @Ctx() { loaders }: Context) {
    return loaders.sectionsByIssue.load(issue.id);
  }

  @FieldResolver(() => [SponsorPlacement])
  sponsorPlacements(@Root() issue: Issue, @Ctx() { loaders }: Context) {
    return loaders.placementsByIssue.load(issue.id);
  }

  @FieldResolver(() => [Link], { description: 'Every link of the issue, in reading order.' })
  links(@Root() issue: Issue, @Ctx() { loaders }: Context) {
    return loaders.linksByIssue.load(issue.id);
  }

  @FieldResolver(() => [Tag], { description: 'Tags carried by at least one link of the issue.' })
  tags(@Root() issue: Issue, @Ctx() { loaders }: Context) {
    return loaders.tagsByIssue.load(issue.id);
  }

  @FieldResolver(() => Issue, { nullable: true, description: 'The published issue of the same newsletter just before.' })
  async previous(@Root() issue: Issue, @Ctx() { loaders }: Context): Promise<Issue | null> {
    return (await loaders.previousIssue.load(issue.id))[0] ?? null;
  }

  @FieldResolver(() => Issue, { nullable: true, description: 'The published issue of the same newsletter just after.' })
  async next(@Root() issue: Issue, @Ctx() { loaders }: Context): Promise<Issue | null> {
    return (await loaders.nextIssue.load(issue.id))[0] ?? null;
  }
}

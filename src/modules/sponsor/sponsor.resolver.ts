import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Connection, ConnectionArgs, MAX_PAGE_SIZE, Page } from '../../common/pagination';
import { TextFormat } from '../../common/text-format';
import { formatSummary } from '../../content/summary';
import type { Context } from '../../context';
import { Issue } from '../issue/issue.entity';
import { Link } from '../link/link.entity';
import { SponsorPlacement } from './sponsor-placement.entity';
import { Sponsor } from './sponsor.entity';

const SponsorConnection = Connection(Sponsor, 'Sponsor');
const LinkConnection = Connection(Link, 'Link');
const SponsorPlacementConnection = Connection(SponsorPlacement, 'SponsorPlacement');

/** How many items the deprecated plain lists still return: the newest, as one full page. */
export const SPONSOR_LIST_CAP = MAX_PAGE_SIZE;

@Resolver(() => Sponsor)
export class SponsorResolver {
  @Query(() => SponsorConnection, { description: 'Sponsors seen in published issues, by name.' })
  sponsors(@Args() args: ConnectionArgs, @Ctx() { services, viewer }: Context): Promise<Page<Sponsor>> {
    return services.sponsors.list(args, viewer.scope);
  }

  @FieldResolver(() => SponsorPlacementConnection, { description: 'Placements in published issues, newest first.' })
  placementConnection(@Root() sponsor: Sponsor, @Args() args: ConnectionArgs, @Ctx() { loaders }: Context) {
    return loaders.sponsorPlacementPages(args).load(sponsor.id);
  }

  @FieldResolver(() => LinkConnection, { description: 'Sponsored links in published issues, newest first.' })
  linkConnection(@Root() sponsor: Sponsor, @Args() args: ConnectionArgs, @Ctx() { loaders }: Context) {
    return loaders.sponsorLinkPages(args).load(sponsor.id);
  }

  @FieldResolver(() => [SponsorPlacement], {
    description: `The ${SPONSOR_LIST_CAP} newest placements in published issues.`,
    deprecationReason: `Use placementConnection: it pages through all placements; this list stops at the ${SPONSOR_LIST_CAP} newest.`,
  })
  async placements(@Root() sponsor: Sponsor, @Ctx() { loaders }: Context) {
    const page = await loaders.sponsorPlacementPages({ first: SPONSOR_LIST_CAP }).load(sponsor.id);
    return page.edges.map((edge) => edge.node);
  }

  @FieldResolver(() => [Link], {
    description: `The ${SPONSOR_LIST_CAP} newest sponsored links in published issues.`,
    deprecationReason: `Use linkConnection: it pages through all links; this list stops at the ${SPONSOR_LIST_CAP} newest.`,
  })
  async links(@Root() sponsor: Sponsor, @Ctx() { loaders }: Context) {
    const page = await loaders.sponsorLinkPages({ first: SPONSOR_LIST_CAP }).load(sponsor.id);
    return page.edges.map((edge) => edge.node);
  }
}

@Resolver(() => SponsorPlacement)
export class SponsorPlacementResolver {
  @FieldResolver(() => String, {
    description: 'Markdown as printed, with its bullets and links, unless `format` asks for sanitised HTML or plain text.',
  })
  body(@Root() placement: SponsorPlacement, @Arg('format', () => TextFormat, { defaultValue: TextFormat.MARKDOWN }) format: TextFormat): string {
    return formatSummary(placement.body, format);
  }

  @FieldResolver(() => Sponsor)
  sponsor(@Root() placement: SponsorPlacement, @Ctx() { loaders }: Context) {
    return loaders.sponsorById.load(placement.sponsorId);
  }

  @FieldResolver(() => Issue)
  issue(@Root() placement: SponsorPlacement, @Ctx() { loaders }: Context) {
    return loaders.issueById.load(placement.issueId);
  }
}

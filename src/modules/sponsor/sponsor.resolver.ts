import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Connection, ConnectionArgs, Page } from '../../common/pagination';
import type { Context } from '../../context';
import { Issue } from '../issue/issue.entity';
import { Link } from '../link/link.entity';
import { SponsorPlacement } from './sponsor-placement.entity';
import { Sponsor } from './sponsor.entity';

const SponsorConnection = Connection(Sponsor, 'Sponsor');

@Resolver(() => Sponsor)
export class SponsorResolver {
  @Query(() => SponsorConnection, { description: 'Sponsors seen in published issues, by name.' })
  sponsors(@Args() args: ConnectionArgs, @Ctx() { services }: Context): Promise<Page<Sponsor>> {
    return services.sponsors.list(args);
  }

  @FieldResolver(() => [SponsorPlacement], { description: 'Placements in published issues, newest first.' })
  placements(@Root() sponsor: Sponsor, @Ctx() { loaders }: Context) {
    return loaders.placementsBySponsor.load(sponsor.id);
  }

  @FieldResolver(() => [Link], { description: 'Sponsored links in published issues, newest first.' })
  links(@Root() sponsor: Sponsor, @Ctx() { loaders }: Context) {
    return loaders.linksBySponsor.load(sponsor.id);
  }
}

@Resolver(() => SponsorPlacement)
export class SponsorPlacementResolver {
  @FieldResolver(() => Sponsor)
  sponsor(@Root() placement: SponsorPlacement, @Ctx() { loaders }: Context) {
    return loaders.sponsorById.load(placement.sponsorId);
  }

  @FieldResolver(() => Issue)
  issue(@Root() placement: SponsorPlacement, @Ctx() { loaders }: Context) {
    return loaders.issueById.load(placement.issueId);
  }
}

import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/policy';
import type { Context } from '../../context';
import { Role } from '../api-key/role';
import { Sponsor } from './sponsor.entity';
import { CreateSponsorInput, MergeSponsorsInput, UpdateSponsorInput } from './sponsor-edit.inputs';

/** Editors' and admins' writes to sponsors. */
@Resolver(() => Sponsor)
export class SponsorEditResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Sponsor, { description: 'Creates a sponsor (editors and admins).' })
  createSponsor(@Arg('input') input: CreateSponsorInput, @Ctx() { services, viewer }: Context): Promise<Sponsor> {
    return services.sponsorEdits.create(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Sponsor, { description: 'Changes a sponsor\'s name, domain or URL (editors and admins).' })
  updateSponsor(@Arg('input') input: UpdateSponsorInput, @Ctx() { services, viewer }: Context): Promise<Sponsor> {
    return services.sponsorEdits.update(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Sponsor, { description: 'Merges one sponsor into another and returns the one that remains (editors and admins).' })
  mergeSponsors(@Arg('input') input: MergeSponsorsInput, @Ctx() { services, viewer }: Context): Promise<Sponsor> {
    return services.sponsorEdits.merge(input, requireRole(viewer, Role.EDITOR));
  }
}

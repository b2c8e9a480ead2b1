import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/policy';
import type { Context } from '../../context';
import { Role } from '../api-key/role';
import { Issue } from '../issue/issue.entity';
import { Link } from '../link/link.entity';
import { SponsorPlacement } from './sponsor-placement.entity';
import { AddPlacementInput, RemovePlacementInput, SetLinkSponsorInput, UpdatePlacementInput } from './placement-edit.inputs';

/** Editors' and admins' writes to the sponsor credits inside an issue; each takes the issue's expected version. */
@Resolver(() => SponsorPlacement)
export class PlacementEditResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => SponsorPlacement, { description: 'Adds a sponsor placement to an issue (editors and admins).' })
  addPlacement(@Arg('input') input: AddPlacementInput, @Ctx() { services, viewer }: Context): Promise<SponsorPlacement> {
    return services.placementEdits.add(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => SponsorPlacement, { description: 'Changes a placement\'s title, body, URL or sponsor (editors and admins).' })
  updatePlacement(@Arg('input') input: UpdatePlacementInput, @Ctx() { services, viewer }: Context): Promise<SponsorPlacement> {
    return services.placementEdits.update(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Issue, { description: 'Removes a placement and returns its issue; later placements move up (editors and admins).' })
  removePlacement(@Arg('input') input: RemovePlacementInput, @Ctx() { services, viewer }: Context): Promise<Issue> {
    return services.placementEdits.remove(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Link, { description: 'Credits a link to a sponsor and marks it sponsored; null clears both (editors and admins).' })
  setLinkSponsor(@Arg('input') input: SetLinkSponsorInput, @Ctx() { services, viewer }: Context): Promise<Link> {
    return services.placementEdits.setLinkSponsor(input, requireRole(viewer, Role.EDITOR));
  }
}

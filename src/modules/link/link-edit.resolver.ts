import { Arg, Authorized, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { requireRole } from '../../auth/policy';
import type { Context } from '../../context';
import { Role } from '../api-key/role';
import { Section } from '../section/section.entity';
import { TagDecision } from '../tag/tag-decision.type';
import { Link } from './link.entity';
import { AddLinkInput, DeleteLinkInput, MoveLinkInput, SetLinkTagsInput, UpdateLinkInput } from './link-edit.inputs';
import type { RootOf } from '../../common/root';

/** Editors' and admins' writes to links, and the editorial fields of a link. */
@Resolver(() => Link)
export class LinkEditResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Link, { description: 'Adds a link to a section, last unless a position is given (editors and admins).' })
  addLink(@Arg('input') input: AddLinkInput, @Ctx() { services, viewer }: Context): Promise<Link> {
    return services.linkEdits.add(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Link, { description: "Changes a link's URL, title, summary or label; derived fields and tags follow (editors and admins)." })
  updateLink(@Arg('input') input: UpdateLinkInput, @Ctx() { services, viewer }: Context): Promise<Link> {
    return services.linkEdits.update(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Link, { description: 'Moves a link within its section or to another section of its issue (editors and admins).' })
  moveLink(@Arg('input') input: MoveLinkInput, @Ctx() { services, viewer }: Context): Promise<Link> {
    return services.linkEdits.move(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Section, { description: 'Deletes a link; returns its section (editors and admins).' })
  deleteLink(@Arg('input') input: DeleteLinkInput, @Ctx() { services, viewer }: Context): Promise<Section> {
    return services.linkEdits.delete(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Link, { description: "Sets a link's tags to exactly the given ones, as the editor's decision (editors and admins)." })
  setLinkTags(@Arg('input') input: SetLinkTagsInput, @Ctx() { services, viewer }: Context): Promise<Link> {
    return services.linkEdits.setTags(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @FieldResolver(() => [TagDecision], {
    description: 'Tags an editor put on or took off this link, which retag and re-imports keep (editors and admins).',
  })
  tagDecisions(@Root() link: RootOf<Link>, @Ctx() { loaders }: Context) {
    return loaders.tagDecisionsByLink.load(link.id);
  }
}

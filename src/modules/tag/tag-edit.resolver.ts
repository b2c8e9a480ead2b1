import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/policy';
import type { Context } from '../../context';
import { Role } from '../api-key/role';
import { Tag } from './tag.entity';
import { CreateTagInput, MergeTagsInput, UpdateTagInput } from './tag-edit.inputs';

/** Editors' and admins' writes to the tag catalog. */
@Resolver(() => Tag)
export class TagEditResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Tag, { description: 'Creates a tag (editors and admins).' })
  createTag(@Arg('input') input: CreateTagInput, @Ctx() { services, viewer }: Context): Promise<Tag> {
    return services.tagEdits.create(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Tag, { description: 'Renames a tag; its old slug stays as an alias (editors and admins).' })
  updateTag(@Arg('input') input: UpdateTagInput, @Ctx() { services, viewer }: Context): Promise<Tag> {
    return services.tagEdits.update(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Tag, { description: 'Merges one tag into another and returns the one that remains (editors and admins).' })
  mergeTags(@Arg('input') input: MergeTagsInput, @Ctx() { services, viewer }: Context): Promise<Tag> {
    return services.tagEdits.merge(input, requireRole(viewer, Role.EDITOR));
  }
}

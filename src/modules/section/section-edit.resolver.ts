import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/policy';
import type { Context } from '../../context';
import { Role } from '../api-key/role';
import { Issue } from '../issue/issue.entity';
import { Section } from './section.entity';
import { AddSectionInput, DeleteSectionInput, MoveSectionInput, UpdateSectionInput } from './section-edit.inputs';

/** Editors' and admins' writes to the sections of an issue. */
@Resolver(() => Section)
export class SectionEditResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Section, { description: 'Adds a section to an issue, last unless a position is given (editors and admins).' })
  addSection(@Arg('input') input: AddSectionInput, @Ctx() { services, viewer }: Context): Promise<Section> {
    return services.sectionEdits.add(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Section, { description: "Changes a section's title, emoji or category (editors and admins)." })
  updateSection(@Arg('input') input: UpdateSectionInput, @Ctx() { services, viewer }: Context): Promise<Section> {
    return services.sectionEdits.update(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Section, { description: 'Moves a section to another position in its issue (editors and admins).' })
  moveSection(@Arg('input') input: MoveSectionInput, @Ctx() { services, viewer }: Context): Promise<Section> {
    return services.sectionEdits.move(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Issue, { description: 'Deletes a section and its links; returns the issue (editors and admins).' })
  deleteSection(@Arg('input') input: DeleteSectionInput, @Ctx() { services, viewer }: Context): Promise<Issue> {
    return services.sectionEdits.delete(input, requireRole(viewer, Role.EDITOR));
  }
}

import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/policy';
import type { Context } from '../../context';
import { Role } from '../api-key/role';
import { Issue } from './issue.entity';
import { CreateIssueInput, UpdateIssueInput } from './issue-edit.inputs';

/** Editors' and admins' writes to issues. */
@Resolver(() => Issue)
export class IssueEditResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Issue, { description: 'Creates an issue as a DRAFT (editors and admins).' })
  createIssue(@Arg('input') input: CreateIssueInput, @Ctx() { services, viewer }: Context): Promise<Issue> {
    return services.issueEdits.create(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Issue, { description: 'Changes an issue\'s headline, date or newsletter (editors and admins).' })
  updateIssue(@Arg('input') input: UpdateIssueInput, @Ctx() { services, viewer }: Context): Promise<Issue> {
    return services.issueEdits.update(input, requireRole(viewer, Role.EDITOR));
  }
}

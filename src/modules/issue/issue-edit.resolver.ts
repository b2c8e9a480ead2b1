import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { mayDeletePublished, requireRole } from '../../auth/policy';
import type { Context } from '../../context';
import { Role } from '../api-key/role';
import { Issue } from './issue.entity';
import {
  CreateIssueInput,
  DeleteIssueInput,
  DeleteIssuePayload,
  PublishIssueInput,
  ScheduleIssueInput,
  UnpublishIssueInput,
  UpdateIssueInput,
} from './issue-edit.inputs';

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

  @Authorized(Role.EDITOR)
  @Mutation(() => DeleteIssuePayload, {
    description: 'Deletes an issue and everything in it. Editors: drafts and scheduled issues; admins: any issue.',
  })
  deleteIssue(@Arg('input') input: DeleteIssueInput, @Ctx() { services, viewer }: Context): Promise<DeleteIssuePayload> {
    return services.issueEdits.remove(input, requireRole(viewer, Role.EDITOR), mayDeletePublished(viewer));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Issue, { description: 'Publishes a draft or scheduled issue now (editors and admins).' })
  publishIssue(@Arg('input') input: PublishIssueInput, @Ctx() { services, viewer }: Context): Promise<Issue> {
    return services.issueEdits.publish(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Issue, {
    description: 'Schedules a draft, or reschedules a scheduled issue, to go public at `publishAt` (editors and admins).',
  })
  scheduleIssue(@Arg('input') input: ScheduleIssueInput, @Ctx() { services, viewer }: Context): Promise<Issue> {
    return services.issueEdits.schedule(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Issue, { description: 'Takes a published or scheduled issue back to DRAFT (editors and admins).' })
  unpublishIssue(@Arg('input') input: UnpublishIssueInput, @Ctx() { services, viewer }: Context): Promise<Issue> {
    return services.issueEdits.unpublish(input, requireRole(viewer, Role.EDITOR));
  }
}

import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/policy';
import { BadUserInputError } from '../../common/errors';
import type { Context } from '../../context';
import { IssueTooLargeError, NotAnIssueError, UnknownNewsletterError } from '../../import/import.errors';
import { currentRequest } from '../../observability/request-record';
import { Role } from '../api-key/role';
import { ImportIssueInput, ImportIssuePayload, ImportStatus } from './import.types';

@Resolver()
export class ImportResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => ImportIssuePayload, {
    description:
      'Imports one rendered issue (editors and admins). Idempotent. A stored issue keeps its status and schedule, ' +
      'and its links keep the tags editors set or removed; the payload says whether editors\' changes are overwritten.',
  })
  async importIssue(@Arg('input') input: ImportIssueInput, @Ctx() context: Context): Promise<ImportIssuePayload> {
    const actor = requireRole(context.viewer, Role.EDITOR);
    try {
      const outcome = await context.services.importer().import({
        text: input.markdown,
        newsletter: input.newsletter,
        dryRun: input.dryRun,
        actor,
      });
      if (!outcome.dryRun) currentRequest()?.imports.push({ status: outcome.status, links: outcome.links });
      const issue = outcome.dryRun && outcome.status === 'CREATED' ? null : await context.loaders.issueById.load(outcome.issueId);
      return { ...outcome, status: ImportStatus[outcome.status], linkCount: outcome.links, issue };
    } catch (error) {
      if (
        error instanceof NotAnIssueError ||
        error instanceof UnknownNewsletterError ||
        error instanceof IssueTooLargeError
      ) {
        throw new BadUserInputError(error.message, { reason: error.code });
      }
      throw error;
    }
  }
}

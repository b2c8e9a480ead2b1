import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { BadUserInputError, Messages, UnauthenticatedError } from '../../common/errors';
import type { Context } from '../../context';
import { NotAnIssueError, UnknownNewsletterError } from '../../import/import.errors';
import { ImportIssueInput, ImportIssuePayload, ImportStatus } from './import.types';

/** Refuses writes unless the caller presented the configured admin token. */
export function requireAdmin({ viewer }: Context): void {
  if (!viewer.writesEnabled) throw new UnauthenticatedError(Messages.writesDisabled);
  if (!viewer.isAdmin) throw new UnauthenticatedError(Messages.adminRequired);
}

@Resolver()
export class ImportResolver {
  @Mutation(() => ImportIssuePayload, { description: 'Imports one rendered issue (admin only). Idempotent.' })
  async importIssue(@Arg('input') input: ImportIssueInput, @Ctx() context: Context): Promise<ImportIssuePayload> {
    requireAdmin(context);
    try {
      const outcome = await context.services.importer().import({
        text: input.markdown,
        newsletter: input.newsletter,
        dryRun: input.dryRun,
      });
      const issue = outcome.dryRun && outcome.status === 'CREATED' ? null : await context.loaders.issueById.load(outcome.issueId);
      return { ...outcome, status: ImportStatus[outcome.status], linkCount: outcome.links, issue };
    } catch (error) {
      if (error instanceof NotAnIssueError || error instanceof UnknownNewsletterError) {
        throw new BadUserInputError(error.message, { reason: error.code });
      }
      throw error;
    }
  }
}

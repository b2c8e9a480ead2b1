import type { Viewer } from '../../auth/policy';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '../../common/errors';
import { SqlWhere } from '../../common/sql';
import { IssueStatus } from './issue-status';
import type { IssueFilter } from './issue.inputs';

/**
 * The public sees published issues only, and shared rows (newsletters,
 * categories, tags, sponsors) only through them. Every query that reaches
 * content uses this condition on its issue alias; no argument can lift it.
 */
export function isPublished(issueAlias = 'i'): string {
  return `${issueAlias}.status = 'PUBLISHED'`;
}

export function publishedOnly(where: SqlWhere, issueAlias = 'i'): SqlWhere {
  return where.and(isPublished(issueAlias));
}

/**
 * Refuses a read of drafts or scheduled issues unless the viewer may see them
 * (the Viewer's `canSeeDrafts`): UNAUTHENTICATED without a key, FORBIDDEN with
 * a partner key. Asking is refused rather than quietly answered with published
 * issues only, so a caller never mistakes an empty answer for "no drafts".
 */
export function requireDraftAccess(viewer: Viewer, argumentName: string): void {
  if (viewer.canSeeDrafts) return;
  const message = `Drafts and scheduled issues (${argumentName}) are visible to EDITOR and ADMIN keys only.`;
  if (viewer.actor === null) throw new UnauthenticatedError(`${message} Send "Authorization: Bearer <key>".`);
  throw new ForbiddenError(message);
}

/**
 * The status condition on the issue aliased `i` for a read that asked for
 * `statuses` (`argumentName` names the argument in a refusal): published only
 * when it asked for nothing or for PUBLISHED alone, otherwise exactly those
 * statuses, and only for a viewer who may see drafts.
 */
export function whereStatuses(
  where: SqlWhere,
  viewer: Viewer,
  statuses: readonly IssueStatus[] | undefined,
  argumentName: string,
): SqlWhere {
  const wanted = [...new Set(statuses ?? [])];
  if (!wanted.length || (wanted.length === 1 && wanted[0] === IssueStatus.PUBLISHED)) return publishedOnly(where);
  requireDraftAccess(viewer, argumentName);
  return where.and(`i.status = ANY(${where.param(wanted)}::issue_status[])`);
}

/** Every status: what a preview asks for. */
export const ALL_STATUSES: readonly IssueStatus[] = Object.values(IssueStatus);

/** Newsletter and date-range conditions on the issue aliased `i`, shared by issue and link lists. */
export function whereIssueScope(where: SqlWhere, filter: Pick<IssueFilter, 'newsletters' | 'date'> | undefined): void {
  if (filter?.newsletters?.length) {
    where.and(`i.newsletter_id IN (SELECT id FROM newsletter WHERE slug = ANY(${where.param(filter.newsletters)}::text[]))`);
  }
  const from = filter?.date?.from;
  const to = filter?.date?.to;
  if (from && to && from > to) {
    throw new BadUserInputError(`Date range is empty: "from" (${from}) is after "to" (${to}).`, { argumentName: 'date' });
  }
  if (from) where.and(`i.date >= ${where.param(from)}::date`);
  if (to) where.and(`i.date <= ${where.param(to)}::date`);
}

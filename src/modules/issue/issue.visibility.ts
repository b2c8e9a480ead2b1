import { BadUserInputError } from '../../common/errors';
import { SqlWhere } from '../../common/sql';
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

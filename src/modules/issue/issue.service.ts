import type { Viewer } from '../../auth/policy';
import { DateOrder } from '../../common/ordering';
import { decodeCursor, encodeCursor, Page, toPage } from '../../common/pagination';
import { SqlWhere } from '../../common/sql';
import { Keyed } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { inCategories } from '../category/category.filters';
import { ISSUE_TAGS, whereTags } from '../tag/tag.filters';
import { Issue } from './issue.entity';
import { IssueFilter, IssuesArgs } from './issue.inputs';
import { ALL_STATUSES, isPublished, publishedOnly, whereIssueScope, whereStatuses } from './issue.visibility';

/**
 * Reads issues: one by newsletter and date, filtered pages, neighbours.
 * Published only, unless the viewer may see drafts and asked for them.
 */
export class IssueService extends SqlService {
  /** With `preview`, the issue whatever its status (editors and admins only). */
  async findOne(newsletterSlug: string, date: string, viewer: Viewer, preview = false): Promise<Issue | null> {
    const where = whereStatuses(new SqlWhere(), viewer, preview ? ALL_STATUSES : undefined, 'preview');
    where.and(`i.newsletter_id = (SELECT id FROM newsletter WHERE slug = ${where.param(newsletterSlug)})`);
    where.and(`i.date = ${where.param(date)}::date`);
    const [issue] = await this.rows(Issue, `SELECT i.* FROM issue i ${where}`, where.params);
    return issue ?? null;
  }

  async list({ filter, first, after, orderBy }: IssuesArgs, viewer: Viewer): Promise<Page<Issue>> {
    const where = this.filtered(filter, viewer);
    const countSql = `SELECT count(*) AS n FROM issue i ${where}`;
    const countParams = [...where.params];
    const newest = orderBy === DateOrder.NEWEST_FIRST;
    const tag = `issues:${orderBy}`;
    if (after) {
      const [date, id] = decodeCursor(after, tag, ['date', 'int']);
      where.and(`(i.date, i.id) ${newest ? '<' : '>'} (${where.param(date)}::date, ${where.param(id)}::int)`);
    }
    const direction = newest ? 'DESC' : 'ASC';
    const rows = await this.rows(
      Issue,
      `SELECT i.* FROM issue i ${where} ORDER BY i.date ${direction}, i.id ${direction} LIMIT ${first + 1}`,
      where.params,
    );
    const cursorOf = (issue: Issue) => encodeCursor(tag, [issue.date, issue.id]);
    return toPage(rows, first, Boolean(after), cursorOf, () => this.count(countSql, countParams));
  }

  private filtered(filter: IssueFilter | undefined, viewer: Viewer): SqlWhere {
    const where = whereStatuses(new SqlWhere(), viewer, filter?.statuses, 'filter.statuses');
    whereIssueScope(where, filter);
    if (filter?.categories?.length) {
      where.and(`EXISTS (SELECT 1 FROM section s WHERE s.issue_id = i.id AND ${inCategories(where, filter.categories, 's.category_id')})`);
    }
    whereTags(where, filter?.tags, ISSUE_TAGS);
    return where;
  }

  /** Published issues by id (loader batch); with `drafts` (the viewer's `canSeeDrafts`), issues of any status. */
  byIds(ids: readonly number[], drafts = false): Promise<Issue[]> {
    const where = drafts ? new SqlWhere() : publishedOnly(new SqlWhere());
    where.and(`i.id = ANY(${where.param(ids)}::int[])`);
    return this.rows(Issue, `SELECT i.* FROM issue i ${where}`, where.params);
  }

  /**
   * For each issue id (`key`), the nearest published issue of the same newsletter
   * before or after it, whatever the status of the issue itself: a previewed
   * draft shows the neighbours readers will see once it is published.
   */
  neighbours(ids: readonly number[], side: 'previous' | 'next'): Promise<Array<Keyed<Issue>>> {
    const [comparison, direction] = side === 'previous' ? ['<', 'DESC'] : ['>', 'ASC'];
    return this.keyed(
      Issue,
      `SELECT n.*, k.id AS key
         FROM issue k
         CROSS JOIN LATERAL (
           SELECT i.* FROM issue i
            WHERE i.newsletter_id = k.newsletter_id AND ${isPublished()} AND i.date ${comparison} k.date
            ORDER BY i.date ${direction} LIMIT 1) n
        WHERE k.id = ANY($1::int[])`,
      [ids],
    );
  }
}

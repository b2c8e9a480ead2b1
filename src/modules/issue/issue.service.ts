import type { Viewer } from '../../auth/policy';
import { DateOrder } from '../../common/ordering';
import { decodeCursor, encodeCursor, Page, pageLimit, toPage } from '../../common/pagination';
import { SqlWhere } from '../../common/sql';
import { Keyed } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { inCategories } from '../category/category.filters';
import { ISSUE_TAGS, whereTags } from '../tag/tag.filters';
import { Issue } from './issue.entity';
import { IssueFilter, IssuesArgs } from './issue.inputs';
import { ReadScope, ScopeSql } from './issue.scope';
import { ALL_STATUSES, isPublished, publishedOnly, whereIssueScope, whereStatuses } from './issue.visibility';

/** Which neighbour of an issue: the one before it or the one after. */
export type NeighbourSide = 'previous' | 'next';

/**
 * Reads issues: one by newsletter and date, filtered pages, neighbours.
 * Published only, unless the viewer may see drafts and asked for them; for a
 * scoped partner, only issues holding an in-scope link (issue.scope.ts).
 */
export class IssueService extends SqlService {
  /** With `preview`, the issue whatever its status (editors and admins only). */
  async findOne(newsletterSlug: string, date: string, viewer: Viewer, preview = false): Promise<Issue | null> {
    const where = whereStatuses(new SqlWhere(), viewer, preview ? ALL_STATUSES : undefined, 'preview');
    where.and(`i.newsletter_id = (SELECT id FROM newsletter WHERE slug = ${where.param(newsletterSlug)})`);
    where.and(`i.date = ${where.param(date)}::date`);
    where.and(ScopeSql.of(where, viewer.scope).issue());
    const [issue] = await this.read<Issue>(`SELECT ${this.columns(Issue, 'i')} FROM issue i ${where}`, where.params);
    return issue ?? null;
  }

  /** A page of issues; with `total`, the count runs beside the page rather than after it. */
  async list({ filter, first, after, orderBy }: IssuesArgs, viewer: Viewer, { total = false } = {}): Promise<Page<Issue>> {
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
    const totalCount = this.totalOf(countSql, countParams, total);
    const rows = await this.read<Issue>(
      `SELECT ${this.columns(Issue, 'i')} FROM issue i ${where} ORDER BY i.date ${direction}, i.id ${direction} LIMIT ${pageLimit(first)}`,
      where.params,
    );
    const cursorOf = (issue: Issue) => encodeCursor(tag, [issue.date, issue.id]);
    return toPage(rows, first, Boolean(after), cursorOf, totalCount);
  }

  /** Category and tag filters look only at what a scoped partner sees of each issue: its in-scope sections and links. */
  private filtered(filter: IssueFilter | undefined, viewer: Viewer): SqlWhere {
    const where = whereStatuses(new SqlWhere(), viewer, filter?.statuses, 'filter.statuses');
    const scope = ScopeSql.of(where, viewer.scope);
    where.and(scope.issue());
    whereIssueScope(where, filter);
    if (filter?.categories?.length) {
      const category = inCategories(where, filter.categories, 's.category_id');
      where.and(`EXISTS (SELECT 1 FROM section s WHERE s.issue_id = i.id AND ${category} AND ${scope.section()})`);
    }
    whereTags(where, filter?.tags, scope.limited ? `${ISSUE_TAGS} AND ${scope.link('tl')}` : ISSUE_TAGS);
    return where;
  }

  /** Published issues by id (loader batch), within the viewer's scope; with `canSeeDrafts`, issues of any status. */
  byIds(ids: readonly number[], viewer: Pick<Viewer, 'canSeeDrafts' | 'scope'>, fields?: Iterable<string>): Promise<Issue[]> {
    const where = this.visible(viewer);
    where.and(`i.id = ANY(${where.param(ids)}::int[])`);
    where.and(ScopeSql.of(where, viewer.scope).issue());
    return this.read(`SELECT ${this.columns(Issue, 'i', fields)} FROM issue i ${where}`, where.params, Issue);
  }

  /** The issue of each link (`key`), as `byIds` would give it: hidden issues are left out. */
  byLinkIds(linkIds: readonly number[], viewer: Pick<Viewer, 'canSeeDrafts' | 'scope'>, fields?: Iterable<string>): Promise<Array<Keyed<Issue>>> {
    const where = this.visible(viewer);
    where.and(`l.id = ANY(${where.param(linkIds)}::int[])`);
    where.and(ScopeSql.of(where, viewer.scope).issue());
    return this.readKeyed(
      `SELECT ${this.columns(Issue, 'i', fields)}, l.id AS key
         FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id ${where}`,
      where.params,
      Issue,
    );
  }

  private visible(viewer: Pick<Viewer, 'canSeeDrafts'>): SqlWhere {
    return viewer.canSeeDrafts ? new SqlWhere() : publishedOnly(new SqlWhere());
  }

  /**
   * For each issue id (`key`), the nearest published issue of the same newsletter
   * before or after it (for a scoped partner, the nearest holding an in-scope
   * link), whatever the status of the issue itself: a previewed draft shows the
   * neighbours readers will see once it is published. Several sides are read in one
   * statement, each row saying which it is.
   */
  neighbours(
    ids: readonly number[],
    sides: ReadonlyArray<NeighbourSide>,
    scope: ReadScope | null,
    fields?: Iterable<string>,
  ): Promise<Array<Keyed<Issue & { side: NeighbourSide }>>> {
    const where = new SqlWhere();
    const keys = where.param(ids);
    const columns = this.columns(Issue, 'i', fields);
    const selects = sides.map((side) => {
      const [comparison, direction] = side === 'previous' ? ['<', 'DESC'] : ['>', 'ASC'];
      return `SELECT n.*, k.id AS key, '${side}' AS side
         FROM issue k
         CROSS JOIN LATERAL (
           SELECT ${columns} FROM issue i
            WHERE i.newsletter_id = k.newsletter_id AND ${isPublished()} AND i.date ${comparison} k.date
              AND ${ScopeSql.of(where, scope).issue()}
            ORDER BY i.date ${direction} LIMIT 1) n
        WHERE k.id = ANY(${keys}::int[])`;
    });
    return this.readKeyed(selects.join('\n UNION ALL\n'), where.params, Issue);
  }
}

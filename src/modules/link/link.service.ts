import type { Viewer } from '../../auth/policy';
import { DateOrder } from '../../common/ordering';
import { decodeCursor, encodeCursor, Page, pageLimit, toPage } from '../../common/pagination';
import { idsOfSlugs } from '../../common/slug-aliases';
import { SqlWhere } from '../../common/sql';
import { columnNames } from '../../db/columns';
import { Keyed } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { ReadScope, ScopeSql } from '../issue/issue.scope';
import { Link } from './link.entity';
import { LINKS_WITH_ISSUES, whereLinks } from './link.filters';
import { LinkFilter, LinksArgs } from './link.inputs';
import { searchText } from '../search/search.service';
import { matchesCondition, tsquery } from '../search/search.sql';

/** A link of a list page, with the sort key its cursor is made of. */
interface ListedLink extends Link {
  issueDate: string;
  issueId: number;
  sectionPosition: number;
}

/**
 * Rows after the cursor `[date, issueId, sectionPosition, position]` in list order, given
 * the columns holding those parts. Newest first sorts issues descending but positions
 * ascending; negated positions keep one row comparison.
 */
export function afterKey([date, issueId, sectionPosition, position]: string[], newest: boolean, columns: readonly string[]): string {
  const [dateColumn, issueColumn, sectionColumn, positionColumn] = columns;
  return newest
    ? `(${dateColumn}, ${issueColumn}, -${sectionColumn}, -${positionColumn}) < (${date}::date, ${issueId}::int, -${sectionPosition}::int, -${position}::int)`
    : `(${dateColumn}, ${issueColumn}, ${sectionColumn}, ${positionColumn}) > (${date}::date, ${issueId}::int, ${sectionPosition}::int, ${position}::int)`;
}

/** Reads links: filtered pages across the archive, and the links of sections and issues; a scoped partner's within its scope. */
export class LinkService extends SqlService {
  /**
   * Links of published issues; of other statuses when an editor or admin asks
   * (`filter.statuses`). `distinct`: each story once, as its first link in the order.
   * With `total`, the count runs beside the page. With `query`, only links matching
   * it as search matches them (search.sql.ts), still in list order, with no typo
   * correction (a feed of a search).
   */
  async list(
    { filter, first, after, orderBy, distinct }: LinksArgs,
    viewer: Viewer,
    { total = false, query = null }: { total?: boolean; query?: string | null } = {},
  ): Promise<Page<Link>> {
    const where = whereLinks(new SqlWhere(), filter, viewer);
    if (query !== null) where.and(matchesCondition(tsquery(where.param(searchText(query, 'q')))));
    const matching = `${LINKS_WITH_ISSUES} ${where}`;
    const [countSql, countParams] = (distinct || query !== null ? null : this.topicCount(filter, viewer)) ?? [
      distinct ? `SELECT count(*)::int AS n FROM (SELECT DISTINCT l.canonical_url ${matching}) stories` : `SELECT count(*) AS n ${matching}`,
      [...where.params],
    ];
    const newest = orderBy === DateOrder.NEWEST_FIRST;
    const tag = `links:${orderBy}${distinct ? ':distinct' : ''}`;
    const direction = newest ? 'DESC' : 'ASC';
    const key = after ? decodeCursor(after, tag, ['date', 'int', 'int', 'int']).map((part) => where.param(part)) : null;
    let sql: string;
    if (distinct) {
      // A link stands for its story when no matching link of the story comes before it: a story never returns on a later page.
      const page = ['m.issue_date', 'm.issue_key', 'm.section_position', 'm.position'];
      const earlier = newest
        ? `(i.date, i.id, -s.position, -l.position) > (m.issue_date, m.issue_key, -m.section_position, -m.position)`
        : `(i.date, i.id, s.position, l.position) < (m.issue_date, m.issue_key, m.section_position, m.position)`;
      sql = `SELECT ${this.columns(Link, 'm')}, m.issue_date AS "issueDate", m.issue_key AS "issueId", m.section_position AS "sectionPosition"
          FROM (SELECT ${columnNames(this.dataSource, Link, 'l')}, i.date AS issue_date, i.id AS issue_key, s.position AS section_position ${matching}) m
          WHERE ${key ? afterKey(key, newest, page) : 'TRUE'}
            AND NOT EXISTS (SELECT 1 ${matching} AND l.canonical_url = m.canonical_url AND ${earlier})
          ORDER BY m.issue_date ${direction}, m.issue_key ${direction}, m.section_position, m.position LIMIT ${pageLimit(first)}`;
    } else {
      if (key) where.and(afterKey(key, newest, ['i.date', 'i.id', 's.position', 'l.position']));
      sql = `SELECT ${this.columns(Link, 'l')}, i.date AS "issueDate", i.id AS "issueId", s.position AS "sectionPosition"
         ${LINKS_WITH_ISSUES} ${where}
        ORDER BY i.date ${direction}, i.id ${direction}, s.position, l.position LIMIT ${pageLimit(first)}`;
    }
    const totalCount = this.totalOf(countSql, countParams, total);
    const rows = await this.read<ListedLink>(sql, where.params);
    const cursorOf = (link: ListedLink) => encodeCursor(tag, [link.issueDate, link.issueId, link.sectionPosition, link.position]);
    return toPage<Link>(rows, first, Boolean(after), (link) => cursorOf(link as ListedLink), totalCount);
  }

  /**
   * The count of a topic page (a filter on `tags.any` alone, for a caller without
   * a scope): published links carrying one of the tags, read from link_tag's
   * partial index of published rows alone. Null for every other list.
   */
  private topicCount(filter: LinkFilter | undefined, viewer: Viewer): [string, unknown[]] | null {
    const any = filter?.tags?.any;
    if (!any?.length || ScopeSql.of(new SqlWhere(), viewer.scope).limited) return null;
    const empty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.length === 0);
    const others = Object.entries(filter ?? {}).filter(([name]) => name !== 'tags');
    if (!others.every(([, value]) => empty(value)) || !empty(filter?.tags?.all) || !empty(filter?.tags?.none)) return null;
    return [`SELECT count(DISTINCT lt.link_id) AS n FROM link_tag lt WHERE lt.published AND lt.tag_id = ANY(${idsOfSlugs('tag', '$1')})`, [any]];
  }

  /** Links of each section (the columns of `fields`, or all), in order; a scoped partner's in-scope links only. */
  bySectionIds(sectionIds: readonly number[], scope: ReadScope | null, fields?: Iterable<string>): Promise<Array<Keyed<Link>>> {
    const where = new SqlWhere();
    where.and(`l.section_id = ANY(${where.param(sectionIds)}::int[])`);
    const scoped = ScopeSql.of(where, scope);
    const from = scoped.limited ? LINKS_WITH_ISSUES : 'FROM link l';
    return this.readKeyed(
      `SELECT ${this.columns(Link, 'l', fields)}, l.section_id AS key ${from} ${where.and(scoped.link())} ORDER BY l.section_id, l.position`,
      where.params,
      Link,
    );
  }

  /** Links of each issue in reading order; a scoped partner's in-scope links only. */
  byIssueIds(issueIds: readonly number[], scope: ReadScope | null, fields?: Iterable<string>): Promise<Array<Keyed<Link>>> {
    const where = new SqlWhere();
    where.and(`s.issue_id = ANY(${where.param(issueIds)}::int[])`);
    const scoped = ScopeSql.of(where, scope);
    const from = scoped.limited ? LINKS_WITH_ISSUES : 'FROM link l JOIN section s ON s.id = l.section_id';
    return this.readKeyed(
      `SELECT ${this.columns(Link, 'l', fields)}, s.issue_id AS key ${from} ${where.and(scoped.link())}
        ORDER BY s.issue_id, s.position, l.position`,
      where.params,
      Link,
    );
  }
}

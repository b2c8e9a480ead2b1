import type { Viewer } from '../../auth/policy';
import { DateOrder } from '../../common/ordering';
import { decodeCursor, encodeCursor, Page, toPage } from '../../common/pagination';
import { SqlWhere } from '../../common/sql';
import { hydrate, Keyed, Row } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { ReadScope, ScopeSql } from '../issue/issue.scope';
import { Link } from './link.entity';
import { LINKS_WITH_ISSUES, whereLinks } from './link.filters';
import { LinksArgs } from './link.inputs';

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
   */
  async list({ filter, first, after, orderBy, distinct }: LinksArgs, viewer: Viewer): Promise<Page<Link>> {
    const where = whereLinks(new SqlWhere(), filter, viewer);
    const matching = `${LINKS_WITH_ISSUES} ${where}`;
    const countSql = distinct ? `SELECT count(*)::int AS n FROM (SELECT DISTINCT l.canonical_url ${matching}) stories` : `SELECT count(*) AS n ${matching}`;
    const countParams = [...where.params];
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
      sql = `SELECT m.* FROM (SELECT l.*, i.date AS issue_date, i.id AS issue_key, s.position AS section_position ${matching}) m
          WHERE ${key ? afterKey(key, newest, page) : 'TRUE'}
            AND NOT EXISTS (SELECT 1 ${matching} AND l.canonical_url = m.canonical_url AND ${earlier})
          ORDER BY m.issue_date ${direction}, m.issue_key ${direction}, m.section_position, m.position LIMIT ${first + 1}`;
    } else {
      if (key) where.and(afterKey(key, newest, ['i.date', 'i.id', 's.position', 'l.position']));
      sql = `SELECT l.*, i.date AS issue_date, i.id AS issue_key, s.position AS section_position
         ${LINKS_WITH_ISSUES} ${where}
        ORDER BY i.date ${direction}, i.id ${direction}, s.position, l.position LIMIT ${first + 1}`;
    }
    const rows = await this.dataSource.query<Row[]>(sql, where.params);
    const links = hydrate(this.dataSource, Link, rows);
    const cursors = new Map(
      links.map((link, index) => {
        const row = rows[index];
        return [link, encodeCursor(tag, [row.issue_date as string, Number(row.issue_key), Number(row.section_position), link.position])];
      }),
    );
    return toPage(links, first, Boolean(after), (link) => cursors.get(link) ?? '', () => this.count(countSql, countParams));
  }

  bySectionIds(sectionIds: readonly number[], scope: ReadScope | null): Promise<Array<Keyed<Link>>> {
    const where = new SqlWhere();
    where.and(`l.section_id = ANY(${where.param(sectionIds)}::int[])`);
    const scoped = ScopeSql.of(where, scope);
    const from = scoped.limited ? LINKS_WITH_ISSUES : 'FROM link l';
    return this.keyed(Link, `SELECT l.*, l.section_id AS key ${from} ${where.and(scoped.link())} ORDER BY l.section_id, l.position`, where.params);
  }

  byIssueIds(issueIds: readonly number[], scope: ReadScope | null): Promise<Array<Keyed<Link>>> {
    const where = new SqlWhere();
    where.and(`s.issue_id = ANY(${where.param(issueIds)}::int[])`);
    const scoped = ScopeSql.of(where, scope);
    const from = scoped.limited ? LINKS_WITH_ISSUES : 'FROM link l JOIN section s ON s.id = l.section_id';
    return this.keyed(
      Link,
      `SELECT l.*, s.issue_id AS key ${from} ${where.and(scoped.link())} ORDER BY s.issue_id, s.position, l.position`,
      where.params,
    );
  }
}

import type { Viewer } from '../../auth/policy';
import { DateOrder } from '../../common/ordering';
import { decodeCursor, encodeCursor, Page, toPage } from '../../common/pagination';
import { idsOfSlugs } from '../../common/slug-aliases';
import { SqlWhere } from '../../common/sql';
import { Keyed } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { inCategories } from '../category/category.filters';
import { ReadScope, ScopeSql } from '../issue/issue.scope';
import { whereIssueScope, whereStatuses } from '../issue/issue.visibility';
import { LINK_TAGS, whereTags } from '../tag/tag.filters';
import { Link } from './link.entity';
import { LinkFilter, LinksArgs } from './link.inputs';

/** A link of a list page, with the sort key its cursor is made of. */
interface ListedLink extends Link {
  issueDate: string;
  issueId: number;
  sectionPosition: number;
}

const LINKS_WITH_ISSUES = 'FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id';

/** Reads links: filtered pages across the archive, and the links of sections and issues; a scoped partner's within its scope. */
export class LinkService extends SqlService {
  /** Links of published issues; of other statuses when an editor or admin asks (`filter.statuses`). With `total`, the count runs beside the page. */
  async list({ filter, first, after, orderBy }: LinksArgs, viewer: Viewer, { total = false } = {}): Promise<Page<Link>> {
    const where = this.filtered(filter, viewer);
    const [countSql, countParams] = this.topicCount(filter, viewer) ?? [`SELECT count(*) AS n ${LINKS_WITH_ISSUES} ${where}`, [...where.params]];
    const newest = orderBy === DateOrder.NEWEST_FIRST;
    const tag = `links:${orderBy}`;
    if (after) {
      const key = decodeCursor(after, tag, ['date', 'int', 'int', 'int']);
      const [date, issueId, sectionPosition, position] = key.map((part) => where.param(part));
      // Newest first sorts issues descending but positions ascending; negated positions keep one row comparison.
      where.and(
        newest
          ? `(i.date, i.id, -s.position, -l.position) < (${date}::date, ${issueId}::int, -${sectionPosition}::int, -${position}::int)`
          : `(i.date, i.id, s.position, l.position) > (${date}::date, ${issueId}::int, ${sectionPosition}::int, ${position}::int)`,
      );
    }
    const direction = newest ? 'DESC' : 'ASC';
    const totalCount = this.totalOf(countSql, countParams, total);
    const rows = await this.read<ListedLink>(
      `SELECT ${this.columns(Link, 'l')}, i.date AS "issueDate", i.id AS "issueId", s.position AS "sectionPosition"
         ${LINKS_WITH_ISSUES} ${where}
        ORDER BY i.date ${direction}, i.id ${direction}, s.position, l.position LIMIT ${first + 1}`,
      where.params,
    );
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

  private filtered(filter: LinkFilter | undefined, viewer: Viewer): SqlWhere {
    const where = whereStatuses(new SqlWhere(), viewer, filter?.statuses, 'filter.statuses');
    where.and(ScopeSql.of(where, viewer.scope).link());
    whereIssueScope(where, filter);
    if (filter?.categories?.length) {
      where.and(inCategories(where, filter.categories, 's.category_id'));
    }
    whereTags(where, filter?.tags, LINK_TAGS);
    if (filter?.kinds?.length) where.and(`l.kind::text = ANY(${where.param(filter.kinds)}::text[])`);
    if (filter?.sponsored !== undefined && filter.sponsored !== null) {
      where.and(`l.sponsored = ${where.param(filter.sponsored)}`);
    }
    if (filter?.domains?.length) {
      const domains = filter.domains.map((domain) => domain.trim().toLowerCase().replace(/^www\./, ''));
      where.and(`l.domain = ANY(${where.param(domains)}::text[])`);
    }
    return where;
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
    );
  }
}

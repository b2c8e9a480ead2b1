import type { PageArgs } from '../../common/loaders';
import { decodeCursor, encodeCursor, Page, toPage } from '../../common/pagination';
import { SqlWhere } from '../../common/sql';
import { columnNames } from '../../db/columns';
import { hydrate, Row } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { ReadScope, ScopeSql } from '../issue/issue.scope';
import { isPublished } from '../issue/issue.visibility';
import { Link } from './link.entity';
import { afterKey } from './link.service';

const CURSOR = 'link-appearances';

/**
 * Links of the story of `me.id` other than itself: the same canonical URL, in
 * published issues, within the viewer's scope (`scope` is ScopeSql's condition).
 */
const OTHER_APPEARANCES = (scope: string) => `FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
  WHERE l.canonical_url = me.canonical_url AND l.id <> me.id AND ${isPublished()} AND ${scope}`;

/**
 * Reads stories: the links sharing a canonical URL. A link's other appearances
 * are those of published issues, and for a scoped partner those in its scope,
 * whatever the status of the link asked about (an editor's draft sees where its story already ran).
 */
export class StoryService extends SqlService {
  /** A page of each link's other appearances, newest first: one statement for all links. */
  async appearancePages(
    linkIds: readonly number[],
    { first, after }: PageArgs,
    scope: ReadScope | null,
    total: (id: number) => Promise<number>,
  ): Promise<Array<Page<Link>>> {
    const sql = new SqlWhere();
    const ids = sql.param(linkIds);
    const scoped = ScopeSql.of(sql, scope).link();
    const key = after ? decodeCursor(after, CURSOR, ['date', 'int', 'int', 'int']).map((part) => sql.param(part)) : null;
    const cursor = key ? `AND ${afterKey(key, true, ['i.date', 'i.id', 's.position', 'l.position'])}` : '';
    const rows = await this.dataSource.query<Row[]>(
      `SELECT r.*, k.id AS key FROM unnest(${ids}::int[]) AS k(id) JOIN link me ON me.id = k.id
       CROSS JOIN LATERAL (
         SELECT ${columnNames(this.dataSource, Link, 'l')}, i.date AS issue_date, i.id AS issue_key, s.position AS section_position
           ${OTHER_APPEARANCES(scoped)} ${cursor}
          ORDER BY i.date DESC, i.id DESC, s.position, l.position LIMIT ${first + 1}) r`,
      sql.params,
    );
    const links = hydrate(this.dataSource, Link, rows);
    const byLink = new Map<number, Array<{ link: Link; cursor: string }>>(linkIds.map((id) => [id, []]));
    rows.forEach((row, index) => {
      const cursor = encodeCursor(CURSOR, [row.issue_date as string, Number(row.issue_key), Number(row.section_position), Number(row.position)]);
      byLink.get(Number(row.key))?.push({ link: links[index], cursor });
    });
    return linkIds.map((id) => {
      const items = byLink.get(id) ?? [];
      const cursors = new Map(items.map(({ link, cursor }) => [link, cursor]));
      return toPage(
        items.map(({ link }) => link),
        first,
        Boolean(after),
        (link) => cursors.get(link) ?? '',
        () => total(id),
      );
    });
  }

  /** How many other appearances each link's story has, as `appearancePages` counts them. */
  appearanceCounts(linkIds: readonly number[], scope: ReadScope | null) {
    const sql = new SqlWhere();
    const ids = sql.param(linkIds);
    const scoped = ScopeSql.of(sql, scope).link();
    return this.counts(
      `SELECT me.id, (SELECT count(*)::int ${OTHER_APPEARANCES(scoped)}) AS n FROM link me WHERE me.id = ANY(${ids}::int[])`,
      sql.params,
    );
  }
}

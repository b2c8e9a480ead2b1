import type { PageArgs } from '../../common/loaders';
import { ConnectionArgs, CursorKey, CursorPart, decodeCursor, encodeCursor, Page, pageLimit, toPage } from '../../common/pagination';
import { SqlWhere } from '../../common/sql';
import { columnNames } from '../../db/columns';
import { hydrate, Keyed, Row } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { ReadScope, ScopeSql } from '../issue/issue.scope';
import { isPublished } from '../issue/issue.visibility';
import { Link } from '../link/link.entity';
import { SponsorPlacement } from './sponsor-placement.entity';
import { Sponsor } from './sponsor.entity';

/**
 * A sponsor is public once it appears in a published issue, as a placement or
 * a sponsored link; for a scoped partner, as an in-scope placement or link.
 */
function visibleSponsor(scope: ScopeSql): string {
  return `(
  EXISTS (SELECT 1 FROM sponsor_placement p JOIN issue i ON i.id = p.issue_id
           WHERE p.sponsor_id = sp.id AND ${isPublished()} AND ${scope.placement()})
  OR EXISTS (SELECT 1 FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
              WHERE l.sponsor_id = sp.id AND ${isPublished()} AND ${scope.link()}))`;
}

/** One nested list of sponsors, newest issue first: its cursor, its rows and where a row sits in the order. */
interface SponsorList {
  tag: string;
  shape: CursorPart[];
  /** SQL comparing the row's sort key with the cursor's parts ($2, $3, ...): true for rows after the cursor. */
  after: (parts: string[]) => string;
  /** The scope's condition on a row (issue.scope.ts). */
  inScope: (scope: ScopeSql) => string;
  /** The rows (`columns` of them) of the sponsor `k.id`, sorted, with the columns `cursorOf` reads. */
  rows: (columns: string, where: string, limit: number) => string;
  /** The alias of the rows' table in `rows`. */
  alias: string;
  cursorOf: (row: Row) => CursorKey;
}

const LINKS: SponsorList = {
  tag: 'sponsor-links',
  shape: ['date', 'int', 'int', 'int'],
  after: ([date, issueId, sectionPosition, position]) =>
    `(i.date, i.id, -s.position, -l.position) < (${date}::date, ${issueId}::int, -${sectionPosition}::int, -${position}::int)`,
  inScope: (scope) => scope.link(),
  alias: 'l',
  rows: (columns, where, limit) =>
    `SELECT ${columns}, i.date AS issue_date, i.id AS issue_key, s.position AS section_position
       FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
      WHERE l.sponsor_id = k.id AND ${isPublished()} ${where}
      ORDER BY i.date DESC, i.id DESC, s.position, l.position LIMIT ${limit}`,
  cursorOf: (row) => [row.issue_date as string, Number(row.issue_key), Number(row.section_position), Number(row.position)],
};

const PLACEMENTS: SponsorList = {
  tag: 'sponsor-placements',
  shape: ['date', 'int', 'int'],
  after: ([date, issueId, position]) => `(i.date, i.id, -p.position) < (${date}::date, ${issueId}::int, -${position}::int)`,
  inScope: (scope) => scope.placement(),
  alias: 'p',
  rows: (columns, where, limit) =>
    `SELECT ${columns}, i.date AS issue_date FROM sponsor_placement p JOIN issue i ON i.id = p.issue_id
      WHERE p.sponsor_id = k.id AND ${isPublished()} ${where}
      ORDER BY i.date DESC, i.id DESC, p.position LIMIT ${limit}`,
  cursorOf: (row) => [row.issue_date as string, Number(row.issue_id), Number(row.position)],
};

/** Reads sponsors, their placements and their sponsored links, within the viewer's scope. */
export class SponsorService extends SqlService {
  async list({ first, after }: ConnectionArgs, scope: ReadScope | null): Promise<Page<Sponsor>> {
    const where = new SqlWhere();
    where.and(visibleSponsor(ScopeSql.of(where, scope)));
    const countSql = `SELECT count(*) AS n FROM sponsor sp ${where}`;
    const countParams = [...where.params];
    const tag = 'sponsors';
    if (after) {
      const [name, id] = decodeCursor(after, tag, ['text', 'int']);
      where.and(`(sp.name, sp.id) > (${where.param(name)}::text, ${where.param(id)}::int)`);
    }
    const rows = await this.read<Sponsor>(
      `SELECT ${this.columns(Sponsor, 'sp')} FROM sponsor sp ${where} ORDER BY sp.name, sp.id LIMIT ${pageLimit(first)}`,
      where.params,
    );
    return toPage(rows, first, Boolean(after), (sponsor) => encodeCursor(tag, [sponsor.name, sponsor.id]), () =>
      this.count(countSql, countParams),
    );
  }

  byIds(ids: readonly number[], fields?: Iterable<string>): Promise<Sponsor[]> {
    return this.read(`SELECT ${this.columns(Sponsor, 'sp', fields)} FROM sponsor sp WHERE sp.id = ANY($1::int[])`, [ids], Sponsor);
  }

  /** Placements of each issue; a scoped partner's only when its scope allows placements (ScopeSql.placement). */
  placementsByIssueIds(
    issueIds: readonly number[],
    scope: ReadScope | null,
    fields?: Iterable<string>,
  ): Promise<Array<Keyed<SponsorPlacement>>> {
    const where = new SqlWhere();
    where.and(`p.issue_id = ANY(${where.param(issueIds)}::int[])`);
    const scoped = ScopeSql.of(where, scope);
    const from = scoped.limited ? 'FROM sponsor_placement p JOIN issue i ON i.id = p.issue_id' : 'FROM sponsor_placement p';
    return this.readKeyed(
      `SELECT ${this.columns(SponsorPlacement, 'p', fields)}, p.issue_id AS key ${from} ${where.and(scoped.placement())} ORDER BY p.issue_id, p.position`,
      where.params,
      SponsorPlacement,
    );
  }

  /** A page of each sponsor's sponsored links in published issues (within the scope), newest first: one statement for all sponsors. */
  linkPages(
    sponsorIds: readonly number[],
    args: PageArgs,
    scope: ReadScope | null,
    total: (id: number) => Promise<number>,
  ): Promise<Array<Page<Link>>> {
    return this.pages(Link, LINKS, sponsorIds, args, scope, total);
  }

  /** A page of each sponsor's placements in published issues (within the scope), newest first: one statement for all sponsors. */
  placementPages(
    sponsorIds: readonly number[],
    args: PageArgs,
    scope: ReadScope | null,
    total: (id: number) => Promise<number>,
  ): Promise<Array<Page<SponsorPlacement>>> {
    return this.pages(SponsorPlacement, PLACEMENTS, sponsorIds, args, scope, total);
  }

  linkCounts(sponsorIds: readonly number[], scope: ReadScope | null) {
    const where = new SqlWhere();
    where.and(`l.sponsor_id = ANY(${where.param(sponsorIds)}::int[])`).and(isPublished());
    where.and(ScopeSql.of(where, scope).link());
    return this.counts(
      `SELECT l.sponsor_id AS id, count(*)::int AS n
         FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
        ${where} GROUP BY l.sponsor_id`,
      where.params,
    );
  }

  placementCounts(sponsorIds: readonly number[], scope: ReadScope | null) {
    const where = new SqlWhere();
    where.and(`p.sponsor_id = ANY(${where.param(sponsorIds)}::int[])`).and(isPublished());
    where.and(ScopeSql.of(where, scope).placement());
    return this.counts(
      `SELECT p.sponsor_id AS id, count(*)::int AS n FROM sponsor_placement p JOIN issue i ON i.id = p.issue_id
        ${where} GROUP BY p.sponsor_id`,
      where.params,
    );
  }

  /** Up to `first` rows per sponsor (one more, to see whether a next page exists), each sponsor's in order. */
  private async pages<T extends object>(
    target: new () => T,
    list: SponsorList,
    sponsorIds: readonly number[],
    { first, after }: PageArgs,
    scope: ReadScope | null,
    total: (id: number) => Promise<number>,
  ): Promise<Array<Page<T>>> {
    const sql = new SqlWhere();
    const ids = sql.param(sponsorIds);
    const conditions = [list.inScope(ScopeSql.of(sql, scope))];
    if (after) conditions.push(list.after(decodeCursor(after, list.tag, list.shape).map((part) => sql.param(part))));
    const where = conditions.map((condition) => `AND ${condition}`).join(' ');
    const columns = columnNames(this.dataSource, target, list.alias);
    const rows = await this.dataSource.query<Row[]>(
      `SELECT r.*, k.id AS key FROM unnest(${ids}::int[]) AS k(id) CROSS JOIN LATERAL (${list.rows(columns, where, first + 1)}) r`,
      sql.params,
    );
    const entities = hydrate(this.dataSource, target, rows);
    const bySponsor = new Map<number, Array<{ entity: T; cursor: string }>>(sponsorIds.map((id) => [id, []]));
    rows.forEach((row, index) => {
      bySponsor.get(Number(row.key))?.push({ entity: entities[index], cursor: encodeCursor(list.tag, list.cursorOf(row)) });
    });
    return sponsorIds.map((id) => {
      const items = bySponsor.get(id) ?? [];
      const cursors = new Map(items.map(({ entity, cursor }) => [entity, cursor]));
      const nodes = items.map(({ entity }) => entity);
      return toPage(nodes, first, Boolean(after), (node) => cursors.get(node) ?? '', () => total(id));
    });
  }
}

import type { PageArgs } from '../../common/loaders';
import { ConnectionArgs, CursorKey, CursorPart, decodeCursor, encodeCursor, Page, toPage } from '../../common/pagination';
import { SqlWhere } from '../../common/sql';
import { hydrate, Keyed, Row } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { isPublished } from '../issue/issue.visibility';
import { Link } from '../link/link.entity';
import { SponsorPlacement } from './sponsor-placement.entity';
import { Sponsor } from './sponsor.entity';

/** A sponsor is public once it appears in a published issue, as a placement or a sponsored link. */
const VISIBLE_SPONSOR = `(
  EXISTS (SELECT 1 FROM sponsor_placement p JOIN issue i ON i.id = p.issue_id
           WHERE p.sponsor_id = sp.id AND ${isPublished()})
  OR EXISTS (SELECT 1 FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
              WHERE l.sponsor_id = sp.id AND ${isPublished()}))`;

/** One nested list of sponsors, newest issue first: its cursor, its rows and where a row sits in the order. */
interface SponsorList {
  tag: string;
  shape: CursorPart[];
  /** SQL comparing the row's sort key with the cursor's parts ($2, $3, ...): true for rows after the cursor. */
  after: (parts: string[]) => string;
  /** The rows of the sponsor `k.id`, sorted, with the columns `cursorOf` reads. */
  rows: (where: string, limit: number) => string;
  cursorOf: (row: Row) => CursorKey;
}

const LINKS: SponsorList = {
  tag: 'sponsor-links',
  shape: ['date', 'int', 'int', 'int'],
  after: ([date, issueId, sectionPosition, position]) =>
    `(i.date, i.id, -s.position, -l.position) < (${date}::date, ${issueId}::int, -${sectionPosition}::int, -${position}::int)`,
  rows: (where, limit) =>
    `SELECT l.*, i.date AS issue_date, i.id AS issue_key, s.position AS section_position
       FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
      WHERE l.sponsor_id = k.id AND ${isPublished()} ${where}
      ORDER BY i.date DESC, i.id DESC, s.position, l.position LIMIT ${limit}`,
  cursorOf: (row) => [row.issue_date as string, Number(row.issue_key), Number(row.section_position), Number(row.position)],
};

const PLACEMENTS: SponsorList = {
  tag: 'sponsor-placements',
  shape: ['date', 'int', 'int'],
  after: ([date, issueId, position]) => `(i.date, i.id, -p.position) < (${date}::date, ${issueId}::int, -${position}::int)`,
  rows: (where, limit) =>
    `SELECT p.*, i.date AS issue_date FROM sponsor_placement p JOIN issue i ON i.id = p.issue_id
      WHERE p.sponsor_id = k.id AND ${isPublished()} ${where}
      ORDER BY i.date DESC, i.id DESC, p.position LIMIT ${limit}`,
  cursorOf: (row) => [row.issue_date as string, Number(row.issue_id), Number(row.position)],
};

/** Reads sponsors, their placements and their sponsored links. */
export class SponsorService extends SqlService {
  async list({ first, after }: ConnectionArgs): Promise<Page<Sponsor>> {
    const where = new SqlWhere().and(VISIBLE_SPONSOR);
    const countSql = `SELECT count(*) AS n FROM sponsor sp ${where}`;
    const countParams = [...where.params];
    const tag = 'sponsors';
    if (after) {
      const [name, id] = decodeCursor(after, tag, ['text', 'int']);
      where.and(`(sp.name, sp.id) > (${where.param(name)}::text, ${where.param(id)}::int)`);
    }
    const rows = await this.rows(
      Sponsor,
      `SELECT sp.* FROM sponsor sp ${where} ORDER BY sp.name, sp.id LIMIT ${first + 1}`,
      where.params,
    );
    return toPage(rows, first, Boolean(after), (sponsor) => encodeCursor(tag, [sponsor.name, sponsor.id]), () =>
      this.count(countSql, countParams),
    );
  }

  byIds(ids: readonly number[]): Promise<Sponsor[]> {
    return this.rows(Sponsor, 'SELECT * FROM sponsor WHERE id = ANY($1::int[])', [ids]);
  }

  placementsByIssueIds(issueIds: readonly number[]): Promise<Array<Keyed<SponsorPlacement>>> {
    return this.keyed(
      SponsorPlacement,
      `SELECT p.*, p.issue_id AS key FROM sponsor_placement p
        WHERE p.issue_id = ANY($1::int[]) ORDER BY p.issue_id, p.position`,
      [issueIds],
    );
  }

  /** A page of each sponsor's sponsored links in published issues, newest first: one statement for all sponsors. */
  linkPages(sponsorIds: readonly number[], args: PageArgs, total: (id: number) => Promise<number>): Promise<Array<Page<Link>>> {
    return this.pages(Link, LINKS, sponsorIds, args, total);
  }

  /** A page of each sponsor's placements in published issues, newest first: one statement for all sponsors. */
  placementPages(
    sponsorIds: readonly number[],
    args: PageArgs,
    total: (id: number) => Promise<number>,
  ): Promise<Array<Page<SponsorPlacement>>> {
    return this.pages(SponsorPlacement, PLACEMENTS, sponsorIds, args, total);
  }

  linkCounts(sponsorIds: readonly number[]) {
    return this.counts(
      `SELECT l.sponsor_id AS id, count(*)::int AS n
         FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
        WHERE l.sponsor_id = ANY($1::int[]) AND ${isPublished()} GROUP BY l.sponsor_id`,
      [sponsorIds],
    );
  }

  placementCounts(sponsorIds: readonly number[]) {
    return this.counts(
      `SELECT p.sponsor_id AS id, count(*)::int AS n FROM sponsor_placement p JOIN issue i ON i.id = p.issue_id
        WHERE p.sponsor_id = ANY($1::int[]) AND ${isPublished()} GROUP BY p.sponsor_id`,
      [sponsorIds],
    );
  }

  /** Up to `first` rows per sponsor (one more, to see whether a next page exists), each sponsor's in order. */
  private async pages<T extends object>(
    target: new () => T,
    list: SponsorList,
    sponsorIds: readonly number[],
    { first, after }: PageArgs,
    total: (id: number) => Promise<number>,
  ): Promise<Array<Page<T>>> {
    const params: unknown[] = [sponsorIds];
    let where = '';
    if (after) {
      const parts = decodeCursor(after, list.tag, list.shape).map((part) => {
        params.push(part);
        return `$${params.length}`;
      });
      where = `AND ${list.after(parts)}`;
    }
    const rows = await this.dataSource.query<Row[]>(
      `SELECT r.*, k.id AS key FROM unnest($1::int[]) AS k(id) CROSS JOIN LATERAL (${list.rows(where, first + 1)}) r`,
      params,
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

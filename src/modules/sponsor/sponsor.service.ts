import { ConnectionArgs, decodeCursor, encodeCursor, Page, toPage } from '../../common/pagination';
import { SqlWhere } from '../../common/sql';
import { Keyed } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { isPublished } from '../issue/issue.visibility';
import { SponsorPlacement } from './sponsor-placement.entity';
import { Sponsor } from './sponsor.entity';

/** A sponsor is public once it appears in a published issue, as a placement or a sponsored link. */
const VISIBLE_SPONSOR = `(
  EXISTS (SELECT 1 FROM sponsor_placement p JOIN issue i ON i.id = p.issue_id
           WHERE p.sponsor_id = sp.id AND ${isPublished()})
  OR EXISTS (SELECT 1 FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
              WHERE l.sponsor_id = sp.id AND ${isPublished()}))`;

/** Reads sponsors and their placements. */
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

  /** Placements of each sponsor in published issues, newest first. */
  placementsBySponsorIds(sponsorIds: readonly number[]): Promise<Array<Keyed<SponsorPlacement>>> {
    return this.keyed(
      SponsorPlacement,
      `SELECT p.*, p.sponsor_id AS key FROM sponsor_placement p JOIN issue i ON i.id = p.issue_id
        WHERE p.sponsor_id = ANY($1::int[]) AND ${isPublished()}
        ORDER BY i.date DESC, i.id DESC, p.position`,
      [sponsorIds],
    );
  }
}

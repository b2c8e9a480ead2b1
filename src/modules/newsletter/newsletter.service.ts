import { SqlService } from '../../db/sql-service';
import { isPublished } from '../issue/issue.visibility';
import { Newsletter } from './newsletter.entity';

/** A newsletter is public once it has a published issue. */
const VISIBLE_NEWSLETTER = `EXISTS (SELECT 1 FROM issue i WHERE i.newsletter_id = n.id AND ${isPublished()})`;

/** Reads newsletters. */
export class NewsletterService extends SqlService {
  all(): Promise<Newsletter[]> {
    return this.rows(Newsletter, `SELECT n.* FROM newsletter n WHERE ${VISIBLE_NEWSLETTER} ORDER BY n.slug`, []);
  }

  async bySlug(slug: string): Promise<Newsletter | null> {
    const [newsletter] = await this.rows(
      Newsletter,
      `SELECT n.* FROM newsletter n WHERE n.slug = $1 AND ${VISIBLE_NEWSLETTER}`,
      [slug],
    );
    return newsletter ?? null;
  }

  byIds(ids: readonly number[]): Promise<Newsletter[]> {
    return this.rows(Newsletter, 'SELECT * FROM newsletter WHERE id = ANY($1::int[])', [ids]);
  }
}

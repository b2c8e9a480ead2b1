import { SqlService } from '../../db/sql-service';
import { Newsletter } from './newsletter.entity';

/** Reads newsletters; they are public whatever the state of their issues. */
export class NewsletterService extends SqlService {
  all(): Promise<Newsletter[]> {
    return this.rows(Newsletter, 'SELECT * FROM newsletter ORDER BY slug', []);
  }

  async bySlug(slug: string): Promise<Newsletter | null> {
    const [newsletter] = await this.rows(Newsletter, 'SELECT * FROM newsletter WHERE slug = $1', [slug]);
    return newsletter ?? null;
  }

  byIds(ids: readonly number[]): Promise<Newsletter[]> {
    return this.rows(Newsletter, 'SELECT * FROM newsletter WHERE id = ANY($1::int[])', [ids]);
  }
}

import { SqlWhere } from '../../common/sql';
import { SqlService } from '../../db/sql-service';
import { ReadScope, ScopeSql } from '../issue/issue.scope';
import { isPublished } from '../issue/issue.visibility';
import { Newsletter } from './newsletter.entity';

/** A newsletter is public once it has a published issue; a scoped partner sees it once it has one holding an in-scope link. */
function visibleNewsletter(where: SqlWhere, scope: ReadScope | null): string {
  return `EXISTS (SELECT 1 FROM issue i WHERE i.newsletter_id = n.id AND ${isPublished()} AND ${ScopeSql.of(where, scope).issue()})`;
}

/** Reads newsletters. */
export class NewsletterService extends SqlService {
  all(scope: ReadScope | null): Promise<Newsletter[]> {
    const where = new SqlWhere();
    where.and(visibleNewsletter(where, scope));
    return this.read(`SELECT ${this.columns(Newsletter, 'n')} FROM newsletter n ${where} ORDER BY n.slug`, where.params);
  }

  async bySlug(slug: string, scope: ReadScope | null): Promise<Newsletter | null> {
    const where = new SqlWhere();
    where.and(`n.slug = ${where.param(slug)}`).and(visibleNewsletter(where, scope));
    const [newsletter] = await this.read<Newsletter>(`SELECT ${this.columns(Newsletter, 'n')} FROM newsletter n ${where}`, where.params);
    return newsletter ?? null;
  }

  byIds(ids: readonly number[], fields?: Iterable<string>): Promise<Newsletter[]> {
    return this.read(`SELECT ${this.columns(Newsletter, 'n', fields)} FROM newsletter n WHERE n.id = ANY($1::int[])`, [ids], Newsletter);
  }
}

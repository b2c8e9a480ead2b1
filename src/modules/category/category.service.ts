import { idOfSlug } from '../../common/slug-aliases';
import { SqlWhere } from '../../common/sql';
import { Keyed } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { ReadScope, ScopeSql } from '../issue/issue.scope';
import { isPublished } from '../issue/issue.visibility';
import { Category } from './category.entity';

/** A category is listed once a published issue uses it (for a scoped partner, a section holding an in-scope link). */
function visibleCategory(where: SqlWhere, scope: ReadScope | null): string {
  return `EXISTS (SELECT 1 FROM section s JOIN issue i ON i.id = s.issue_id
                   WHERE s.category_id = c.id AND ${isPublished()} AND ${ScopeSql.of(where, scope).section()})`;
}

/** Reads categories, their old slugs, and how many published links each holds (in-scope links, for a scoped partner). */
export class CategoryService extends SqlService {
  /**
   * Categories used by at least one published issue (a draft's section names
   * stay private); for a scoped partner, by a section holding an in-scope link.
   */
  all(scope: ReadScope | null): Promise<Category[]> {
    const where = new SqlWhere();
    return this.read(
      `SELECT ${this.columns(Category, 'c')} FROM category c ${where.and(visibleCategory(where, scope))} ORDER BY c.name, c.id`,
      where.params,
    );
  }

  /** The category a slug (current or old) names, if the caller may see it (as `all` lists it); null otherwise. */
  async bySlug(slug: string, scope: ReadScope | null): Promise<Category | null> {
    const where = new SqlWhere();
    where.and(`c.id = ${idOfSlug('category', where.param(slug))}`).and(visibleCategory(where, scope));
    const [category] = await this.read<Category>(`SELECT ${this.columns(Category, 'c')} FROM category c ${where}`, where.params);
    return category ?? null;
  }

  byIds(ids: readonly number[], fields?: Iterable<string>): Promise<Category[]> {
    return this.read(`SELECT ${this.columns(Category, 'c', fields)} FROM category c WHERE c.id = ANY($1::int[])`, [ids], Category);
  }

  /** Old slugs of each category (merged-away or renamed), which filters still accept. */
  async aliasesByCategoryIds(categoryIds: readonly number[]): Promise<Array<Keyed<string>>> {
    const rows = await this.read<{ key: number; slug: string }>(
      'SELECT category_id AS key, slug FROM category_alias WHERE category_id = ANY($1::int[]) ORDER BY slug',
      [categoryIds],
    );
    return rows.map((row) => ({ key: row.key, value: row.slug }));
  }

  publishedLinkCounts(ids: readonly number[], scope: ReadScope | null) {
    const where = new SqlWhere();
    where.and(`s.category_id = ANY(${where.param(ids)}::int[])`).and(isPublished());
    where.and(ScopeSql.of(where, scope).link());
    return this.counts(
      `SELECT s.category_id AS id, count(*)::int AS n
         FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
        ${where}
        GROUP BY s.category_id`,
      where.params,
    );
  }
}

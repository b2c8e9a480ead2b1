import { SqlWhere } from '../../common/sql';
import { idsOfSlugs } from '../../common/slug-aliases';

/** The condition that `column` holds a category named by one of `slugs`; a merged category's old slug names its target. */
export function inCategories(where: SqlWhere, slugs: string[], column: string): string {
  return `${column} = ANY(${idsOfSlugs('category', where.param(slugs))})`;
}

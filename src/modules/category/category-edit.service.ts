import { DataSource } from 'typeorm';
import { CatalogEditService } from '../../editing/catalog-edit';
import type { CatalogMerge } from '../../editing/slug-catalog';
import { Category } from './category.entity';

/** Moves a category's sections to another category. */
const CATEGORY_MERGE: CatalogMerge = {
  kind: 'category',
  action: 'mergeCategories',
  counters: ['sectionsMoved'],

  async issuesUsing(edit, sourceId) {
    const rows = await edit.query<{ issue_id: number }>('SELECT DISTINCT issue_id FROM section WHERE category_id = $1', [sourceId]);
    return rows.map((row) => row.issue_id);
  },

  async move(edit, sourceId, targetId, tally) {
    const moved = await edit.query<{ issue_id: number }>(
      'UPDATE section SET category_id = $2 WHERE category_id = $1 RETURNING issue_id',
      [sourceId, targetId],
    );
    for (const row of moved) tally.add(row.issue_id, 'sectionsMoved');
  },
};

/** Writes the category catalog: create, update (a changed slug stays as an alias), merge. */
export class CategoryEditService extends CatalogEditService<Category> {
  constructor(dataSource: DataSource) {
    super(dataSource, 'category', Category, CATEGORY_MERGE);
  }
}

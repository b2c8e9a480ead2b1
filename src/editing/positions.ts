import type { Edit } from './edit';

/** The ordered children an edit can lay out: sections and placements of an issue, links of a section. */
export type Ordered =
  | { table: 'section'; parent: 'issue_id' }
  | { table: 'sponsor_placement'; parent: 'issue_id' }
  | { table: 'link'; parent: 'section_id' };

export const SECTIONS: Ordered = { table: 'section', parent: 'issue_id' };
export const PLACEMENTS: Ordered = { table: 'sponsor_placement', parent: 'issue_id' };
export const LINKS: Ordered = { table: 'link', parent: 'section_id' };

/** Ids of a parent's children in position order (call after `touchIssue`, which serialises edits of the issue). */
export async function orderedIds(edit: Edit, of: Ordered, parentId: number): Promise<number[]> {
  const rows = await edit.query<{ id: number }>(
    `SELECT id FROM ${of.table} WHERE ${of.parent} = $1 ORDER BY position`,
    [parentId],
  );
  return rows.map((row) => row.id);
}

/**
 * Gives each listed parent exactly the children listed, at positions 0..n-1 in
 * list order. The UNIQUE (parent, position) constraint is checked row by row,
 * so every child of these parents first moves to a negative position, where no
 * final position can collide with it.
 */
export async function layOut(edit: Edit, of: Ordered, layout: ReadonlyArray<{ parentId: number; ids: readonly number[] }>): Promise<void> {
  const parents = layout.map((entry) => entry.parentId);
  await edit.query(`UPDATE ${of.table} SET position = -1 - position WHERE ${of.parent} = ANY($1::int[])`, [parents]);
  const rows = layout.flatMap(({ parentId, ids }) => ids.map((id, position) => ({ id, parentId, position })));
  if (!rows.length) return;
  await edit.query(
    `UPDATE ${of.table} t SET ${of.parent} = x.parent_id, position = x.position
       FROM unnest($1::int[], $2::int[], $3::int[]) AS x(id, parent_id, position) WHERE t.id = x.id`,
    [rows.map((row) => row.id), rows.map((row) => row.parentId), rows.map((row) => row.position)],
  );
}

/** `ids` with `id` inserted at `position`. */
export function insertAt(ids: readonly number[], id: number, position: number): number[] {
  return [...ids.slice(0, position), id, ...ids.slice(position)];
}

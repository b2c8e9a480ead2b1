import { DataSource } from 'typeorm';
import { CatalogEditService } from '../../editing/catalog-edit';
import type { Edit } from '../../editing/edit';
import type { CatalogMerge } from '../../editing/slug-catalog';
import { Tag } from './tag.entity';

/**
 * Moves a tag's link tags and editor decisions to another tag. A link ends up
 * carrying the target if it carried either; where both tags had an editor
 * decision on a link, inclusion wins, and a moved exclusion is dropped where
 * the link carries the target after all (a merge never takes a tag off a link).
 */
const TAG_MERGE: CatalogMerge = {
  kind: 'tag',
  action: 'mergeTags',
  counters: ['linksRetagged', 'linksAlreadyTagged', 'decisionsMoved'],

  async issuesUsing(edit, sourceId) {
    const rows = await edit.query<{ issue_id: number }>(
      `SELECT DISTINCT s.issue_id FROM section s JOIN link l ON l.section_id = s.id
        WHERE l.id IN (SELECT link_id FROM link_tag WHERE tag_id = $1 UNION SELECT link_id FROM link_tag_override WHERE tag_id = $1)`,
      [sourceId],
    );
    return rows.map((row) => row.issue_id);
  },

  async move(edit, sourceId, targetId, tally) {
    const decisions = await edit.query<{ link_id: number }>(
      `WITH gone AS (DELETE FROM link_tag_override WHERE tag_id = $1 RETURNING link_id, included)
       INSERT INTO link_tag_override (link_id, tag_id, included) SELECT link_id, $2, included FROM gone
       ON CONFLICT (link_id, tag_id) DO UPDATE SET included = link_tag_override.included OR EXCLUDED.included
       RETURNING link_id`,
      [sourceId, targetId],
    );
    const tags = await edit.query<{ link_id: number; added: boolean }>(
      `WITH gone AS (DELETE FROM link_tag WHERE tag_id = $1 RETURNING link_id),
            added AS (INSERT INTO link_tag (link_id, tag_id) SELECT link_id, $2 FROM gone ON CONFLICT DO NOTHING RETURNING link_id)
       SELECT g.link_id, a.link_id IS NOT NULL AS added FROM gone g LEFT JOIN added a USING (link_id)`,
      [sourceId, targetId],
    );
    await edit.query(
      `DELETE FROM link_tag_override o WHERE o.tag_id = $1 AND NOT o.included AND o.link_id = ANY($2::int[])
          AND EXISTS (SELECT 1 FROM link_tag lt WHERE lt.link_id = o.link_id AND lt.tag_id = $1)`,
      [targetId, decisions.map((row) => row.link_id)],
    );
    const issueOf = await issuesOfLinks(edit, [...decisions, ...tags].map((row) => row.link_id));
    for (const row of tags) tally.add(issueOf.get(row.link_id)!, row.added ? 'linksRetagged' : 'linksAlreadyTagged');
    for (const row of decisions) tally.add(issueOf.get(row.link_id)!, 'decisionsMoved');
  },
};

/** The issue of each link, by link id. */
async function issuesOfLinks(edit: Edit, linkIds: number[]): Promise<Map<number, number>> {
  const rows = await edit.query<{ id: number; issue_id: number }>(
    'SELECT l.id, s.issue_id FROM link l JOIN section s ON s.id = l.section_id WHERE l.id = ANY($1::int[])',
    [linkIds],
  );
  return new Map(rows.map((row) => [row.id, row.issue_id]));
}

/** Writes the tag catalog: create, update (a changed slug stays as an alias), merge. */
export class TagEditService extends CatalogEditService<Tag> {
  constructor(dataSource: DataSource) {
    super(dataSource, 'tag', Tag, TAG_MERGE);
  }
}

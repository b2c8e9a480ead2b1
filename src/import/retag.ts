import { DataSource } from 'typeorm';
import { matchTopics, TOPICS } from '../content/taxonomy';

export interface RetagSummary {
  links: number;
  changed: number;
  tagsRemoved: number;
}

const BATCH = 2000;

interface LinkRow {
  id: number;
  title: string;
  summary: string;
  domain: string;
  tags: string[];
}

/**
 * Re-applies the taxonomy to every stored link after its rules change. The
 * taxonomy owns the tags: its tags are created or renamed, tags it no longer
 * has are deleted, and each link's tags become exactly what the rules say.
 * Links are read in id order, a batch at a time, each batch in one transaction.
 */
export async function retagArchive(dataSource: DataSource, onBatch?: (done: number) => void): Promise<RetagSummary> {
  const slugs = TOPICS.map((topic) => topic.slug);
  const tagRows: Array<{ id: number; slug: string }> = await dataSource.query(
    `INSERT INTO tag (slug, name) SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id, slug`,
    [slugs, TOPICS.map((topic) => topic.name)],
  );
  const tagIds = new Map(tagRows.map((row) => [row.slug, row.id]));
  const [{ n: tagsRemoved }]: Array<{ n: number }> = await dataSource.query(
    'WITH gone AS (DELETE FROM tag WHERE slug <> ALL($1::text[]) RETURNING id) SELECT count(*) AS n FROM gone',
    [slugs],
  );
  const summary: RetagSummary = { links: 0, changed: 0, tagsRemoved };

  for (let after = 0; ; ) {
    const links: LinkRow[] = await dataSource.query(
      `SELECT l.id, l.title, l.summary, l.domain,
              ARRAY(SELECT t.slug FROM link_tag lt JOIN tag t ON t.id = lt.tag_id
                     WHERE lt.link_id = l.id ORDER BY t.slug COLLATE "C") AS tags
         FROM link l WHERE l.id > $1 ORDER BY l.id LIMIT ${BATCH}`,
      [after],
    );
    if (!links.length) break;
    const changed = links
      .map((link) => ({ id: link.id, before: link.tags, after: matchTopics(link) }))
      .filter((link) => link.before.join() !== link.after.join());
    if (changed.length) {
      const pairs = changed.flatMap((link) => link.after.map((slug) => [link.id, tagIds.get(slug)!]));
      await dataSource.transaction(async (manager) => {
        await manager.query('DELETE FROM link_tag WHERE link_id = ANY($1::int[])', [changed.map((link) => link.id)]);
        await manager.query('INSERT INTO link_tag (link_id, tag_id) SELECT * FROM unnest($1::int[], $2::int[])', [
          pairs.map(([linkId]) => linkId),
          pairs.map(([, tagId]) => tagId),
        ]);
      });
    }
    summary.links += links.length;
    summary.changed += changed.length;
    after = links[links.length - 1].id;
    onBatch?.(summary.links);
  }
  return summary;
}

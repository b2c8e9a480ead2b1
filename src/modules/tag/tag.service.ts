import { hydrateKeyed, Keyed, Row } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { isPublished } from '../issue/issue.visibility';
import { TagDecision } from './tag-decision.type';
import { Tag } from './tag.entity';

/** Reads tags, the tags of links and issues, their old slugs, and counts of published links per tag. */
export class TagService extends SqlService {
  /** Tags carried by at least one link of a published issue. */
  all(): Promise<Tag[]> {
    return this.rows(
      Tag,
      `SELECT t.* FROM tag t
        WHERE EXISTS (SELECT 1 FROM link_tag lt JOIN link l ON l.id = lt.link_id
                        JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
                       WHERE lt.tag_id = t.id AND ${isPublished()})
        ORDER BY t.slug`,
      [],
    );
  }

  byLinkIds(linkIds: readonly number[]): Promise<Array<Keyed<Tag>>> {
    return this.keyed(
      Tag,
      `SELECT t.*, lt.link_id AS key FROM link_tag lt JOIN tag t ON t.id = lt.tag_id
        WHERE lt.link_id = ANY($1::int[]) ORDER BY t.slug`,
      [linkIds],
    );
  }

  /** Editors' tag decisions on these links (link_tag_override), by tag slug. */
  async decisionsByLinkIds(linkIds: readonly number[]): Promise<Array<Keyed<TagDecision>>> {
    const rows = await this.dataSource.query<Row[]>(
      `SELECT t.*, o.included, o.link_id AS key FROM link_tag_override o JOIN tag t ON t.id = o.tag_id
        WHERE o.link_id = ANY($1::int[]) ORDER BY t.slug`,
      [linkIds],
    );
    return hydrateKeyed(this.dataSource, Tag, rows, 'key').map(({ key, value }, index) => ({
      key,
      value: { tag: value, included: Boolean(rows[index].included) },
    }));
  }

  byIssueIds(issueIds: readonly number[]): Promise<Array<Keyed<Tag>>> {
    return this.keyed(
      Tag,
      `SELECT DISTINCT t.*, s.issue_id AS key
         FROM section s JOIN link l ON l.section_id = s.id
         JOIN link_tag lt ON lt.link_id = l.id JOIN tag t ON t.id = lt.tag_id
        WHERE s.issue_id = ANY($1::int[]) ORDER BY t.slug`,
      [issueIds],
    );
  }

  /** Old slugs of each tag (merged-away or renamed), which filters still accept. */
  async aliasesByTagIds(tagIds: readonly number[]): Promise<Array<Keyed<string>>> {
    const rows = await this.dataSource.query<Array<{ key: number; slug: string }>>(
      'SELECT tag_id AS key, slug FROM tag_alias WHERE tag_id = ANY($1::int[]) ORDER BY slug',
      [tagIds],
    );
    return rows.map((row) => ({ key: row.key, value: row.slug }));
  }

  publishedLinkCounts(ids: readonly number[]) {
    return this.counts(
      `SELECT lt.tag_id AS id, count(*)::int AS n
         FROM link_tag lt JOIN link l ON l.id = lt.link_id
         JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
        WHERE lt.tag_id = ANY($1::int[]) AND ${isPublished()}
        GROUP BY lt.tag_id`,
      [ids],
    );
  }
}

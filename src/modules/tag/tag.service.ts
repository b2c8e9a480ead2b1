import { idOfSlug } from '../../common/slug-aliases';
import { SqlWhere } from '../../common/sql';
import { hydrateKeyed, Keyed, Row } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { ReadScope, ScopeSql } from '../issue/issue.scope';
import { isPublished } from '../issue/issue.visibility';
import { TagDecision } from './tag-decision.type';
import { Tag } from './tag.entity';

/** A tag is listed once a link of a published issue carries it (an in-scope link, for a scoped partner). */
function visibleTag(where: SqlWhere, scope: ReadScope | null): string {
  return `EXISTS (SELECT 1 FROM link_tag lt JOIN link l ON l.id = lt.link_id
                    JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
                   WHERE lt.tag_id = t.id AND ${isPublished()} AND ${ScopeSql.of(where, scope).link()})`;
}

/**
 * Reads tags, the tags of links and issues, their old slugs, and counts of
 * published links per tag; for a scoped partner, of in-scope links only.
 */
export class TagService extends SqlService {
  /** Tags carried by at least one link of a published issue (an in-scope link, for a scoped partner). */
  all(scope: ReadScope | null): Promise<Tag[]> {
    const where = new SqlWhere();
    return this.read(`SELECT ${this.columns(Tag, 't')} FROM tag t ${where.and(visibleTag(where, scope))} ORDER BY t.slug`, where.params);
  }

  /** The tag a slug (current or old) names, if the caller may see it (as `all` lists it); null otherwise. */
  async bySlug(slug: string, scope: ReadScope | null): Promise<Tag | null> {
    const where = new SqlWhere();
    where.and(`t.id = ${idOfSlug('tag', where.param(slug))}`).and(visibleTag(where, scope));
    const [tag] = await this.read<Tag>(`SELECT ${this.columns(Tag, 't')} FROM tag t ${where}`, where.params);
    return tag ?? null;
  }

  /** Tags of each link, by slug. */
  byLinkIds(linkIds: readonly number[], fields?: Iterable<string>): Promise<Array<Keyed<Tag>>> {
    return this.readKeyed(
      `SELECT ${this.columns(Tag, 't', fields)}, lt.link_id AS key FROM link_tag lt JOIN tag t ON t.id = lt.tag_id
        WHERE lt.link_id = ANY($1::int[]) ORDER BY t.slug`,
      [linkIds],
      Tag,
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

  /** Tags carried by the links of each issue (its in-scope links, for a scoped partner). */
  byIssueIds(issueIds: readonly number[], scope: ReadScope | null, fields?: Iterable<string>): Promise<Array<Keyed<Tag>>> {
    const where = new SqlWhere();
    where.and(`s.issue_id = ANY(${where.param(issueIds)}::int[])`);
    const scoped = ScopeSql.of(where, scope);
    return this.readKeyed(
      `SELECT DISTINCT ${this.columns(Tag, 't', fields)}, s.issue_id AS key
         FROM section s JOIN link l ON l.section_id = s.id
         JOIN link_tag lt ON lt.link_id = l.id JOIN tag t ON t.id = lt.tag_id
         ${scoped.limited ? 'JOIN issue i ON i.id = s.issue_id' : ''}
        ${where.and(scoped.link())} ORDER BY t.slug`,
      where.params,
      Tag,
    );
  }

  /** Old slugs of each tag (merged-away or renamed), which filters still accept. */
  async aliasesByTagIds(tagIds: readonly number[]): Promise<Array<Keyed<string>>> {
    const rows = await this.read<{ key: number; slug: string }>(
      'SELECT tag_id AS key, slug FROM tag_alias WHERE tag_id = ANY($1::int[]) ORDER BY slug',
      [tagIds],
    );
    return rows.map((row) => ({ key: row.key, value: row.slug }));
  }

  /** Published links carrying each tag (in-scope links, for a scoped partner). */
  publishedLinkCounts(ids: readonly number[], scope: ReadScope | null) {
    const where = new SqlWhere();
    where.and(`lt.tag_id = ANY(${where.param(ids)}::int[])`).and(isPublished());
    where.and(ScopeSql.of(where, scope).link());
    return this.counts(
      `SELECT lt.tag_id AS id, count(*)::int AS n
         FROM link_tag lt JOIN link l ON l.id = lt.link_id
         JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
        ${where}
        GROUP BY lt.tag_id`,
      where.params,
    );
  }
}

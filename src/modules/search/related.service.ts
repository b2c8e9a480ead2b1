import type { ReadScope } from '../issue/issue.scope';
import { ScopeSql } from '../issue/issue.scope';
import { isPublished } from '../issue/issue.visibility';
import { SqlWhere } from '../../common/sql';
import type { Keyed } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { Issue } from '../issue/issue.entity';
import { Link } from '../link/link.entity';
import { RANK_WEIGHTS } from './search.sql';

export const DEFAULT_RELATED = 5;
export const MAX_RELATED = 20;

/**
 * Links looked at on each side of a link's issue: per tag it carries, and
 * whatever their tags. What keeps related cheap whatever the archive's size.
 */
const TAG_NEIGHBOURS = 8;
const ISSUE_NEIGHBOURS = 5;

/** SQL for a tsquery matching any lexeme of `document` (a tsvector expression) of the given weights, e.g. `{a}` for a title. */
function anyLexeme(document: string, weights: string): string {
  const quoted = `chr(39) || replace(replace(w, chr(92), chr(92) || chr(92)), chr(39), chr(39) || chr(39)) || chr(39)`;
  return `(SELECT COALESCE(string_agg(${quoted}, ' | '), '')::tsquery FROM unnest(tsvector_to_array(ts_filter(${document}, '${weights}'))) AS w)`;
}

/** The link ids just below `below` and just above `above` (SQL expressions): TAG_NEIGHBOURS carrying the tag `tag`, or ISSUE_NEIGHBOURS when it is null. */
function neighbours(tag: string | null, below: string, above: string): string {
  const from = tag === null ? 'FROM link x WHERE TRUE' : `FROM link_tag x WHERE x.tag_id = ${tag}`;
  const id = tag === null ? 'x.id' : 'x.link_id';
  const limit = tag === null ? ISSUE_NEIGHBOURS : TAG_NEIGHBOURS;
  return `(SELECT ${id} AS link_id ${from} AND ${id} < ${below} ORDER BY ${id} DESC LIMIT ${limit})
          UNION ALL
          (SELECT ${id} ${from} AND ${id} > ${above} ORDER BY ${id} LIMIT ${limit})`;
}

/** The lowest and highest link ids of the issue `issue` (an SQL expression): its neighbours lie outside them. */
function idRange(issue: string): string {
  return `(SELECT min(il.id) AS low, max(il.id) AS high FROM section isec JOIN link il ON il.section_id = isec.id WHERE isec.issue_id = ${issue})`;
}

/**
 * Related links and issues, batched: one statement for every link (or issue)
 * of a request, reading a bounded number of rows per link whatever the
 * archive's size. Candidates are, for each tag a link carries, the links with
 * that tag nearest its issue in the order links were added (by id: issues are
 * imported and written in date order), and its issue's nearest links whatever
 * their tags. They are scored by shared tags plus shared
 * title words (ts_rank of their document against its title); only published
 * links within the viewer's scope, from other issues, never the same story
 * (canonical URL), and never one sharing neither a tag nor a word. Rows come
 * back as plain objects from named statements, like every read of the read path.
 */
export class RelatedService extends SqlService {
  linksOf(linkIds: readonly number[], first: number, scope: ReadScope | null): Promise<Array<Keyed<Link>>> {
    const where = new SqlWhere();
    const ids = where.param(linkIds);
    const visible = `${isPublished()} AND ${ScopeSql.of(where, scope).link('c', 'i')}`;
    return this.readKeyed(
      `WITH src AS MATERIALIZED (
         SELECT l.id, l.canonical_url, s.issue_id, ${anyLexeme('l.search_document', '{a}')} AS words
           FROM link l JOIN section s ON s.id = l.section_id WHERE l.id = ANY(${ids}::int[])
       ), pool AS MATERIALIZED (
         SELECT src.id AS source, p.link_id AS candidate, count(*) FILTER (WHERE p.tagged) AS shared, min(abs(p.link_id - src.id)) AS distance
           FROM src CROSS JOIN LATERAL ${idRange('src.issue_id')} r CROSS JOIN LATERAL (
             SELECT n.link_id, true AS tagged FROM link_tag st CROSS JOIN LATERAL (${neighbours('st.tag_id', 'r.low', 'r.high')}) n
              WHERE st.link_id = src.id
             UNION ALL
             SELECT n.link_id, false FROM (${neighbours(null, 'r.low', 'r.high')}) n
           ) p
          GROUP BY src.id, p.link_id
       ), scored AS (
         SELECT p.source, c.id, p.distance, p.shared + ts_rank(${RANK_WEIGHTS}, c.search_document, src.words) AS score
           FROM pool p JOIN src ON src.id = p.source
           JOIN link c ON c.id = p.candidate JOIN section cs ON cs.id = c.section_id JOIN issue i ON i.id = cs.issue_id
          WHERE ${visible} AND cs.issue_id <> src.issue_id AND c.canonical_url <> src.canonical_url
            AND (p.shared > 0 OR c.search_document @@ src.words)
       )
       SELECT ${this.columns(Link, 'l')}, r.source AS key
         FROM (SELECT scored.*, row_number() OVER (PARTITION BY scored.source ORDER BY scored.score DESC, scored.distance, scored.id) AS n
                 FROM scored) r
         JOIN link l ON l.id = r.id
        WHERE r.n <= ${where.param(first)} ORDER BY r.source, r.n`,
      where.params,
    );
  }

  /**
   * Issues sharing topics with each issue: candidates hold the links nearest to
   * its links per tag, weighed by how many of its links carry the tag; ties go
   * to shared headline words, then the newer issue.
   */
  issuesOf(issueIds: readonly number[], first: number, scope: ReadScope | null): Promise<Array<Keyed<Issue>>> {
    const where = new SqlWhere();
    const ids = where.param(issueIds);
    const visible = `${isPublished()} AND ${ScopeSql.of(where, scope).link('c', 'i')}`;
    return this.readKeyed(
      `WITH src AS MATERIALIZED (
         SELECT si.id, ${anyLexeme('si.headline_document', '{d}')} AS words
           FROM issue si WHERE si.id = ANY(${ids}::int[])
       ), src_tags AS MATERIALIZED (
         SELECT s.issue_id AS source, lt.tag_id, r.low, r.high, count(*) AS weight
           FROM section s JOIN link l ON l.section_id = s.id JOIN link_tag lt ON lt.link_id = l.id
           CROSS JOIN LATERAL ${idRange('s.issue_id')} r
          WHERE s.issue_id = ANY(${ids}::int[]) GROUP BY s.issue_id, lt.tag_id, r.low, r.high
       ), scored AS (
         SELECT st.source, cs.issue_id AS id, sum(st.weight) AS hits
           FROM src_tags st CROSS JOIN LATERAL (${neighbours('st.tag_id', 'st.low', 'st.high')}) n
           JOIN link c ON c.id = n.link_id JOIN section cs ON cs.id = c.section_id JOIN issue i ON i.id = cs.issue_id
          WHERE ${visible} AND cs.issue_id <> st.source
          GROUP BY st.source, cs.issue_id
       )
       SELECT ${this.columns(Issue, 'i')}, r.source AS key
         FROM (SELECT scored.source, scored.id,
                      row_number() OVER (PARTITION BY scored.source
                        ORDER BY scored.hits + ts_rank(ci.headline_document, src.words) DESC, ci.date DESC, ci.id DESC) AS n
                 FROM scored JOIN src ON src.id = scored.source JOIN issue ci ON ci.id = scored.id) r
         JOIN issue i ON i.id = r.id
        WHERE r.n <= ${where.param(first)} ORDER BY r.source, r.n`,
      where.params,
    );
  }
}

import type { Viewer } from '../../auth/policy';
import { BadUserInputError } from '../../common/errors';
import { quote } from '../../common/excerpt';
import { CursorKey, decodeCursor, encodeCursor, toPage } from '../../common/pagination';
import { SqlWhere } from '../../common/sql';
import { columnsOf, hydrate, Row } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { Link } from '../link/link.entity';
import { whereLinks } from '../link/link.filters';
import type { LinkFilter } from '../link/link.inputs';
import { DEFAULT_MARKERS, MARK_START, MARK_STOP, forHeadline } from './search.highlight';
import type { SearchArgs } from './search.inputs';
import { correctionsSql, matchesSql, tsquery } from './search.sql';
import { anyWordQuery, correctableWords, wantedWords, withCorrections } from './search.text';
import { LinkSearchConnection, LinkSearchEdge } from './search.types';

const CURSOR = 'search';
/** Least word similarity (pg_trgm) of a title holding a candidate correction of a word. */
const WORD_SIMILARITY = 0.4;
/** Rank, issue date, link id, then 1 when the page came from the corrected query. */
const CURSOR_SHAPE = ['number', 'date', 'int', 'int'] as const;

/** ts_headline options: the whole title; for the summary, the best stretch of 15 to 35 words. */
const TITLE_HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, HighlightAll=true`;
const SUMMARY_HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_STOP}, MaxWords=35, MinWords=15`;

/** A link's title and plain-text summary with the private highlight markers of search.highlight.ts. */
export interface MarkedText {
  title: string;
  summary: string;
}

/** The query as typed, trimmed; refused when it looks for no word at all (blank, or only `-excluded` words). */
export function searchText(query: string, argumentName = 'query'): string {
  const text = query.trim();
  if (!wantedWords(text).length) {
    throw new BadUserInputError(`The query ${quote(query)} looks for no word: give at least one word that is not excluded with "-".`, {
      argumentName,
    });
  }
  return text;
}

/**
 * Ranked full-text search over links (search.sql.ts), with every link filter,
 * the viewer's visibility and scope, and a typo fallback: when a query finds
 * nothing, its words that no visible link contains are replaced by the most
 * similar word of the titles the filter allows (pg_trgm), and the corrected
 * query runs instead.
 */
export class SearchService extends SqlService {
  async search({ query, filter, first, after, highlight }: SearchArgs, viewer: Viewer): Promise<LinkSearchConnection> {
    const text = searchText(query);
    const position = after ? decodeCursor(after, CURSOR, CURSOR_SHAPE) : null;
    // A later page of a corrected search corrects again (the same way), rather than trusting a query carried in the cursor.
    let run = position?.[3] === 1 ? ((await this.corrected(text, filter, viewer)) ?? text) : text;
    let rows = await this.page(run, filter, viewer, first, position);
    if (!rows.length && !position) {
      const correction = await this.corrected(text, filter, viewer);
      const fixed = correction === null ? [] : await this.page(correction, filter, viewer, first, null);
      if (correction !== null && fixed.length) [run, rows] = [correction, fixed];
    }
    const corrected = run === text ? 0 : 1;
    const links = hydrate(this.dataSource, Link, rows);
    const edges = new Map<Link, LinkSearchEdge>();
    const highlightQuery = anyWordQuery(run);
    links.forEach((node, index) => {
      const row = rows[index];
      const rank = Number(row.rank);
      const cursor = encodeCursor(CURSOR, [rank, row.issue_date as string, node.id, corrected]);
      edges.set(node, { cursor, node, rank, highlightQuery, markers: highlight ?? DEFAULT_MARKERS });
    });
    // Every row carries the count of all matches (the page query ranks them all anyway); a page past the end asks again.
    const total = rows.length ? async () => Number(rows[0].total) : () => this.total(run, filter, viewer);
    const page = toPage(links, first, Boolean(after), (node) => edges.get(node)!.cursor, total);
    return {
      edges: page.edges.map(({ node }) => edges.get(node)!),
      pageInfo: page.pageInfo,
      get totalCount() {
        return page.totalCount;
      },
      correctedQuery: corrected ? run : null,
    };
  }

  /** Title and summary of each link, marked where they hold a word of `query` (a websearch query). */
  async highlights(ids: readonly number[], query: string): Promise<MarkedText[]> {
    const rows = await this.dataSource.query<Array<{ id: number } & MarkedText>>(
      `SELECT l.id, ts_headline('english', ${forHeadline('l.title')}, ${tsquery('$2')}, $3) AS title,
              ts_headline('english', ${forHeadline('l.summary_text')}, ${tsquery('$2')}, $4) AS summary
         FROM link l WHERE l.id = ANY($1::int[])`,
      [ids, query, TITLE_HEADLINE, SUMMARY_HEADLINE],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? { title: '', summary: '' });
  }

  /** `first + 1` matches after `position`, best first (rank, then newer issue, then higher id), each with the count of all matches. */
  private async page(text: string, filter: LinkFilter | undefined, viewer: Viewer, first: number, position: CursorKey | null) {
    const where = whereLinks(new SqlWhere(), filter, viewer);
    const matches = matchesSql(tsquery(where.param(text)), where.condition());
    const after = position
      ? `WHERE (m.rank, m.issue_date, m.id) < (${where.param(position[0])}::float8, ${where.param(position[1])}::date, ${where.param(position[2])}::int)`
      : '';
    return this.dataSource.query<Row[]>(
      `SELECT ${columnsOf(this.dataSource, Link, 'l')}, m.rank, m.issue_date, m.total
         FROM (SELECT matches.*, count(*) OVER () AS total FROM (${matches}) matches) m JOIN link l ON l.id = m.id ${after}
        ORDER BY m.rank DESC, m.issue_date DESC, m.id DESC LIMIT ${first + 1}`,
      where.params,
    );
  }

  private total(text: string, filter: LinkFilter | undefined, viewer: Viewer): Promise<number> {
    const where = whereLinks(new SqlWhere(), filter, viewer);
    const matches = matchesSql(tsquery(where.param(text)), where.condition());
    return this.count(`SELECT count(*) AS n FROM (${matches}) m`, where.params);
  }

  /** The query with its unknown words corrected against the titles the viewer and the filter allow; null when nothing changed. */
  async corrected(text: string, filter: LinkFilter | undefined, viewer: Viewer): Promise<string | null> {
    const words = correctableWords(text);
    if (!words.length) return null;
    const where = whereLinks(new SqlWhere(), filter, viewer);
    const list = where.param([...new Set(words.map(({ word }) => word))]);
    const rows = await this.dataSource.transaction(async (manager) => {
      // pg_trgm's default (0.6) misses a letter dropped from a short word ("serch" is 0.44 like "search").
      await manager.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY}`);
      return manager.query<Array<{ word: string; correction: string | null }>>(correctionsSql(list, where.condition()), where.params);
    });
    const corrections = new Map(rows.flatMap(({ word, correction }) => (correction ? [[word, correction] as const] : [])));
    return withCorrections(text, words, corrections);
  }
}

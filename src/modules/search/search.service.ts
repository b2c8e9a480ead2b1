import type { Viewer } from '../../auth/policy';
import { BadUserInputError } from '../../common/errors';
import { quote } from '../../common/excerpt';
import { CursorKey, decodeCursor, encodeCursor, pageLimit, toPage } from '../../common/pagination';
import { SqlWhere } from '../../common/sql';
import { SqlService } from '../../db/sql-service';
import { Link } from '../link/link.entity';
import { whereLinks, whereVisibleLinks } from '../link/link.filters';
import type { LinkFilter } from '../link/link.inputs';
import { DEFAULT_MARKERS, MARK_START, MARK_STOP, forHeadline } from './search.highlight';
import type { SearchArgs } from './search.inputs';
import { correctionsSql, matchesSql, tsquery, unknownWordsSql } from './search.sql';
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

/** A page row: the link's columns as properties, its rank, issue date and the count of all matches; marked texts when asked for. */
interface SearchRow extends Link {
  rank: number;
  issueDate: string;
  total: string;
  markedTitle?: string | null;
  markedSummary?: string | null;
}

/** What the page statement gives: its rows, and on an empty first page the query's words the visible archive does not hold. */
interface SearchPage {
  rows: SearchRow[];
  unknown: string[];
}

/**
 * Ranked full-text search over links (search.sql.ts), with every link filter,
 * the viewer's visibility and scope, and a typo fallback: when a query finds
 * nothing, its words that no visible link contains are replaced by the most
 * similar word of the titles the filter allows (pg_trgm), and the corrected
 * query runs instead. A page is one named statement (with its count, and its
 * highlights when asked for); an empty first page also says which words are
 * unknown, so a query of known words that the filter empties is not corrected.
 */
export class SearchService extends SqlService {
  async search(
    { query, filter, first, after, highlight }: SearchArgs,
    viewer: Viewer,
    { highlights = false }: { highlights?: boolean } = {},
  ): Promise<LinkSearchConnection> {
    const text = searchText(query);
    const position = after ? decodeCursor(after, CURSOR, CURSOR_SHAPE) : null;
    // A later page of a corrected search corrects again (the same way), rather than trusting a query carried in the cursor.
    let run = position?.[3] === 1 ? ((await this.corrected(text, filter, viewer)) ?? text) : text;
    const words = position ? [] : [...new Set(correctableWords(text).map(({ word }) => word))];
    const found = await this.page(run, filter, viewer, first, position, highlights, words);
    let rows = found.rows;
    if (!rows.length && found.unknown.length) {
      const correction = await this.corrected(text, filter, viewer, found.unknown);
      const fixed = correction === null ? null : await this.page(correction, filter, viewer, first, null, highlights);
      if (correction !== null && fixed?.rows.length) [run, rows] = [correction, fixed.rows];
    }
    const corrected = run === text ? 0 : 1;
    const highlightQuery = anyWordQuery(run);
    const markers = highlight ?? DEFAULT_MARKERS;
    const edges = new Map<Link, LinkSearchEdge>();
    for (const row of rows) {
      const rank = Number(row.rank);
      const cursor = encodeCursor(CURSOR, [rank, row.issueDate, row.id, corrected]);
      const marked = highlights ? { title: row.markedTitle ?? '', summary: row.markedSummary ?? '' } : undefined;
      edges.set(row, { cursor, node: row, rank, highlightQuery, markers, marked });
    }
    // Every row carries the count of all matches (the page ranks them all anyway); an empty first page has none; a page past the end asks again.
    const total = rows.length ? async () => Number(rows[0].total) : position ? () => this.total(run, filter, viewer) : async () => 0;
    const page = toPage<Link>(rows, first, Boolean(after), (node) => edges.get(node)!.cursor, total);
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
    const rows = await this.read<{ id: number } & MarkedText>(
      `SELECT l.id, ${marked('l', '$2', '$3', '$4').map((text, index) => `${text} AS ${index ? 'summary' : 'title'}`).join(', ')}
         FROM link l WHERE l.id = ANY($1::int[])`,
      [ids, query, TITLE_HEADLINE, SUMMARY_HEADLINE],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? { title: '', summary: '' });
  }

  /**
   * `first + 1` or more matches (pageLimit) after `position`, best first (rank, then newer issue,
   * then higher id), each with the count of all matches and, with
   * `highlights`, the marked title and summary of the `first` shown. On a
   * page given `words` the statement returns one empty row when nothing
   * matches, carrying those of them the visible archive does not hold.
   */
  private async page(
    text: string,
    filter: LinkFilter | undefined,
    viewer: Viewer,
    first: number,
    position: CursorKey | null,
    highlights: boolean,
    words: readonly string[] = [],
  ): Promise<SearchPage> {
    const where = whereLinks(new SqlWhere(), filter, viewer);
    const matches = matchesSql(tsquery(where.param(text)), where.condition());
    const after = position
      ? `WHERE (m.rank, m.issue_date, m.id) < (${where.param(position[0])}::float8, ${where.param(position[1])}::date, ${where.param(position[2])}::int)`
      : '';
    const [title, summary] = highlights ? marked('l', where.param(anyWordQuery(text)), where.param(TITLE_HEADLINE), where.param(SUMMARY_HEADLINE)) : [];
    // Highlights of the rows shown only, not of those read to see whether a next page exists.
    const shown = highlights ? where.param(first) : '';
    const markedColumns = highlights
      ? `, CASE WHEN p.n <= ${shown} THEN ${title} END AS "markedTitle", CASE WHEN p.n <= ${shown} THEN ${summary} END AS "markedSummary"`
      : '';
    let sql = `SELECT ${this.columns(Link, 'l')}, p.rank, p.issue_date AS "issueDate", p.total, p.n${markedColumns}
         FROM (SELECT m.*, row_number() OVER (ORDER BY m.rank DESC, m.issue_date DESC, m.id DESC) AS n
                 FROM (SELECT m.* FROM (SELECT matches.*, count(*) OVER () AS total FROM (${matches}) matches) m ${after}
                        ORDER BY m.rank DESC, m.issue_date DESC, m.id DESC LIMIT ${pageLimit(first)}) m) p
         JOIN link l ON l.id = p.id`;
    if (words.length) {
      const visible = visibleToViewer(where.branch(), filter, viewer).condition();
      sql = `SELECT r.*, CASE WHEN r.id IS NULL THEN ${unknownWordsSql(where.param(words), visible)} END AS unknown
               FROM (SELECT 1) one LEFT JOIN (${sql}) r ON TRUE`;
    }
    const rows = await this.read<SearchRow & { unknown?: string[] | null }>(`${sql} ORDER BY n`, where.params);
    if (rows.length === 1 && rows[0].id === null) return { rows: [], unknown: rows[0].unknown ?? [] };
    return { rows, unknown: [] };
  }

  private total(text: string, filter: LinkFilter | undefined, viewer: Viewer): Promise<number> {
    const where = whereLinks(new SqlWhere(), filter, viewer);
    const matches = matchesSql(tsquery(where.param(text)), where.condition());
    return this.count(`SELECT count(*) AS n FROM (${matches}) m`, where.params);
  }

  /**
   * The query with its unknown words (`unknown`, or those the visible archive
   * does not hold) corrected against the titles the viewer and the filter
   * allow; null when nothing changed.
   */
  async corrected(text: string, filter: LinkFilter | undefined, viewer: Viewer, unknown?: readonly string[]): Promise<string | null> {
    const words = correctableWords(text);
    if (!words.length) return null;
    const typos = unknown ?? (await this.unknownWords(words.map(({ word }) => word), filter, viewer));
    if (!typos.length) return null;
    const where = whereLinks(new SqlWhere(), filter, viewer);
    const list = where.param([...new Set(typos)]);
    const rows = await this.dataSource.transaction(async (manager) => {
      // pg_trgm's default (0.6) misses a letter dropped from a short word ("serch" is 0.44 like "search").
      await manager.query(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY}`);
      return manager.query<Array<{ word: string; correction: string | null }>>(correctionsSql(list, where.condition()), where.params);
    });
    const corrections = new Map(rows.flatMap(({ word, correction }) => (correction ? [[word, correction] as const] : [])));
    return withCorrections(text, words, corrections);
  }

  /** The words no link the viewer may read (with the filter's statuses) contains. */
  private async unknownWords(words: string[], filter: LinkFilter | undefined, viewer: Viewer): Promise<string[]> {
    const where = visibleToViewer(new SqlWhere(), filter, viewer);
    const [row] = await this.read<{ unknown: string[] }>(
      `SELECT ${unknownWordsSql(where.param([...new Set(words)]), where.condition())} AS unknown`,
      where.params,
    );
    return row.unknown;
  }
}

/** The links the viewer may read with the filter's statuses, whatever else it filters: where a typo must be unknown. */
function visibleToViewer(where: SqlWhere, filter: LinkFilter | undefined, viewer: Viewer): SqlWhere {
  return whereVisibleLinks(where, { statuses: filter?.statuses } as LinkFilter, viewer);
}

/** SQL for the title and summary of the link `alias` marked by ts_headline (`query`, `titleOptions` and `summaryOptions` are parameters). */
function marked(alias: string, query: string, titleOptions: string, summaryOptions: string): [string, string] {
  return [
    `ts_headline('english', ${forHeadline(`${alias}.title`)}, ${tsquery(query)}, ${titleOptions})`,
    `ts_headline('english', ${forHeadline(`${alias}.summary_text`)}, ${tsquery(query)}, ${summaryOptions})`,
  ];
}

import { LINKS_WITH_ISSUES } from '../link/link.filters';

/**
 * The SQL of ranked full-text matching. A link matches a query when its own
 * document (title A, plain-text summary B) does, or when its issue's headline
 * does and its title and summary do not contradict it (an excluded word in
 * them still excludes the link). Ranks use ts_rank with weights that put a
 * title match above a summary match above a headline-only match.
 */

/** ts_rank weights for D (headline), C (unused), B (summary) and A (title). */
export const RANK_WEIGHTS = `'{0.05, 0.1, 0.4, 1.0}'::real[]`;

/** An issue's headline as a document, stored (weight D) and indexed (ix_issue_headline_search). */
export const HEADLINE_DOCUMENT = 'i.headline_document';

/** A websearch query (quotes, -exclude, or) in English, stemmed, from the parameter `param`. */
export function tsquery(param: string): string {
  return `websearch_to_tsquery('english', ${param})`;
}

/**
 * Ids, issue dates and ranks (float8) of the links passing `filters` (a
 * condition on `l`, `s`, `i`) that match `query` (a tsquery expression): two
 * branches, so the planner can drive each from its own index.
 */
export function matchesSql(query: string, filters: string): string {
  return `SELECT l.id, i.date AS issue_date, ts_rank(${RANK_WEIGHTS}, l.search_document, ${query})::float8 AS rank
            ${LINKS_WITH_ISSUES} WHERE ${filters} AND l.search_document @@ ${query}
          UNION ALL
          SELECT l.id, i.date, ts_rank(${RANK_WEIGHTS}, l.search_document || ${HEADLINE_DOCUMENT}, ${query})::float8
            ${LINKS_WITH_ISSUES} WHERE ${filters} AND ${HEADLINE_DOCUMENT} @@ ${query}
             AND NOT l.search_document @@ ${query} AND (l.search_document || ${HEADLINE_DOCUMENT}) @@ ${query}`;
}

/**
 * The condition that the link `l` (of the issue `i`) matches `query`, as the two
 * branches of `matchesSql` decide together: for lists in their own order (a
 * feed of a search, newest first), where no rank is needed.
 */
export function matchesCondition(query: string): string {
  return `(l.search_document @@ ${query} OR (${HEADLINE_DOCUMENT} @@ ${query} AND (l.search_document || ${HEADLINE_DOCUMENT}) @@ ${query}))`;
}

/**
 * Which of `words` (a text[] expression) no link passing `visible` (a
 * condition on `l`, `s`, `i`: the viewer's statuses and scope, not the
 * filter) contains: only those can be typos, so only those are corrected.
 */
export function unknownWordsSql(words: string, visible: string): string {
  return `(SELECT COALESCE(array_agg(w.word), '{}') FROM unnest(${words}::text[]) AS w(word)
    WHERE NOT EXISTS (SELECT 1 ${LINKS_WITH_ISSUES} WHERE ${visible} AND l.search_document @@ plainto_tsquery('english', w.word)))`;
}

/** Titles looked at for corrections of one word: enough to find its usual spelling, few enough to stay fast. */
const CORRECTION_TITLES = 50;

/**
 * For each word of `words` (a text[] expression: words no visible link
 * contains, `unknownWordsSql`), the most similar word (pg_trgm) of the titles
 * of the links passing `filters` that hold a word like it; the most frequent
 * among equals.
 */
export function correctionsSql(words: string, filters: string): string {
  return `SELECT w.word, (
      SELECT x.word
        FROM (SELECT l.title ${LINKS_WITH_ISSUES} WHERE ${filters} AND w.word <% l.title LIMIT ${CORRECTION_TITLES}) d
        CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', d.title))) AS x(word)
       WHERE x.word % w.word
       GROUP BY x.word ORDER BY max(similarity(x.word, w.word)) DESC, count(*) DESC, x.word LIMIT 1) AS correction
    FROM unnest(${words}::text[]) AS w(word)`;
}

import type { DataSource } from 'typeorm';
import type { Viewer } from '../../auth/policy';
import { SqlWhere } from '../../common/sql';
import { SqlService } from '../../db/sql-service';
import { dimensionConditions, FACET_DIMENSIONS, FacetDimension, LINKS_WITH_ISSUES, whereVisibleLinks } from '../link/link.filters';
import type { LinkFilter } from '../link/link.inputs';
import type { LinkFacetsArgs } from './search.inputs';
import { MAX_FACET_VALUES } from './search.inputs';
import type { SearchService } from './search.service';
import { searchText } from './search.service';
import { matchesSql, tsquery } from './search.sql';
import { FacetValue, LinkFacets } from './search.types';

type Counts = Omit<LinkFacets, 'correctedQuery'>;

/** How each dimension's values are named and ordered: the value and label columns, and the join giving them. */
const VALUES: Record<FacetDimension, { value: string; label: string; join: string; order: string; all?: boolean }> = {
  tags: { value: 't.slug', label: 't.name', join: 'JOIN link_tag lt ON lt.link_id = k.id JOIN tag t ON t.id = lt.tag_id', order: 'count(*) DESC, 2' },
  categories: { value: 'c.slug', label: 'c.name', join: 'JOIN category c ON c.id = k.category_id', order: 'count(*) DESC, 2' },
  kinds: { value: 'k.kind', label: 'k.kind', join: '', order: 'count(*) DESC, 2', all: true },
  newsletters: { value: 'n.slug', label: 'n.name', join: 'JOIN newsletter n ON n.id = k.newsletter_id', order: 'count(*) DESC, 2' },
  domains: { value: 'k.domain', label: 'k.domain', join: '', order: 'count(*) DESC, 2' },
  years: { value: 'k.year', label: 'k.year', join: '', order: '2 DESC', all: true },
};

/**
 * Facet counts for a link filter (and a search) in one statement: each
 * visible link is read once with a flag per filtered dimension, links failing
 * two or more dimensions are dropped, and each dimension counts the links
 * passing every flag but its own.
 */
export class FacetService extends SqlService {
  constructor(
    dataSource: DataSource,
    private readonly search: SearchService,
  ) {
    super(dataSource);
  }

  async facets({ filter, query, top }: LinkFacetsArgs, viewer: Viewer): Promise<LinkFacets> {
    const text = query === undefined || query === null ? null : searchText(query);
    const counts = await this.tally(text, filter, viewer, top);
    if (text !== null && counts.totalCount === 0) {
      const correction = await this.search.corrected(text, filter, viewer);
      const fixed = correction === null ? null : await this.tally(correction, filter, viewer, top);
      if (fixed && fixed.totalCount > 0) return { ...fixed, correctedQuery: correction };
    }
    return { ...counts, correctedQuery: null };
  }

  private async tally(text: string | null, filter: LinkFilter | undefined, viewer: Viewer, top: number): Promise<Counts> {
    const where = whereVisibleLinks(new SqlWhere(), filter, viewer);
    const source =
      text === null
        ? `${LINKS_WITH_ISSUES} WHERE ${where.condition()}`
        : `FROM (${matchesSql(tsquery(where.param(text)), where.condition())}) m
             JOIN link l ON l.id = m.id JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id`;
    const conditions = dimensionConditions(where, filter);
    const flag = (dimension: FacetDimension) => `f_${dimension}`;
    const passing = (except: FacetDimension | null) =>
      FACET_DIMENSIONS.filter((dimension) => dimension !== except).map((dimension) => `k.${flag(dimension)}`).join(' AND ');
    const limit = where.param(top);
    const branches = FACET_DIMENSIONS.map((dimension) => {
      const { value, label, join, order, all } = VALUES[dimension];
      return `(SELECT '${dimension}' AS dimension, ${value} AS value, ${label} AS label, count(*)::int AS count
                 FROM kept k ${join} WHERE ${passing(dimension)}
                GROUP BY 2, 3 ORDER BY ${order} LIMIT ${all ? MAX_FACET_VALUES : limit})`;
    });
    const rows = await this.dataSource.query<Array<{ dimension: FacetDimension | 'total' } & FacetValue>>(
      `WITH base AS MATERIALIZED (
         SELECT l.id, l.kind::text AS kind, l.domain, s.category_id, i.newsletter_id, to_char(i.date, 'YYYY') AS year,
                ${FACET_DIMENSIONS.map((dimension) => `COALESCE(${conditions[dimension]}, false) AS ${flag(dimension)}`).join(', ')}
           ${source}
       ), kept AS (
         SELECT * FROM base k WHERE ${FACET_DIMENSIONS.map((dimension) => `(NOT k.${flag(dimension)})::int`).join(' + ')} <= 1
       )
       SELECT 'total' AS dimension, '' AS value, '' AS label, count(*)::int AS count FROM kept k WHERE ${passing(null)}
       UNION ALL ${branches.join(' UNION ALL ')}`,
      where.params,
    );
    const facets: Counts = { totalCount: 0, tags: [], categories: [], kinds: [], newsletters: [], domains: [], years: [] };
    for (const { dimension, value, label, count } of rows) {
      if (dimension === 'total') facets.totalCount = count;
      else facets[dimension].push({ value, label, count });
    }
    return facets;
  }
}

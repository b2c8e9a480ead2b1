import type { Viewer } from '../../auth/policy';
import { BadUserInputError } from '../../common/errors';
import { quote } from '../../common/excerpt';
import { SqlWhere } from '../../common/sql';
import { canonicalizeUrl, isHttpUrl } from '../../content/url';
import { inCategories } from '../category/category.filters';
import { ScopeSql } from '../issue/issue.scope';
import { whereIssueScope, whereStatuses } from '../issue/issue.visibility';
import { LINK_TAGS, whereTags } from '../tag/tag.filters';
import type { LinkFilter } from './link.inputs';

/** Links with their sections and issues, aliased `l`, `s` and `i`, as every link filter expects. */
export const LINKS_WITH_ISSUES = 'FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id';

/** The dimensions of a link filter that facets count by, each as if it alone were not filtered. */
export const FACET_DIMENSIONS = ['tags', 'categories', 'kinds', 'newsletters', 'domains', 'years'] as const;
export type FacetDimension = (typeof FACET_DIMENSIONS)[number];

/** The canonical URL a `url` filter matches: canonicalised as stored URLs are; a text that is no URL is refused. */
function storyUrl(url: string): string {
  const canonical = canonicalizeUrl(url);
  if (!isHttpUrl(canonical) && !/^mailto:[^@\s]+@[^@\s]+$/i.test(canonical)) {
    throw new BadUserInputError(`filter.url ${quote(url)} is not an absolute http(s) URL; include the scheme, as in "https://example.com/post".`, {
      argumentName: 'filter',
    });
  }
  return canonical;
}

/** Domains as links store them: lower case, without `www.`. */
function normalizedDomains(domains: readonly string[]): string[] {
  return domains.map((domain) => domain.trim().toLowerCase().replace(/^www\./, ''));
}

/**
 * The condition each faceted dimension of `filter` puts on `l`, `s` and `i`
 * (TRUE where the filter sets none), parameters registered on `where`.
 * `years` is the filter's date range.
 */
export function dimensionConditions(where: SqlWhere, filter: LinkFilter | undefined): Record<FacetDimension, string> {
  const part = (add: (branch: SqlWhere) => void) => {
    const branch = where.branch();
    add(branch);
    return branch.condition();
  };
  return {
    newsletters: part((branch) => whereIssueScope(branch, { newsletters: filter?.newsletters })),
    years: part((branch) => whereIssueScope(branch, { date: filter?.date })),
    categories: filter?.categories?.length ? inCategories(where, filter.categories, 's.category_id') : 'TRUE',
    tags: part((branch) => whereTags(branch, filter?.tags, LINK_TAGS)),
    kinds: filter?.kinds?.length ? `l.kind::text = ANY(${where.param(filter.kinds)}::text[])` : 'TRUE',
    domains: filter?.domains?.length ? `l.domain = ANY(${where.param(normalizedDomains(filter.domains))}::text[])` : 'TRUE',
  };
}

/**
 * What every link read starts from: the statuses the viewer may read (published
 * only unless an editor asks), its partner scope, and the filter's sponsorship,
 * and its story URL, the filters facets do not count by.
 */
export function whereVisibleLinks(where: SqlWhere, filter: LinkFilter | undefined, viewer: Viewer): SqlWhere {
  whereStatuses(where, viewer, filter?.statuses, 'filter.statuses');
  where.and(ScopeSql.of(where, viewer.scope).link());
  if (filter?.sponsored !== undefined && filter.sponsored !== null) where.and(`l.sponsored = ${where.param(filter.sponsored)}`);
  if (filter?.url !== undefined && filter.url !== null) where.and(`l.canonical_url = ${where.param(storyUrl(filter.url))}`);
  return where;
}

/** Every condition of a link filter on `l`, `s` and `i`, visibility and scope included. */
export function whereLinks(where: SqlWhere, filter: LinkFilter | undefined, viewer: Viewer): SqlWhere {
  whereVisibleLinks(where, filter, viewer);
  for (const condition of Object.values(dimensionConditions(where, filter))) {
    if (condition !== 'TRUE') where.and(condition);
  }
  return where;
}

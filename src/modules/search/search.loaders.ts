import type { Viewer } from '../../auth/policy';
import { argumentLoader, groupByKey } from '../../common/loaders';
import type { Services } from '../../services';

/** Per-request loaders of search highlights (per query) and related links and issues (per page size), within the viewer's scope. */
export function createSearchLoaders({ search, related }: Services, { scope }: Viewer) {
  return {
    searchHighlights: argumentLoader((query: string) => query, (ids, query) => search.highlights(ids, query)),
    relatedLinks: argumentLoader(String, async (ids, first: number) => groupByKey(ids, await related.linksOf(ids, first, scope)), (links) => links.length),
    relatedIssues: argumentLoader(String, async (ids, first: number) => groupByKey(ids, await related.issuesOf(ids, first, scope)), (issues) => issues.length),
  };
}

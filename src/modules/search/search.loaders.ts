import type { Viewer } from '../../auth/policy';
import { argumentLoader, groupByKey } from '../../common/loaders';
import type { Keyed } from '../../db/hydrate';
import type { Services } from '../../services';

/**
 * A page size of related rows, and how to read ahead the relations the query
 * asks of them (prefetch.ts), once for the whole batch: the resolver of the
 * first parent that asked gives it.
 */
export interface RelatedLoad {
  first: number;
  readAhead: (rows: object[]) => Promise<void>;
}

/** Groups a batch's related rows by parent, once what the query asks of them is read ahead. */
async function relatedBatch<T extends object>(ids: readonly number[], rows: Array<Keyed<T>>, { readAhead }: RelatedLoad): Promise<T[][]> {
  await readAhead(rows.map(({ value }) => value));
  return groupByKey(ids, rows);
}

/** Per-request loaders of search highlights (per query) and related links and issues (per page size), within the viewer's scope. */
export function createSearchLoaders({ search, related }: Services, { scope }: Viewer) {
  return {
    searchHighlights: argumentLoader((query: string) => query, (ids, query) => search.highlights(ids, query)),
    relatedLinks: argumentLoader(
      ({ first }: RelatedLoad) => String(first),
      async (ids, load) => relatedBatch(ids, await related.linksOf(ids, load.first, scope), load),
      (links) => links.length,
    ),
    relatedIssues: argumentLoader(
      ({ first }: RelatedLoad) => String(first),
      async (ids, load) => relatedBatch(ids, await related.issuesOf(ids, load.first, scope), load),
      (issues) => issues.length,
    ),
  };
}

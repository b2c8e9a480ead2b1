import type { TypedDocumentString } from '../generated/graphql';
import type { LinkCard } from './pages/links';

/**
 * Search: the box in the header and /read/search appear once SEARCH is set. To
 * turn it on when the schema has `search(query, filter, first, after)`:
 * 1. save this operation as examples/operations/reader-search.graphql
 *    (adjusting its fields to the schema's search results):
 *
 *      # The reader's search page (/read/search?q=...): ranked links, 30 a page.
 *      query ReaderSearch($query: String!, $after: String) {
 *        search(query: $query, first: 30, after: $after) {
 *          totalCount
 *          pageInfo { hasNextPage endCursor }
 *          edges { node { id title url domain summary(format: TEXT) readTimeLabel kind sponsored
 *            sponsor { name } tags { slug name } issue { date newsletter { slug name } } } }
 *        }
 *      }
 *
 * 2. run `npm run codegen`;
 * 3. here: `import { ReaderSearchDocument } from '../generated/graphql';` and
 *    `export const SEARCH: SearchDocument | null = ReaderSearchDocument;`.
 * The browser test then checks the box and a search end to end.
 */

export interface SearchResult {
  search: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: LinkCard }>;
  };
}

export type SearchDocument = TypedDocumentString<SearchResult, { query: string; after?: string | null }>;

export const SEARCH: SearchDocument | null = null;

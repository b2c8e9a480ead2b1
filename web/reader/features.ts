import { ReaderSearchDocument, type TypedDocumentString } from '../generated/graphql';
import type { LinkCard } from './pages/links';

export interface SearchResult {
  search: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: LinkCard }>;
  };
}

export type SearchDocument = TypedDocumentString<SearchResult, { query: string; after?: string | null }>;

/** The search page and the header's search box (/read/search?q=...): examples/operations/reader-search.graphql. */
export const SEARCH: SearchDocument | null = ReaderSearchDocument;

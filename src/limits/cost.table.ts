import {
  MAX_LINKS_PER_ISSUE,
  MAX_LINKS_PER_SECTION,
  MAX_PLACEMENTS_PER_ISSUE,
  MAX_SECTIONS_PER_ISSUE,
  MAX_TAGS_PER_LINK,
} from '../content/limits';
import { LinkKind } from '../modules/link/link-kind';
import { MAX_RELATED } from '../modules/search/related.service';
import { MAX_FACET_VALUES } from '../modules/search/search.inputs';
import { MAX_LISTED_TOKENS } from '../modules/feed/feed-token.service';
import { SPONSOR_LIST_CAP } from '../modules/sponsor/sponsor.resolver';

/**
 * What a field costs, where the default does not fit. The default: a field
 * returning an object costs 1 for each object, a scalar 0; a list multiplies
 * its items' cost by the most items it can return.
 */
export interface FieldCost {
  /** Cost of one item (of the value, for a field that is not a list). */
  cost?: number;
  /** Most items a plain list returns; lists inside connections have the page size instead. */
  maxItems?: number;
}

/** A fixed figure for `__schema` and `__type`: the schema is small and the same for everyone. */
export const INTROSPECTION_COST = 100;

/**
 * Sizes the cost rule assumes for lists nothing else bounds: kept well above
 * what the archive holds (47 topic tags, about 30 section names, 5 newsletters).
 */
export const ASSUMED_MAX = {
  newsletters: 50,
  categories: 500,
  tags: 500,
  tagsPerIssue: 60,
  apiKeys: 1000,
} as const;

/**
 * Costs by `Type.field`; `*Connection.field` applies to every connection type.
 * A test checks that every list of objects in the schema has a size here or sits
 * in a connection, and that every entry names a field that exists.
 */
export const FIELD_COSTS: Readonly<Record<string, FieldCost>> = {
  // Relay plumbing: edges and page info are built in memory; totalCount is one COUNT query.
  '*Connection.edges': { cost: 0 },
  '*Connection.pageInfo': { cost: 0 },
  '*Connection.totalCount': { cost: 1 },

  'Query.newsletters': { maxItems: ASSUMED_MAX.newsletters },
  'Query.categories': { maxItems: ASSUMED_MAX.categories },
  'Query.tags': { maxItems: ASSUMED_MAX.tags },
  'Query.apiKeys': { maxItems: ASSUMED_MAX.apiKeys },
  'Query.feedTokens': { maxItems: MAX_LISTED_TOKENS },

  'Issue.sections': { maxItems: MAX_SECTIONS_PER_ISSUE },
  'Issue.links': { maxItems: MAX_LINKS_PER_ISSUE },
  'Issue.sponsorPlacements': { maxItems: MAX_PLACEMENTS_PER_ISSUE },
  'Issue.tags': { maxItems: ASSUMED_MAX.tagsPerIssue },
  'Section.links': { maxItems: MAX_LINKS_PER_SECTION },
  'Link.tags': { maxItems: MAX_TAGS_PER_LINK },
  // Tags an editor put on (at most a link's tags) plus taxonomy tags taken off (at most as many).
  'Link.tagDecisions': { maxItems: 2 * MAX_TAGS_PER_LINK },
  'Sponsor.links': { maxItems: SPONSOR_LIST_CAP },
  'Sponsor.placements': { maxItems: SPONSOR_LIST_CAP },

  // Related links and issues: as many as `first` asks, at most MAX_RELATED.
  'Link.related': { maxItems: MAX_RELATED },
  'Issue.related': { maxItems: MAX_RELATED },
  // Facet values: `top` of each, at most MAX_FACET_VALUES (kinds: every kind).
  'LinkFacets.tags': { maxItems: MAX_FACET_VALUES },
  'LinkFacets.categories': { maxItems: MAX_FACET_VALUES },
  'LinkFacets.kinds': { maxItems: Object.keys(LinkKind).length },
  'LinkFacets.newsletters': { maxItems: MAX_FACET_VALUES },
  'LinkFacets.domains': { maxItems: MAX_FACET_VALUES },
  'LinkFacets.years': { maxItems: MAX_FACET_VALUES },

  // Counts batched through a loader: one grouped query, a number per item.
  'Tag.linkCount': { cost: 1 },
  'Category.linkCount': { cost: 1 },
};

/** The entry for a field: its own, else the connection-wide one. */
export function fieldCost(typeName: string, fieldName: string): FieldCost | undefined {
  return (
    FIELD_COSTS[`${typeName}.${fieldName}`] ??
    (typeName.endsWith('Connection') ? FIELD_COSTS[`*Connection.${fieldName}`] : undefined)
  );
}

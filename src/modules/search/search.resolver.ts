import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { selectsOnEdges } from '../../prefetch/prefetch';
import { withReadAhead } from '../../prefetch/relations';
import { highlightHtml } from './search.highlight';
import { LinkFacetsArgs, SearchArgs } from './search.inputs';
import { LinkFacets, LinkSearchConnection, LinkSearchEdge } from './search.types';

/** The edge fields the page statement computes when the query asks for one. */
const HIGHLIGHTS = ['titleHighlight', 'summaryHighlight'];

@Resolver(() => LinkSearchEdge)
export class SearchResolver {
  @Query(() => LinkSearchConnection, {
    description: 'Links matching a full-text search, best first, with every filter of `links`; misspelled words are corrected when nothing matches.',
  })
  async search(@Args() args: SearchArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<LinkSearchConnection> {
    return withReadAhead(info, context, await context.services.search.search(args, context.viewer, { highlights: selectsOnEdges(info, HIGHLIGHTS) }));
  }

  @Query(() => LinkFacets, { description: 'How many links each value of each filter dimension would give, for a filter and optionally a search.' })
  linkFacets(@Args() args: LinkFacetsArgs, @Ctx() { services, viewer }: Context): Promise<LinkFacets> {
    return services.facets.facets(args, viewer);
  }

  @FieldResolver(() => String, { description: 'The whole title, HTML-escaped, each matched word between the highlight markers.' })
  async titleHighlight(@Root() edge: LinkSearchEdge, @Ctx() { loaders }: Context): Promise<string> {
    const marked = edge.marked ?? (await loaders.searchHighlights(edge.highlightQuery).load(edge.node.id));
    return highlightHtml(marked.title, edge.markers);
  }

  @FieldResolver(() => String, {
    description: 'The best stretch (15 to 35 words) of the plain-text summary, HTML-escaped, each matched word between the markers.',
  })
  async summaryHighlight(@Root() edge: LinkSearchEdge, @Ctx() { loaders }: Context): Promise<string> {
    const marked = edge.marked ?? (await loaders.searchHighlights(edge.highlightQuery).load(edge.node.id));
    return highlightHtml(marked.summary, edge.markers);
  }
}

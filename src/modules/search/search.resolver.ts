import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { highlightHtml } from './search.highlight';
import { LinkFacetsArgs, SearchArgs } from './search.inputs';
import { LinkFacets, LinkSearchConnection, LinkSearchEdge } from './search.types';

@Resolver(() => LinkSearchEdge)
export class SearchResolver {
  @Query(() => LinkSearchConnection, {
    description: 'Links matching a full-text search, best first, with every filter of `links`; misspelled words are corrected when nothing matches.',
  })
  search(@Args() args: SearchArgs, @Ctx() { services, viewer }: Context): Promise<LinkSearchConnection> {
    return services.search.search(args, viewer);
  }

  @Query(() => LinkFacets, { description: 'How many links each value of each filter dimension would give, for a filter and optionally a search.' })
  linkFacets(@Args() args: LinkFacetsArgs, @Ctx() { services, viewer }: Context): Promise<LinkFacets> {
    return services.facets.facets(args, viewer);
  }

  @FieldResolver(() => String, { description: 'The whole title, HTML-escaped, each matched word between the highlight markers.' })
  async titleHighlight(@Root() edge: LinkSearchEdge, @Ctx() { loaders }: Context): Promise<string> {
    const marked = await loaders.searchHighlights(edge.highlightQuery).load(edge.node.id);
    return highlightHtml(marked.title, edge.markers);
  }

  @FieldResolver(() => String, {
    description: 'The best stretch (15 to 35 words) of the plain-text summary, HTML-escaped, each matched word between the markers.',
  })
  async summaryHighlight(@Root() edge: LinkSearchEdge, @Ctx() { loaders }: Context): Promise<string> {
    const marked = await loaders.searchHighlights(edge.highlightQuery).load(edge.node.id);
    return highlightHtml(marked.summary, edge.markers);
  }
}

import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PageInfo } from '../../common/pagination';
import { Link } from '../link/link.entity';
import type { Markers } from './search.highlight';
import type { MarkedText } from './search.service';

@ObjectType({ description: 'One search result: the link, its rank and its highlighted title and summary.' })
export class LinkSearchEdge {
  @Field()
  cursor!: string;

  @Field(() => Link)
  node!: Link;

  @Field(() => Float, { description: 'Relevance: higher is better; comparable within one search only.' })
  rank!: number;

  /** The query the highlights mark (the corrected one when a correction ran), and the caller's markers. */
  highlightQuery!: string;
  markers!: Markers;
  /** The marked title and summary, when the page statement computed them (the query asked for highlights). */
  marked?: MarkedText;
}

@ObjectType({ description: 'Links matching a search, best first.' })
export class LinkSearchConnection {
  @Field(() => [LinkSearchEdge])
  edges!: LinkSearchEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'Links matching the search and the filter, across all pages.' })
  totalCount!: Promise<number>;

  @Field(() => String, {
    nullable: true,
    description: 'The query as run when the one given matched nothing and a correction of its misspelled words did; null otherwise.',
  })
  correctedQuery!: string | null;
}

@ObjectType({ description: 'One value of a facet and how many links it would give.' })
export class FacetValue {
  @Field({ description: 'What to put in the filter: a slug, a kind, a domain or a year.' })
  value!: string;

  @Field({ description: 'A name to show.' })
  label!: string;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description:
    'Counts of links per value of each dimension, each counted with every other filter applied but its own ' +
    '(so a checked value does not hide its alternatives).',
})
export class LinkFacets {
  @Field(() => Int, { description: 'Links matching every filter (and the query).' })
  totalCount!: number;

  @Field(() => [FacetValue])
  tags!: FacetValue[];

  @Field(() => [FacetValue])
  categories!: FacetValue[];

  @Field(() => [FacetValue], { description: 'Every kind with a link.' })
  kinds!: FacetValue[];

  @Field(() => [FacetValue])
  newsletters!: FacetValue[];

  @Field(() => [FacetValue])
  domains!: FacetValue[];

  @Field(() => [FacetValue], { description: 'Issue years, newest first; filter by one with `date: { from: "YYYY-01-01", to: "YYYY-12-31" }`.' })
  years!: FacetValue[];

  @Field(() => String, { nullable: true, description: 'As in search: the corrected query counted, when the one given matched nothing.' })
  correctedQuery!: string | null;
}

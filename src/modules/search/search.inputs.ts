import { IsOptional, Length, Max, Min, ValidateNested } from '../../common/validation';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination';
import { LinkFilter } from '../link/link.inputs';
import { DEFAULT_MARKERS } from './search.highlight';

export const MAX_QUERY_LENGTH = 256;
export const MAX_FACET_VALUES = 100;
const QUERY_DESCRIPTION = 'Words to find in titles, summaries and (weighing less) issue headlines: "a phrase", -excluded, `or`.';

@InputType({ description: 'What goes around each matched word in a highlight; the text itself is HTML-escaped.' })
export class HighlightInput {
  @Field({ defaultValue: DEFAULT_MARKERS.start })
  @Length(0, 64)
  start!: string;

  @Field({ defaultValue: DEFAULT_MARKERS.stop })
  @Length(0, 64)
  stop!: string;
}

@ArgsType()
export class SearchArgs extends ConnectionArgs {
  @Field({ description: QUERY_DESCRIPTION })
  @Length(1, MAX_QUERY_LENGTH)
  query!: string;

  @Field(() => LinkFilter, { nullable: true })
  @ValidateNested()
  filter?: LinkFilter;

  @Field(() => HighlightInput, { nullable: true, description: 'Markers for titleHighlight and summaryHighlight; <mark> and </mark> by default.' })
  @ValidateNested()
  highlight?: HighlightInput;
}

@ArgsType()
export class LinkFacetsArgs {
  @Field(() => LinkFilter, { nullable: true })
  @ValidateNested()
  filter?: LinkFilter;

  @Field(() => String, { nullable: true, description: `Count the links of this search only. ${QUERY_DESCRIPTION}` })
  @IsOptional()
  @Length(1, MAX_QUERY_LENGTH)
  query?: string;

  @Field(() => Int, {
    nullable: true,
    defaultValue: 10,
    description: `How many values of tags, categories, newsletters and domains, the most frequent first; at most ${MAX_FACET_VALUES}.`,
  })
  @Min(1)
  @Max(MAX_FACET_VALUES)
  top!: number;
}

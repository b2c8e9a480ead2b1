import { ArrayMaxSize, Length, ValidateNested } from '../../common/validation';
import { ArgsType, Field, InputType } from 'type-graphql';
import { IssueFilter, PageArgs } from '../issue/issue.inputs';
import { LinkKind } from './link-kind';

@InputType({ description: 'Issue filters apply to the issue of each link; categories and tags to the link itself.' })
export class LinkFilter extends IssueFilter {
  @Field(() => [LinkKind], { nullable: true })
  @ArrayMaxSize(8)
  kinds?: LinkKind[];

  @Field({ nullable: true })
  sponsored?: boolean;

  @Field(() => [String], { nullable: true, description: 'Exact domains without `www.`, e.g. `github.com`.' })
  @ArrayMaxSize(50)
  domains?: string[];

  @Field({
    nullable: true,
    description: 'Links of one story: the URL is canonicalised as stored URLs are (tracking and share parameters dropped), then matched exactly.',
  })
  @Length(1, 4096)
  url?: string;
}

@ArgsType()
export class LinksArgs extends PageArgs {
  @Field(() => LinkFilter, { nullable: true })
  @ValidateNested()
  filter?: LinkFilter;

  @Field({
    nullable: true,
    defaultValue: false,
    description:
      'Each story (canonical URL) once: its first matching link in this order stands for it, the others are in its `appearances`; `totalCount` counts stories.',
  })
  distinct!: boolean;
}

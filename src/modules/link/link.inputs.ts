import { ArrayMaxSize, ValidateNested } from 'class-validator';
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
}

@ArgsType()
export class LinksArgs extends PageArgs {
  @Field(() => LinkFilter, { nullable: true })
  @ValidateNested()
  filter?: LinkFilter;
}

import { ArrayMaxSize, IsBoolean, Length, ValidateNested } from '../../common/validation';
import { ArgsType, Field, InputType } from 'type-graphql';
import { DateOrder } from '../../common/ordering';
import { ConnectionArgs } from '../../common/pagination';
import { DateScalar } from '../../common/scalars';
import { IssueStatus } from './issue-status';

const MAX_SLUGS = 50;

@InputType({ description: 'Inclusive range of issue dates; either side may be left open.' })
export class DateRangeInput {
  @Field(() => DateScalar, { nullable: true })
  from?: string;

  @Field(() => DateScalar, { nullable: true })
  to?: string;
}

@InputType({ description: 'Tag slugs: links carrying any of `any`, all of `all`, none of `none`.' })
export class TagFilterInput {
  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(MAX_SLUGS)
  any?: string[];

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(MAX_SLUGS)
  all?: string[];

  @Field(() => [String], { nullable: true })
  @ArrayMaxSize(MAX_SLUGS)
  none?: string[];
}

@InputType()
export class IssueFilter {
  @Field(() => [String], { nullable: true, description: 'Newsletter slugs.' })
  @ArrayMaxSize(MAX_SLUGS)
  newsletters?: string[];

  @Field(() => DateRangeInput, { nullable: true })
  date?: DateRangeInput;

  @Field(() => [String], { nullable: true, description: 'Category slugs; an issue matches when one of its sections has one.' })
  @ArrayMaxSize(MAX_SLUGS)
  categories?: string[];

  @Field(() => TagFilterInput, { nullable: true, description: 'Matched against the tags of the links of each issue.' })
  @ValidateNested()
  tags?: TagFilterInput;

  @Field(() => [IssueStatus], {
    nullable: true,
    description: 'Issue statuses to read; PUBLISHED when left out. DRAFT and SCHEDULED need an EDITOR or ADMIN key.',
  })
  @ArrayMaxSize(3)
  statuses?: IssueStatus[];
}

@ArgsType()
export class PageArgs extends ConnectionArgs {
  @Field(() => DateOrder, { nullable: true, defaultValue: DateOrder.NEWEST_FIRST })
  orderBy!: DateOrder;
}

@ArgsType()
export class IssuesArgs extends PageArgs {
  @Field(() => IssueFilter, { nullable: true })
  @ValidateNested()
  filter?: IssueFilter;
}

@ArgsType()
export class IssueArgs {
  @Field({ description: 'Newsletter slug.' })
  @Length(1, 64)
  newsletter!: string;

  @Field(() => DateScalar)
  date!: string;

  @Field({
    defaultValue: false,
    description: 'Return the issue whatever its status (a draft or scheduled issue included). Needs an EDITOR or ADMIN key.',
  })
  @IsBoolean()
  preview!: boolean;
}

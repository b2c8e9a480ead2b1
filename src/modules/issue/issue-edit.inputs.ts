import { Length, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar } from '../../common/scalars';

@InputType({ description: 'A new issue, created as a DRAFT.' })
export class CreateIssueInput {
  @Field({ description: 'Newsletter slug.' })
  @Length(1, 64)
  newsletter!: string;

  @Field(() => DateScalar)
  date!: string;

  @Field()
  @Length(1, 500)
  headline!: string;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateIssueInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version the editor last saw; a stale one gets CONFLICT.' })
  @Min(1)
  expectedVersion!: number;

  @Field({ nullable: true })
  @Length(1, 500)
  headline?: string;

  @Field(() => DateScalar, { nullable: true })
  date?: string;

  @Field({ nullable: true, description: 'Newsletter slug: moves the issue to another newsletter.' })
  @Length(1, 64)
  newsletter?: string;
}

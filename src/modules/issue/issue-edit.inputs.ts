import { Length, MaxDate, Min, MinDate } from '../../common/validation';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
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

/** An issue and the version the editor last saw: what every status change and deletion names. */
@InputType()
abstract class IssueVersionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'The version the editor last saw; a stale one gets CONFLICT.' })
  @Min(1)
  expectedVersion!: number;
}

/** How far ahead an issue may be scheduled; further is almost surely a typo in the year. */
const MAX_SCHEDULE_AHEAD_MS = 5 * 366 * 86_400_000;

@InputType({ description: 'Deletes an issue with its sections, links and placements. Editors: drafts and scheduled issues only.' })
export class DeleteIssueInput extends IssueVersionInput {}

@InputType({ description: 'Publishes an issue now.' })
export class PublishIssueInput extends IssueVersionInput {}

@InputType({ description: 'Schedules a draft (or reschedules a scheduled issue) to be published at `publishAt`.' })
export class ScheduleIssueInput extends IssueVersionInput {
  @Field({ description: 'When the issue goes public; must be in the future (at most five years ahead).' })
  @MinDate(() => new Date(), { message: 'publishAt must be in the future' })
  @MaxDate(() => new Date(Date.now() + MAX_SCHEDULE_AHEAD_MS), { message: 'publishAt must be at most five years ahead' })
  publishAt!: Date;
}

@InputType({ description: 'Takes a published or scheduled issue back to DRAFT.' })
export class UnpublishIssueInput extends IssueVersionInput {}

@ObjectType({ description: 'What deleteIssue removed.' })
export class DeleteIssuePayload {
  @Field(() => ID, { description: 'The id the deleted issue had.' })
  deletedId!: string;
}

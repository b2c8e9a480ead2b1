import { IsOptional, Length } from '../../common/validation';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { ConnectionArgs } from '../../common/pagination';

@InputType({ description: 'Every condition given must hold.' })
export class AuditLogFilter {
  @Field({ nullable: true, description: 'Entity type: ISSUE, SECTION, LINK, PLACEMENT, SPONSOR, NEWSLETTER, CATEGORY, TAG, API_KEY.' })
  @IsOptional()
  @Length(1, 32)
  entity?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  entityId?: string;

  @Field(() => ID, { nullable: true, description: 'Entries about this issue or anything inside it.' })
  @IsOptional()
  issueId?: string;

  @Field({
    nullable: true,
    description: 'An actor kind (API_KEY, ADMIN_TOKEN, CLI, SYSTEM), `key:<id>` for one key, or an actor name as recorded.',
  })
  @IsOptional()
  @Length(1, 200)
  actor?: string;

  @Field({ nullable: true, description: 'An action such as updateLink, publishIssue, importIssue, retag.' })
  @IsOptional()
  @Length(1, 64)
  action?: string;

  @Field(() => Date, { nullable: true, description: 'Entries at or after this time.' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Entries before this time.' })
  to?: Date;
}

@ArgsType()
export class AuditLogArgs extends ConnectionArgs {
  @Field(() => AuditLogFilter, { nullable: true })
  filter?: AuditLogFilter;
}

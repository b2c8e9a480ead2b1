import { Field, ID, InputType, Int } from 'type-graphql';
import { IsOptional, Length, Matches, Max, MaxLength, Min, NotNull } from '../../common/validation';

const EXPECTED_VERSION = 'The version of the issue the editor last saw; a stale one gets CONFLICT.';
const NOT_BLANK = /\S/;

@InputType({ description: 'A new section of an issue.' })
export class AddSectionInput {
  @Field(() => ID)
  issueId!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(1)
  expectedVersion!: number;

  @Field()
  @Length(1, 500)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field(() => String, { nullable: true })
  @MaxLength(32)
  emoji?: string | null;

  @Field(() => String, { nullable: true, description: 'Slug of an existing category.' })
  @Length(1, 128)
  category?: string | null;

  @Field(() => Int, { nullable: true, description: 'Where to insert it, from 0; left out, the section goes last.' })
  @Min(0)
  @Max(100_000)
  position?: number | null;
}

@InputType({ description: 'Fields left out stay as they are; emoji and category set to null are cleared.' })
export class UpdateSectionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true, description: 'Cannot be cleared.' })
  @NotNull()
  @Length(1, 500)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string;

  @Field(() => String, { nullable: true, description: 'null clears it.' })
  @IsOptional()
  @MaxLength(32)
  emoji?: string | null;

  @Field(() => String, { nullable: true, description: 'Slug of an existing category; null clears it.' })
  @IsOptional()
  @Length(1, 128)
  category?: string | null;
}

@InputType({ description: 'Moves a section within its issue; the others close up around it.' })
export class MoveSectionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(1)
  expectedVersion!: number;

  @Field(() => Int, { description: 'Its new position, from 0 to the number of sections minus one.' })
  @Min(0)
  @Max(100_000)
  position!: number;
}

@InputType({ description: 'Deletes a section with its links; the sections after it move up.' })
export class DeleteSectionInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(1)
  expectedVersion!: number;
}

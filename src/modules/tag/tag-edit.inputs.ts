import { Length, Matches } from '../../common/validation';
import { Field, ID, InputType } from 'type-graphql';
import { NOT_BLANK, SLUG_MESSAGE, SLUG_PATTERN } from '../../content/slug';

@InputType({ description: 'A new tag. Its slug may not be in use, as a current slug or an old one (an alias).' })
export class CreateTagInput {
  @Field()
  @Length(1, 64)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug!: string;

  @Field()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;
}

@InputType({ description: 'Fields left out stay as they are. A changed slug stays as an alias of the tag.' })
export class UpdateTagInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  @Length(1, 64)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string;

  @Field({ nullable: true })
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;
}

@InputType({ description: 'Moves the source tag\'s links to the target, deletes the source and keeps its slug as an alias of the target.' })
export class MergeTagsInput {
  @Field({ description: 'Current slug of the tag merged away.' })
  @Length(1, 64)
  sourceSlug!: string;

  @Field({ description: 'Current slug of the tag that remains.' })
  @Length(1, 64)
  targetSlug!: string;
}

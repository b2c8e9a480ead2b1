import { Length, Matches } from '../../common/validation';
import { Field, ID, InputType } from 'type-graphql';
import { NOT_BLANK, SLUG_MESSAGE, SLUG_PATTERN } from '../../content/slug';

@InputType({ description: 'A new category. Its slug may not be in use, as a current slug or an old one (an alias).' })
export class CreateCategoryInput {
  @Field()
  @Length(1, 128)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug!: string;

  @Field()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;
}

@InputType({ description: 'Fields left out stay as they are. A changed slug stays as an alias of the category.' })
export class UpdateCategoryInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  @Length(1, 128)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string;

  @Field({ nullable: true })
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;
}

@InputType({ description: 'Moves the source category\'s sections to the target, deletes the source and keeps its slug as an alias of the target.' })
export class MergeCategoriesInput {
  @Field({ description: 'Current slug of the category merged away.' })
  @Length(1, 128)
  sourceSlug!: string;

  @Field({ description: 'Current slug of the category that remains.' })
  @Length(1, 128)
  targetSlug!: string;
}

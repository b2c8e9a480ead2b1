import { Length, Matches, MaxLength } from '../../common/validation';
import { Field, ID, InputType } from 'type-graphql';
import { NOT_BLANK, SLUG_MESSAGE, SLUG_PATTERN } from '../../content/slug';

@InputType({ description: 'A new newsletter; it is public once it has a published issue.' })
export class CreateNewsletterInput {
  @Field({ description: 'Short name used in filters and imports, e.g. `ai`.' })
  @Length(1, 64)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug!: string;

  @Field()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  tagline?: string | null;
}

@InputType({ description: 'Fields left out stay as they are; `tagline: null` clears the tagline.' })
export class UpdateNewsletterInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true, description: 'A new slug; the old one stops working (newsletter slugs keep no aliases).' })
  @Length(1, 64)
  @Matches(SLUG_PATTERN, { message: SLUG_MESSAGE })
  slug?: string;

  @Field({ nullable: true })
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;

  @Field(() => String, { nullable: true })
  @MaxLength(500)
  tagline?: string | null;
}

import { Field, ID, InputType, Int } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Length, Matches, Max, MaxLength, Min, NotNull, ValidateBy } from '../../common/validation';
import { isHttpUrl } from '../../content/url';
import { MAX_TAGS_PER_LINK } from '../../content/limits';

const EXPECTED_VERSION = 'The version of the issue the editor last saw; a stale one gets CONFLICT.';
const NOT_BLANK = /\S/;
const LABEL =
  'As the newsletter prints it after the title ("8 minute read", "GitHub Repo", "Sponsor"): minutes, kind and sponsorship are derived from it.';

/** An absolute http(s) URL with a host, read as the importer reads URLs. */
function IsHttpUrl(): PropertyDecorator {
  return ValidateBy({
    name: 'isHttpUrl',
    validator: {
      validate: (value) => typeof value === 'string' && isHttpUrl(value),
      defaultMessage: () => 'url must be an absolute http or https URL',
    },
  });
}

@InputType({ description: 'A new link; canonical URL, domain, kind, minutes, sponsorship and tags are derived as the importer derives them.' })
export class AddLinkInput {
  @Field(() => ID)
  sectionId!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(1)
  expectedVersion!: number;

  @Field({ description: 'Absolute http(s) URL, stored as given.' })
  @MaxLength(4096)
  @IsHttpUrl()
  url!: string;

  @Field()
  @Length(1, 500)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field({ description: 'Markdown, up to 10,000 characters; may be empty.' })
  @MaxLength(10_000)
  summary!: string;

  @Field(() => String, { nullable: true, description: LABEL })
  @MaxLength(100)
  label?: string | null;

  @Field(() => Int, { nullable: true, description: 'Where to insert it in the section, from 0; left out, the link goes last.' })
  @Min(0)
  @Max(100_000)
  position?: number | null;
}

@InputType({ description: 'Fields left out stay as they are; label set to null is cleared. Derived fields and tags follow.' })
export class UpdateLinkInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(1)
  expectedVersion!: number;

  @Field(() => String, { nullable: true })
  @NotNull()
  @MaxLength(4096)
  @IsHttpUrl()
  url?: string;

  @Field(() => String, { nullable: true })
  @NotNull()
  @Length(1, 500)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string;

  @Field(() => String, { nullable: true })
  @NotNull()
  @MaxLength(10_000)
  summary?: string;

  @Field(() => String, { nullable: true, description: `${LABEL} null clears it.` })
  @IsOptional()
  @MaxLength(100)
  label?: string | null;
}

@InputType({ description: 'Moves a link within its section or to another section of the same issue.' })
export class MoveLinkInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(1)
  expectedVersion!: number;

  @Field(() => ID, { nullable: true, description: 'The section to move it to (of the same issue); left out, its own.' })
  sectionId?: string | null;

  @Field(() => Int, { description: 'Its new position in that section, from 0.' })
  @Min(0)
  @Max(100_000)
  position!: number;
}

@InputType({ description: 'Deletes a link; the links after it move up.' })
export class DeleteLinkInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(1)
  expectedVersion!: number;
}

@InputType({ description: "Sets a link's tags to exactly these; the choice is the editor's and survives retag and re-imports." })
export class SetLinkTagsInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: EXPECTED_VERSION })
  @Min(1)
  expectedVersion!: number;

  @Field(() => [String], { description: 'Tag slugs, at most 20; an empty list removes every tag.' })
  @ArrayMaxSize(MAX_TAGS_PER_LINK)
  @Length(1, 64, { each: true })
  tags!: string[];
}

import { IsUrl, Length, Matches, MaxLength, Min } from '../../common/validation';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NOT_BLANK } from '../../content/slug';
import { HTTP_URL, URL_MESSAGE } from './sponsor-edit.inputs';

const VERSION = { description: 'The issue\'s version the editor last saw; a stale one gets CONFLICT.' };

@InputType({ description: 'A sponsor block added to an issue.' })
export class AddPlacementInput {
  @Field(() => ID)
  issueId!: string;

  @Field(() => Int, VERSION)
  @Min(1)
  expectedVersion!: number;

  @Field(() => ID)
  sponsorId!: string;

  @Field()
  @Length(1, 500)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title!: string;

  @Field({ description: 'Markdown.' })
  @MaxLength(20_000)
  body!: string;

  @Field()
  @MaxLength(2000)
  @IsUrl(HTTP_URL, { message: URL_MESSAGE })
  url!: string;

  @Field(() => Int, { nullable: true, description: 'From 0; later placements move down one. Left out: after the last.' })
  @Min(0)
  position?: number;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdatePlacementInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, VERSION)
  @Min(1)
  expectedVersion!: number;

  @Field({ nullable: true })
  @Length(1, 500)
  @Matches(NOT_BLANK, { message: 'title must not be blank' })
  title?: string;

  @Field({ nullable: true, description: 'Markdown.' })
  @MaxLength(20_000)
  body?: string;

  @Field({ nullable: true })
  @MaxLength(2000)
  @IsUrl(HTTP_URL, { message: URL_MESSAGE })
  url?: string;

  @Field(() => ID, { nullable: true })
  sponsorId?: string;
}

@InputType()
export class RemovePlacementInput {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, VERSION)
  @Min(1)
  expectedVersion!: number;
}

@InputType({ description: 'Credits a link to a sponsor, or (sponsorId null) to none.' })
export class SetLinkSponsorInput {
  @Field(() => ID)
  linkId!: string;

  @Field(() => Int, VERSION)
  @Min(1)
  expectedVersion!: number;

  @Field(() => ID, { nullable: true, description: 'Also sets `sponsored`: true with a sponsor, false with null.' })
  sponsorId?: string | null;
}

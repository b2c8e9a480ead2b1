import { IsUrl, Length, Matches, MaxLength } from '../../common/validation';
import { Field, ID, InputType } from 'type-graphql';
import { NOT_BLANK } from '../../content/slug';

/** A host name with at least one dot, any case (it is stored lower-cased, without `www.`). */
const DOMAIN = /^\s*(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z][a-z0-9-]*\s*$/i;
const DOMAIN_MESSAGE = 'domain must be a host name such as "example.com"';
export const HTTP_URL = { protocols: ['http', 'https'], require_protocol: true };
export const URL_MESSAGE = 'url must be an absolute http(s) URL';

@InputType({ description: 'A new sponsor, identified by its domain.' })
export class CreateSponsorInput {
  @Field()
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name!: string;

  @Field({ description: 'Stored lower-cased without `www.`; no two sponsors share one.' })
  @Length(1, 255)
  @Matches(DOMAIN, { message: DOMAIN_MESSAGE })
  domain!: string;

  @Field()
  @MaxLength(2000)
  @IsUrl(HTTP_URL, { message: URL_MESSAGE })
  url!: string;
}

@InputType({ description: 'Fields left out stay as they are.' })
export class UpdateSponsorInput {
  @Field(() => ID)
  id!: string;

  @Field({ nullable: true })
  @Length(1, 200)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;

  @Field({ nullable: true })
  @Length(1, 255)
  @Matches(DOMAIN, { message: DOMAIN_MESSAGE })
  domain?: string;

  @Field({ nullable: true })
  @MaxLength(2000)
  @IsUrl(HTTP_URL, { message: URL_MESSAGE })
  url?: string;
}

@InputType({ description: 'Moves the source sponsor\'s links and placements to the target and deletes the source.' })
export class MergeSponsorsInput {
  @Field(() => ID)
  sourceId!: string;

  @Field(() => ID)
  targetId!: string;
}

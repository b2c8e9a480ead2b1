import { ArrayMaxSize, ArrayNotEmpty, IsOptional, Length, ValidateNested } from '../../common/validation';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { ApiKey } from './api-key.entity';
import { Role } from './role';

/** The most slugs one side of a scope may list, as for the read filters. */
const MAX_SCOPE_SLUGS = 50;

@InputType({
  description: 'Limits a PARTNER key to links of these newsletters and/or links carrying one of these tags. A side left out (or null) has no limit.',
})
export class ApiKeyScopeInput {
  @Field(() => [String], { nullable: true, description: 'Newsletter slugs; the key keeps them through a rename.' })
  @IsOptional()
  @ArrayNotEmpty({ message: 'newsletters must not be empty: leave it out for no newsletter limit' })
  @ArrayMaxSize(MAX_SCOPE_SLUGS)
  @Length(1, 64, { each: true })
  newsletters?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Tag slugs, current or old (an alias left by a merge or rename).' })
  @IsOptional()
  @ArrayNotEmpty({ message: 'tags must not be empty: leave it out for no tag limit' })
  @ArrayMaxSize(MAX_SCOPE_SLUGS)
  @Length(1, 64, { each: true })
  tags?: string[] | null;
}

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'Who or what the key is for.' })
  @Length(1, 200)
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => Date, { nullable: true, description: 'When the key stops working; never when left out.' })
  expiresAt?: Date;

  @Field(() => ApiKeyScopeInput, { nullable: true, description: 'PARTNER keys only: what the key may read. Left out: all published content.' })
  @IsOptional()
  @ValidateNested()
  scope?: ApiKeyScopeInput | null;
}

@InputType({ description: "Replaces a PARTNER key's scope; a null or left-out scope lifts every limit." })
export class SetApiKeyScopeInput {
  @Field(() => ID)
  id!: string;

  @Field(() => ApiKeyScopeInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  scope?: ApiKeyScopeInput | null;
}

@ObjectType({ description: 'What a PARTNER key may read: links within every side that is set.' })
export class ApiKeyScope {
  @Field(() => [String], { nullable: true, description: 'Current slugs of the newsletters; null: no newsletter limit.' })
  newsletters!: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Tag slugs as set (old ones still name their tag); null: no tag limit.' })
  tags!: string[] | null;
}

@ObjectType({ description: 'A new key with its secret: the only time the secret is ever shown.' })
export class CreatedApiKey {
  @Field(() => ApiKey)
  key!: ApiKey;

  @Field({ description: 'Send it as "Authorization: Bearer <secret>". Store it now: it cannot be shown again.' })
  secret!: string;
}

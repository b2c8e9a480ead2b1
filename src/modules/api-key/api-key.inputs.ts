import { Length } from 'class-validator';
import { Field, InputType, ObjectType } from 'type-graphql';
import { ApiKey } from './api-key.entity';
import { Role } from './role';

@InputType()
export class CreateApiKeyInput {
  @Field({ description: 'Who or what the key is for.' })
  @Length(1, 200)
  name!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => Date, { nullable: true, description: 'When the key stops working; never when left out.' })
  expiresAt?: Date;
}

@ObjectType({ description: 'A new key with its secret: the only time the secret is ever shown.' })
export class CreatedApiKey {
  @Field(() => ApiKey)
  key!: ApiKey;

  @Field({ description: 'Send it as "Authorization: Bearer <secret>". Store it now: it cannot be shown again.' })
  secret!: string;
}

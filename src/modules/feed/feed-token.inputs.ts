import { Length } from '../../common/validation';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { FeedToken } from './feed-token.entity';

@InputType()
export class CreateFeedTokenInput {
  @Field(() => ID, { description: 'The PARTNER key whose read scope the token carries.' })
  apiKeyId!: string;

  @Field({ description: 'What the token is for ("Feedly, security team").' })
  @Length(1, 200)
  name!: string;
}

@ObjectType({ description: 'A new feed token with its secret: the only time the secret is ever shown.' })
export class CreatedFeedToken {
  @Field(() => FeedToken)
  token!: FeedToken;

  @Field({ description: 'Add it to feed URLs as `?token=<secret>`. Store it now: it cannot be shown again.' })
  secret!: string;
}

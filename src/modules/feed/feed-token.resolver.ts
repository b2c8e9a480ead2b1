import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/policy';
import { parseId } from '../../common/ids';
import type { Context } from '../../context';
import { Role } from '../api-key/role';
import { FeedToken } from './feed-token.entity';
import { CreatedFeedToken, CreateFeedTokenInput } from './feed-token.inputs';

/** Admins give PARTNER keys feed tokens (read-only secrets for feed URLs) and revoke them. */
@Resolver(() => FeedToken)
export class FeedTokenResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [FeedToken], { description: "A key's feed tokens, newest first (at most 100), revoked ones included; never a secret (admins)." })
  feedTokens(@Arg('apiKeyId', () => ID) apiKeyId: string, @Ctx() { services }: Context): Promise<FeedToken[]> {
    return services.feedTokens.list(parseId(apiKeyId, 'apiKeyId'));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedFeedToken, { description: 'Creates a feed token for a PARTNER key and returns its secret, once (admins).' })
  createFeedToken(@Arg('input') input: CreateFeedTokenInput, @Ctx() { services, viewer }: Context): Promise<CreatedFeedToken> {
    const apiKeyId = parseId(input.apiKeyId, 'apiKeyId');
    return services.feedTokens.create({ apiKeyId, name: input.name }, requireRole(viewer, Role.ADMIN));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => FeedToken, { description: 'Revokes a feed token at once (admins). Revoking its key stops it too. Revoking twice is harmless.' })
  revokeFeedToken(@Arg('id', () => ID) id: string, @Ctx() { services, viewer }: Context): Promise<FeedToken> {
    return services.feedTokens.revoke(parseId(id, 'id'), requireRole(viewer, Role.ADMIN));
  }
}

import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { requireRole } from '../../auth/policy';
import { parseId } from '../../common/ids';
import type { Context } from '../../context';
import { ApiKey } from './api-key.entity';
import { scopeSlugsOf } from './api-key.service';
import { ApiKeyScope, CreateApiKeyInput, CreatedApiKey, SetApiKeyScopeInput } from './api-key.inputs';
import { Role } from './role';

/** Admins manage keys over GraphQL as `npm run keys` does on the command line. */
@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized(Role.ADMIN)
  @Query(() => [ApiKey], { description: 'Every key, revoked and expired ones included; never a secret (admins).' })
  apiKeys(@Ctx() { services }: Context): Promise<ApiKey[]> {
    return services.apiKeys.list();
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'Creates a key and returns its secret, once (admins).' })
  createApiKey(@Arg('input') input: CreateApiKeyInput, @Ctx() { services, viewer }: Context): Promise<CreatedApiKey> {
    return services.apiKeys.create(input, requireRole(viewer, Role.ADMIN));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey, { description: 'Revokes a key at once, for every process (admins). Revoking twice is harmless.' })
  revokeApiKey(@Arg('id', () => ID) id: string, @Ctx() { services, viewer }: Context): Promise<ApiKey> {
    return services.apiKeys.revoke(parseId(id, 'id'), requireRole(viewer, Role.ADMIN));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => ApiKey, {
    description: "Replaces a PARTNER key's scope, or lifts it with a null scope; applies from the key's next request (admins).",
  })
  setApiKeyScope(@Arg('input') input: SetApiKeyScopeInput, @Ctx() { services, viewer }: Context): Promise<ApiKey> {
    return services.apiKeys.setScope(parseId(input.id, 'id'), input.scope, requireRole(viewer, Role.ADMIN));
  }

  @Authorized(Role.ADMIN)
  @FieldResolver(() => ApiKeyScope, { nullable: true, description: 'What a PARTNER key may read; null: all published content (admins).' })
  scope(@Root() key: ApiKey): ApiKeyScope | null {
    return scopeSlugsOf(key);
  }
}

import { Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Tag } from './tag.entity';
import type { RootOf } from '../../common/root';

@Resolver(() => Tag)
export class TagResolver {
  @Query(() => [Tag])
  tags(@Ctx() { services, viewer }: Context): Promise<Tag[]> {
    return services.tags.all(viewer.scope);
  }

  @FieldResolver(() => Int, { description: 'Links in published issues; for a scoped partner key, only links within its scope.' })
  linkCount(@Root() tag: RootOf<Tag>, @Ctx() { loaders }: Context) {
    return loaders.tagLinkCount.load(tag.id);
  }

  @FieldResolver(() => [String], { description: 'Old slugs (of tags merged into this one, or before a rename) that filters still accept.' })
  aliases(@Root() tag: RootOf<Tag>, @Ctx() { loaders }: Context) {
    return loaders.tagAliases.load(tag.id);
  }
}

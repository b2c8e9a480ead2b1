import { Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Category } from './category.entity';
import type { RootOf } from '../../common/root';

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category])
  categories(@Ctx() { services, viewer }: Context): Promise<Category[]> {
    return services.categories.all(viewer.scope);
  }

  @FieldResolver(() => Int, { description: 'Links in published issues; for a scoped partner key, only links within its scope.' })
  linkCount(@Root() category: RootOf<Category>, @Ctx() { loaders }: Context) {
    return loaders.categoryLinkCount.load(category.id);
  }

  @FieldResolver(() => [String], { description: 'Old slugs (of categories merged into this one, or before a rename) that filters still accept.' })
  aliases(@Root() category: RootOf<Category>, @Ctx() { loaders }: Context) {
    return loaders.categoryAliases.load(category.id);
  }
}

import { Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Category } from './category.entity';

@Resolver(() => Category)
export class CategoryResolver {
  @Query(() => [Category])
  categories(@Ctx() { services }: Context): Promise<Category[]> {
    return services.categories.all();
  }

  @FieldResolver(() => Int, { description: 'Links in published issues.' })
  linkCount(@Root() category: Category, @Ctx() { loaders }: Context) {
    return loaders.categoryLinkCount.load(category.id);
  }

  @FieldResolver(() => [String], { description: 'Old slugs (of categories merged into this one, or before a rename) that filters still accept.' })
  aliases(@Root() category: Category, @Ctx() { loaders }: Context) {
    return loaders.categoryAliases.load(category.id);
  }
}

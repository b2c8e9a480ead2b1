import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/policy';
import type { Context } from '../../context';
import { Role } from '../api-key/role';
import { Category } from './category.entity';
import { CreateCategoryInput, MergeCategoriesInput, UpdateCategoryInput } from './category-edit.inputs';

/** Editors' and admins' writes to the category catalog. */
@Resolver(() => Category)
export class CategoryEditResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Category, { description: 'Creates a category (editors and admins).' })
  createCategory(@Arg('input') input: CreateCategoryInput, @Ctx() { services, viewer }: Context): Promise<Category> {
    return services.categoryEdits.create(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Category, { description: 'Renames a category; its old slug stays as an alias (editors and admins).' })
  updateCategory(@Arg('input') input: UpdateCategoryInput, @Ctx() { services, viewer }: Context): Promise<Category> {
    return services.categoryEdits.update(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Category, { description: 'Merges one category into another and returns the one that remains (editors and admins).' })
  mergeCategories(@Arg('input') input: MergeCategoriesInput, @Ctx() { services, viewer }: Context): Promise<Category> {
    return services.categoryEdits.merge(input, requireRole(viewer, Role.EDITOR));
  }
}

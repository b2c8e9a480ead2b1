import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Category } from '../category/category.entity';
import { Link } from '../link/link.entity';
import { Section } from './section.entity';

@Resolver(() => Section)
export class SectionResolver {
  @FieldResolver(() => Category, { nullable: true })
  category(@Root() section: Section, @Ctx() { loaders }: Context) {
    return section.categoryId === null ? null : loaders.categoryById.load(section.categoryId);
  }

  @FieldResolver(() => [Link])
  links(@Root() section: Section, @Ctx() { loaders }: Context) {
    return loaders.linksBySection.load(section.id);
  }
}

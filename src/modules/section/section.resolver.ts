import type { GraphQLResolveInfo } from 'graphql';
import { Ctx, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Category } from '../category/category.entity';
import { Issue } from '../issue/issue.entity';
import { Link } from '../link/link.entity';
import { Section } from './section.entity';
import type { RootOf } from '../../common/root';

@Resolver(() => Section)
export class SectionResolver {
  @FieldResolver(() => Category, { nullable: true })
  category(@Root() section: RootOf<Section>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    const categoryId = section.categoryId;
    return prefetched.or(section, info, () => (categoryId === null ? null : loaders.categoryById.load(categoryId)));
  }

  @FieldResolver(() => Issue, { description: 'The issue the section belongs to: after an edit, its new version.' })
  issue(@Root() section: RootOf<Section>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    return prefetched.or(section, info, () => loaders.issueById.load(section.issueId));
  }

  @FieldResolver(() => [Link])
  links(@Root() section: RootOf<Section>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    return prefetched.or(section, info, () => loaders.linksBySection.load(section.id));
  }
}

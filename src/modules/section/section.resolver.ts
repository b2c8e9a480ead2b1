import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Category } from '../category/category.entity';
import { Issue } from '../issue/issue.entity';
import { Link } from '../link/link.entity';
import { Section } from './section.entity';

@Resolver(() => Section)
export class SectionResolver {
  @FieldResolver(() => Category, { nullable: true })
  category(@Root() section: Section, @Ctx() { loaders }: Context) {
    return section.categoryId === null ? null : loaders.categoryById.load(section.categoryId);
  }

  @FieldResolver(() => Issue, { description: 'The issue the section belongs to: after an edit, its new version.' })
  issue(@Root() section: Section, @Ctx() { loaders }: Context) {
    return loaders.issueById.load(section.issueId);
  }

  @FieldResolver(() => [Link])
  links(@Root() section: Section, @Ctx() { loaders }: Context) {
    return loaders.linksBySection.load(section.id);
  }
}

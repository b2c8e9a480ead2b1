import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Connection, ConnectionArgs, Page } from '../../common/pagination';
import type { Context } from '../../context';
import { Link } from './link.entity';

const LinkConnection = Connection(Link, 'Link');

/** Stories: links sharing a canonical URL are one story, and each link shows where else it appeared. */
@Resolver(() => Link)
export class LinkStoryResolver {
  @FieldResolver(() => LinkConnection, {
    description:
      'The other links of this story (the same canonical URL) in published issues, newest first: where else it appeared, with its issue, newsletter and date.',
  })
  appearances(@Root() link: Link, @Args() args: ConnectionArgs, @Ctx() { loaders }: Context): Promise<Page<Link>> {
    return loaders.appearancePages(args).load(link.id);
  }
}

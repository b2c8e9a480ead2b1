import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Newsletter } from './newsletter.entity';

@Resolver(() => Newsletter)
export class NewsletterResolver {
  @Query(() => [Newsletter])
  newsletters(@Ctx() { services, viewer }: Context): Promise<Newsletter[]> {
    return services.newsletters.all(viewer.scope);
  }

  @Query(() => Newsletter, { nullable: true })
  newsletter(@Arg('slug') slug: string, @Ctx() { services, viewer }: Context): Promise<Newsletter | null> {
    return services.newsletters.bySlug(slug, viewer.scope);
  }
}

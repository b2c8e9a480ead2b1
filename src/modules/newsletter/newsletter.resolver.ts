import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../context';
import { Newsletter } from './newsletter.entity';

@Resolver(() => Newsletter)
export class NewsletterResolver {
  @Query(() => [Newsletter])
  newsletters(@Ctx() { services }: Context): Promise<Newsletter[]> {
    return services.newsletters.all();
  }

  @Query(() => Newsletter, { nullable: true })
  newsletter(@Arg('slug') slug: string, @Ctx() { services }: Context): Promise<Newsletter | null> {
    return services.newsletters.bySlug(slug);
  }
}

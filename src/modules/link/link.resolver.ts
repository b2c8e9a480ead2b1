import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Connection, Page } from '../../common/pagination';
import { TextFormat } from '../../common/text-format';
import { formatSummary } from '../../content/summary';
import type { Context } from '../../context';
import { selects } from '../../prefetch/prefetch';
import { withReadAhead } from '../../prefetch/relations';
import { Issue } from '../issue/issue.entity';
import { Section } from '../section/section.entity';
import { Sponsor } from '../sponsor/sponsor.entity';
import { Tag } from '../tag/tag.entity';
import { Link } from './link.entity';
import { LinksArgs } from './link.inputs';
import type { RootOf } from '../../common/root';

const LinkConnection = Connection(Link, 'Link');

@Resolver(() => Link)
export class LinkResolver {
  @Query(() => LinkConnection, {
    description: 'Links of published issues (other statuses on request, editors and admins): newest issue first, then reading order.',
  })
  async links(@Args() args: LinksArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Page<Link>> {
    return withReadAhead(info, context, await context.services.links.list(args, context.viewer, { total: selects(info, 'totalCount') }));
  }

  @FieldResolver(() => String, { description: 'Markdown as printed, unless `format` asks for sanitised HTML or plain text.' })
  summary(@Root() link: RootOf<Link>, @Arg('format', () => TextFormat, { defaultValue: TextFormat.MARKDOWN }) format: TextFormat): string {
    return formatSummary(link.summary, format);
  }

  @FieldResolver(() => Section)
  section(@Root() link: RootOf<Link>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    return prefetched.or(link, info, () => loaders.sectionById.load(link.sectionId));
  }

  @FieldResolver(() => Issue)
  issue(@Root() link: RootOf<Link>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    return prefetched.or(link, info, async () => {
      const section = await loaders.sectionById.load(link.sectionId);
      return section && loaders.issueById.load(section.issueId);
    });
  }

  @FieldResolver(() => [Tag])
  tags(@Root() link: RootOf<Link>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    return prefetched.or(link, info, () => loaders.tagsByLink.load(link.id));
  }

  @FieldResolver(() => Sponsor, { nullable: true })
  sponsor(@Root() link: RootOf<Link>, @Ctx() { loaders, prefetched }: Context, @Info() info: GraphQLResolveInfo) {
    const sponsorId = link.sponsorId;
    return prefetched.or(link, info, () => (sponsorId === null ? null : loaders.sponsorById.load(sponsorId)));
  }
}

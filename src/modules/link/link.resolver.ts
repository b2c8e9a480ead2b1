import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Connection, Page } from '../../common/pagination';
import { TextFormat } from '../../common/text-format';
import { formatSummary } from '../../content/summary';
import type { Context } from '../../context';
import { Issue } from '../issue/issue.entity';
import { Section } from '../section/section.entity';
import { Sponsor } from '../sponsor/sponsor.entity';
import { Tag } from '../tag/tag.entity';
import { Link } from './link.entity';
import { LinksArgs } from './link.inputs';

const LinkConnection = Connection(Link, 'Link');

@Resolver(() => Link)
export class LinkResolver {
  @Query(() => LinkConnection, {
    description: 'Links of published issues (other statuses on request, editors and admins): newest issue first, then reading order.',
  })
  links(@Args() args: LinksArgs, @Ctx() { services, viewer }: Context): Promise<Page<Link>> {
    return services.links.list(args, viewer);
  }

  @FieldResolver(() => String, { description: 'Markdown as printed, unless `format` asks for sanitised HTML or plain text.' })
  summary(@Root() link: Link, @Arg('format', () => TextFormat, { defaultValue: TextFormat.MARKDOWN }) format: TextFormat): string {
    return formatSummary(link.summary, format);
  }

  @FieldResolver(() => Section)
  section(@Root() link: Link, @Ctx() { loaders }: Context) {
    return loaders.sectionById.load(link.sectionId);
  }

  @FieldResolver(() => Issue)
  async issue(@Root() link: Link, @Ctx() { loaders }: Context) {
    const section = await loaders.sectionById.load(link.sectionId);
    return section && loaders.issueById.load(section.issueId);
  }

  @FieldResolver(() => [Tag])
  tags(@Root() link: Link, @Ctx() { loaders }: Context) {
    return loaders.tagsByLink.load(link.id);
  }

  @FieldResolver(() => Sponsor, { nullable: true })
  sponsor(@Root() link: Link, @Ctx() { loaders }: Context) {
    return link.sponsorId === null ? null : loaders.sponsorById.load(link.sponsorId);
  }
}

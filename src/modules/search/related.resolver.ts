import { Max, Min } from '../../common/validation';
import type { GraphQLResolveInfo } from 'graphql';
import { Args, ArgsType, Ctx, Field, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context';
import { Issue } from '../issue/issue.entity';
import { Link } from '../link/link.entity';
import { DEFAULT_RELATED, MAX_RELATED } from './related.service';
import type { RootOf } from '../../common/root';
import { readAhead } from '../../prefetch/relations';

@ArgsType()
class RelatedArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_RELATED, description: `At most ${MAX_RELATED}.` })
  @Min(1)
  @Max(MAX_RELATED)
  first!: number;
}

@Resolver(() => Link)
export class LinkRelatedResolver {
  @FieldResolver(() => [Link], {
    description: 'Links on the same topic from other issues (shared tags, then shared words), never the same story; published only.',
  })
  related(@Root() link: RootOf<Link>, @Args() { first }: RelatedArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Link[]> {
    return context.loaders.relatedLinks({ first, readAhead: (rows) => readAhead(info, context, rows) }).load(link.id);
  }
}

@Resolver(() => Issue)
export class IssueRelatedResolver {
  @FieldResolver(() => [Issue], { description: 'Other published issues on the same topics (the tags of their links, then headline words).' })
  related(@Root() issue: RootOf<Issue>, @Args() { first }: RelatedArgs, @Ctx() context: Context, @Info() info: GraphQLResolveInfo): Promise<Issue[]> {
    return context.loaders.relatedIssues({ first, readAhead: (rows) => readAhead(info, context, rows) }).load(issue.id);
  }
}

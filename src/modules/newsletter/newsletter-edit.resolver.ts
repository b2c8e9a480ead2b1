import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { requireRole } from '../../auth/policy';
import type { Context } from '../../context';
import { Role } from '../api-key/role';
import { Newsletter } from './newsletter.entity';
import { CreateNewsletterInput, UpdateNewsletterInput } from './newsletter-edit.inputs';

/** Editors' and admins' writes to newsletters. */
@Resolver(() => Newsletter)
export class NewsletterEditResolver {
  @Authorized(Role.EDITOR)
  @Mutation(() => Newsletter, { description: 'Creates a newsletter (editors and admins).' })
  createNewsletter(@Arg('input') input: CreateNewsletterInput, @Ctx() { services, viewer }: Context): Promise<Newsletter> {
    return services.newsletterEdits.create(input, requireRole(viewer, Role.EDITOR));
  }

  @Authorized(Role.EDITOR)
  @Mutation(() => Newsletter, { description: 'Changes a newsletter\'s slug, name or tagline (editors and admins).' })
  updateNewsletter(@Arg('input') input: UpdateNewsletterInput, @Ctx() { services, viewer }: Context): Promise<Newsletter> {
    return services.newsletterEdits.update(input, requireRole(viewer, Role.EDITOR));
  }
}

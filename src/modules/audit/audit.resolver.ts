import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Connection, Page } from '../../common/pagination';
import type { Context } from '../../context';
import { Role } from '../api-key/role';
import { AuditEntry } from './audit-entry.entity';
import { AuditLogArgs } from './audit.inputs';

const AuditEntryConnection = Connection(AuditEntry, 'AuditEntry');

@Resolver(() => AuditEntry)
export class AuditResolver {
  @Authorized(Role.ADMIN)
  @Query(() => AuditEntryConnection, { description: 'Every write, newest first (admins).' })
  auditLog(@Args() args: AuditLogArgs, @Ctx() { services }: Context): Promise<Page<AuditEntry>> {
    return services.auditLog.list(args);
  }
}

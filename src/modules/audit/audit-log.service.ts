import { decodeCursor, encodeCursor, Page, toPage } from '../../common/pagination';
import { parseId } from '../../common/ids';
import { SqlWhere } from '../../common/sql';
import { SqlService } from '../../db/sql-service';
import { AuditEntry } from './audit-entry.entity';
import { AuditLogArgs, AuditLogFilter } from './audit.inputs';

const ACTOR_KINDS = new Set(['API_KEY', 'ADMIN_TOKEN', 'CLI', 'SYSTEM']);

/** Reads the audit trail for admins, newest entry first. */
export class AuditLogService extends SqlService {
  async list({ filter, first, after }: AuditLogArgs): Promise<Page<AuditEntry>> {
    const where = filtered(filter);
    const countSql = `SELECT count(*) AS n FROM audit_entry a ${where}`;
    const countParams = [...where.params];
    const tag = 'audit';
    if (after) {
      const [id] = decodeCursor(after, tag, ['int']);
      where.and(`a.id < ${where.param(id)}::int`);
    }
    const rows = await this.rows(AuditEntry, `SELECT a.* FROM audit_entry a ${where} ORDER BY a.id DESC LIMIT ${first + 1}`, where.params);
    return toPage(rows, first, Boolean(after), (entry) => encodeCursor(tag, [entry.id]), () => this.count(countSql, countParams));
  }
}

function filtered(filter: AuditLogFilter | undefined): SqlWhere {
  const where = new SqlWhere();
  if (filter?.entity) where.and(`a.entity_type = ${where.param(filter.entity.toUpperCase())}`);
  if (filter?.entityId) where.and(`a.entity_id = ${where.param(parseId(filter.entityId, 'filter.entityId'))}`);
  if (filter?.issueId) where.and(`a.issue_id = ${where.param(parseId(filter.issueId, 'filter.issueId'))}`);
  if (filter?.action) where.and(`a.action = ${where.param(filter.action)}`);
  if (filter?.from) where.and(`a.at >= ${where.param(filter.from)}`);
  if (filter?.to) where.and(`a.at < ${where.param(filter.to)}`);
  const actor = filter?.actor;
  if (actor) {
    const key = /^key:(.+)$/.exec(actor);
    if (key) where.and(`a.actor_key_id = ${where.param(parseId(key[1], 'filter.actor'))}`);
    else if (ACTOR_KINDS.has(actor)) where.and(`a.actor_kind = ${where.param(actor)}`);
    else where.and(`a.actor_name = ${where.param(actor)}`);
  }
  return where;
}

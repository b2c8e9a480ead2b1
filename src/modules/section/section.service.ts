import { SqlWhere } from '../../common/sql';
import { Keyed } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { ReadScope, ScopeSql } from '../issue/issue.scope';
import { Section } from './section.entity';

/** Reads sections; callers reach them only through issues already checked for visibility. */
export class SectionService extends SqlService {
  /** Sections of each issue; a scoped partner sees only those holding an in-scope link. */
  byIssueIds(issueIds: readonly number[], scope: ReadScope | null, fields?: Iterable<string>): Promise<Array<Keyed<Section>>> {
    const where = new SqlWhere();
    where.and(`s.issue_id = ANY(${where.param(issueIds)}::int[])`);
    const scoped = ScopeSql.of(where, scope);
    const from = scoped.limited ? 'FROM section s JOIN issue i ON i.id = s.issue_id' : 'FROM section s';
    return this.readKeyed(
      `SELECT ${this.columns(Section, 's', fields)}, s.issue_id AS key ${from} ${where.and(scoped.section())} ORDER BY s.issue_id, s.position`,
      where.params,
      Section,
    );
  }

  /** Sections by id; for a scoped partner, only those holding an in-scope link. */
  byIds(ids: readonly number[], scope: ReadScope | null, fields?: Iterable<string>): Promise<Section[]> {
    const where = new SqlWhere();
    where.and(`s.id = ANY(${where.param(ids)}::int[])`);
    const scoped = ScopeSql.of(where, scope);
    const from = scoped.limited ? 'FROM section s JOIN issue i ON i.id = s.issue_id' : 'FROM section s';
    return this.read(`SELECT ${this.columns(Section, 's', fields)} ${from} ${where.and(scoped.section())}`, where.params, Section);
  }
}

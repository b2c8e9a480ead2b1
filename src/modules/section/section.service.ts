import { Keyed } from '../../db/hydrate';
import { SqlService } from '../../db/sql-service';
import { Section } from './section.entity';

/** Reads sections; callers reach them only through issues already checked for visibility. */
export class SectionService extends SqlService {
  byIssueIds(issueIds: readonly number[]): Promise<Array<Keyed<Section>>> {
    return this.keyed(
      Section,
      'SELECT s.*, s.issue_id AS key FROM section s WHERE s.issue_id = ANY($1::int[]) ORDER BY s.issue_id, s.position',
      [issueIds],
    );
  }

  byIds(ids: readonly number[]): Promise<Section[]> {
    return this.rows(Section, 'SELECT * FROM section WHERE id = ANY($1::int[])', [ids]);
  }
}

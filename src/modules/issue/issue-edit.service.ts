import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { BadUserInputError } from '../../common/errors';
import { parseId } from '../../common/ids';
import { hydrate } from '../../db/hydrate';
import { Edit, runEdit } from '../../editing/edit';
import { changedFields } from '../audit/audit.service';
import { Issue } from './issue.entity';
import { CreateIssueInput, UpdateIssueInput } from './issue-edit.inputs';

/** Writes issues themselves (not their content): create, update. Every call is one transaction with its audit entry. */
export class IssueEditService {
  constructor(private readonly dataSource: DataSource) {}

  create(input: CreateIssueInput, actor: Actor): Promise<Issue> {
    return runEdit(this.dataSource, actor, async (edit) => {
      const newsletterId = await newsletterIdOf(edit, input.newsletter);
      const [row] = await edit.query(
        `INSERT INTO issue (newsletter_id, date, headline, status, version) VALUES ($1, $2::date, $3, 'DRAFT', 1)
         ON CONFLICT (newsletter_id, date) DO NOTHING RETURNING *`,
        [newsletterId, input.date, input.headline.trim()],
      );
      if (!row) throw duplicateDate(input.newsletter, input.date);
      const issue = this.hydrate(row);
      edit.audit({
        action: 'createIssue',
        entityType: 'ISSUE',
        entityId: issue.id,
        issueId: issue.id,
        changes: changedFields({}, { newsletter: input.newsletter, date: input.date, headline: issue.headline, status: issue.status }),
      });
      return issue;
    });
  }

  update(input: UpdateIssueInput, actor: Actor): Promise<Issue> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      await edit.touchIssue(id, input.expectedVersion);
      const [before] = await edit.query('SELECT i.*, n.slug AS newsletter FROM issue i JOIN newsletter n ON n.id = i.newsletter_id WHERE i.id = $1', [id]);
      const newsletterId = input.newsletter === undefined ? before.newsletter_id : await newsletterIdOf(edit, input.newsletter);
      const rows = await edit.query(
        `UPDATE issue SET headline = COALESCE($2, headline), date = COALESCE($3::date, date), newsletter_id = $4
          WHERE id = $1 AND NOT EXISTS (
            SELECT 1 FROM issue o WHERE o.newsletter_id = $4 AND o.date = COALESCE($3::date, issue.date) AND o.id <> $1)
          RETURNING *`,
        [id, input.headline?.trim() ?? null, input.date ?? null, newsletterId],
      );
      if (!rows.length) throw duplicateDate(input.newsletter ?? before.newsletter, input.date ?? before.date);
      const issue = this.hydrate(rows[0]);
      edit.audit({
        action: 'updateIssue',
        entityType: 'ISSUE',
        entityId: id,
        issueId: id,
        changes: changedFields(
          { headline: before.headline, date: before.date, newsletter: before.newsletter },
          { headline: issue.headline, date: issue.date, newsletter: input.newsletter ?? before.newsletter },
        ),
      });
      return issue;
    });
  }

  private hydrate(row: Record<string, unknown>): Issue {
    return hydrate(this.dataSource, Issue, [row])[0];
  }
}

/** The id of a newsletter by slug; an unknown slug is the caller's mistake, named by field. */
export async function newsletterIdOf(edit: Edit, slug: string): Promise<number> {
  const [row] = await edit.query<{ id: number }>('SELECT id FROM newsletter WHERE slug = $1', [slug]);
  if (!row) throw new BadUserInputError(`No newsletter has the slug "${slug.slice(0, 64)}".`, { field: 'newsletter' });
  return row.id;
}

function duplicateDate(newsletter: string, date: string): BadUserInputError {
  return new BadUserInputError(`Newsletter "${newsletter}" already has an issue on ${date}.`, { field: 'date' });
}

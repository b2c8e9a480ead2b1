import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { BadUserInputError, ForbiddenError } from '../../common/errors';
import { parseId } from '../../common/ids';
import { hydrate } from '../../db/hydrate';
import { Edit, runEdit } from '../../editing/edit';
import { changedFields } from '../audit/audit.service';
import { IssueStatus } from './issue-status';
import { Issue } from './issue.entity';
import {
  CreateIssueInput,
  DeleteIssueInput,
  DeleteIssuePayload,
  PublishIssueInput,
  ScheduleIssueInput,
  UnpublishIssueInput,
  UpdateIssueInput,
} from './issue-edit.inputs';

/** What an editor is told when deleting a published issue, which only admins may do. */
const DELETE_PUBLISHED_REFUSED = (id: number) =>
  `Issue ${id} is published: unpublish it first (it becomes a draft an editor may delete), or ask an admin to delete it.`;

/** A status change asked of an issue in a status it does not apply to; null when it applies. */
type StatusRule = (status: IssueStatus, id: number) => string | null;

const PUBLISHABLE: StatusRule = (status, id) => (status === IssueStatus.PUBLISHED ? `Issue ${id} is already published.` : null);
const SCHEDULABLE: StatusRule = (status, id) =>
  status === IssueStatus.PUBLISHED ? `Issue ${id} is published: unpublish it first, then schedule it.` : null;
const UNPUBLISHABLE: StatusRule = (status, id) => (status === IssueStatus.DRAFT ? `Issue ${id} is already a draft.` : null);

/**
 * Writes issues themselves (not their content): create, update, delete and the
 * publishing workflow. Every call is one transaction with its audit entry.
 */
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

  /** Deletes the issue and, by cascade, its sections, links, link tags and placements; editors only drafts and scheduled issues. */
  remove(input: DeleteIssueInput, actor: Actor, mayDeletePublished: boolean): Promise<DeleteIssuePayload> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      await edit.touchIssue(id, input.expectedVersion);
      const [before] = await edit.query(
        `SELECT i.headline, i.date, i.status, i.publish_at, i.published_at, n.slug AS newsletter,
                (SELECT count(*)::int FROM section s WHERE s.issue_id = i.id) AS sections,
                (SELECT count(*)::int FROM link l JOIN section s ON s.id = l.section_id WHERE s.issue_id = i.id) AS links,
                (SELECT count(*)::int FROM sponsor_placement p WHERE p.issue_id = i.id) AS placements
           FROM issue i JOIN newsletter n ON n.id = i.newsletter_id WHERE i.id = $1`,
        [id],
      );
      if (before.status === IssueStatus.PUBLISHED && !mayDeletePublished) throw new ForbiddenError(DELETE_PUBLISHED_REFUSED(id));
      await edit.query('DELETE FROM issue WHERE id = $1', [id]);
      const { newsletter, date, headline, status } = before;
      edit.audit({
        action: 'deleteIssue',
        entityType: 'ISSUE',
        entityId: id,
        issueId: id,
        changes: changedFields(
          { newsletter, date, headline, status, ...publication(before) },
          { newsletter: null, date: null, headline: null, status: null, publishAt: null, publishedAt: null },
        ),
        summary: { sections: before.sections, links: before.links, placements: before.placements },
      });
      return { deletedId: String(id) };
    });
  }

  /** Publishes now; the first publication's time is kept as `publishedAt` when an issue is published again. */
  publish(input: PublishIssueInput, actor: Actor): Promise<Issue> {
    const assignments = `status = 'PUBLISHED', published_at = COALESCE(published_at, now()), publish_at = NULL`;
    return this.changeStatus(input, actor, 'publishIssue', PUBLISHABLE, assignments, []);
  }

  schedule(input: ScheduleIssueInput, actor: Actor): Promise<Issue> {
    return this.changeStatus(input, actor, 'scheduleIssue', SCHEDULABLE, `status = 'SCHEDULED', publish_at = $2`, [input.publishAt]);
  }

  /** Back to DRAFT from PUBLISHED or SCHEDULED; `publishedAt` is kept as the record of the first publication. */
  unpublish(input: UnpublishIssueInput, actor: Actor): Promise<Issue> {
    return this.changeStatus(input, actor, 'unpublishIssue', UNPUBLISHABLE, `status = 'DRAFT', publish_at = NULL`, []);
  }

  /** One status change: version check, the rule for the current status, the update, an audit entry of the publication fields. */
  private changeStatus(
    input: { id: string; expectedVersion: number },
    actor: Actor,
    action: string,
    rule: StatusRule,
    assignments: string,
    params: unknown[],
  ): Promise<Issue> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      await edit.touchIssue(id, input.expectedVersion);
      const [before] = await edit.query('SELECT status, publish_at, published_at FROM issue WHERE id = $1', [id]);
      const refusal = rule(before.status, id);
      if (refusal) throw new BadUserInputError(refusal, { field: 'id' });
      const [row] = await edit.query(`UPDATE issue SET ${assignments} WHERE id = $1 RETURNING *`, [id, ...params]);
      const issue = this.hydrate(row);
      edit.audit({
        action,
        entityType: 'ISSUE',
        entityId: id,
        issueId: id,
        changes: changedFields(
          { status: before.status, ...publication(before) },
          { status: issue.status, ...publication(row) },
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

/** The publication times of a raw issue row, as the audit trail records them (ISO strings or null). */
export function publication(row: { publish_at?: Date | null; published_at?: Date | null }) {
  return { publishAt: row.publish_at?.toISOString() ?? null, publishedAt: row.published_at?.toISOString() ?? null };
}

function duplicateDate(newsletter: string, date: string): BadUserInputError {
  return new BadUserInputError(`Newsletter "${newsletter}" already has an issue on ${date}.`, { field: 'date' });
}

import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { BadUserInputError, NotFoundError } from '../../common/errors';
import { parseId } from '../../common/ids';
import { hydrate } from '../../db/hydrate';
import { checkPosition, createdFields, deletedFields } from '../../editing/changes';
import { Edit, runEdit } from '../../editing/edit';
import { requireRoomFor } from '../../editing/limits';
import { insertAt, layOut, orderedIds, PLACEMENTS } from '../../editing/positions';
import { changedFields } from '../audit/audit.service';
import { Issue } from '../issue/issue.entity';
import { Link } from '../link/link.entity';
import { SponsorPlacement } from './sponsor-placement.entity';
import { AddPlacementInput, RemovePlacementInput, SetLinkSponsorInput, UpdatePlacementInput } from './placement-edit.inputs';

interface PlacementRow {
  id: number;
  issue_id: number;
  position: number;
  title: string;
  body: string;
  url: string;
  sponsor_id: number;
}

/**
 * Writes the sponsor credits inside an issue: its placements (kept at
 * positions 0..n-1) and the sponsor of a link. Each call checks and bumps the
 * issue's version and writes its audit entry in one transaction.
 */
export class PlacementEditService {
  constructor(private readonly dataSource: DataSource) {}

  add(input: AddPlacementInput, actor: Actor): Promise<SponsorPlacement> {
    const issueId = parseId(input.issueId, 'issueId');
    const sponsorId = parseId(input.sponsorId, 'sponsorId');
    return runEdit(this.dataSource, actor, async (edit) => {
      await edit.touchIssue(issueId, input.expectedVersion);
      await requireSponsor(edit, sponsorId);
      await requireRoomFor(edit, 'addPlacement', issueId, null, 'issueId');
      const ids = await orderedIds(edit, PLACEMENTS, issueId);
      const position = input.position ?? ids.length;
      checkPosition(position, ids.length);
      const [{ id }] = await edit.query<{ id: number }>(
        `INSERT INTO sponsor_placement (issue_id, position, title, body, url, sponsor_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [issueId, ids.length, input.title.trim(), input.body, input.url.trim(), sponsorId],
      );
      if (position < ids.length) await layOut(edit, PLACEMENTS, [{ parentId: issueId, ids: insertAt(ids, id, position) }]);
      const [row] = await edit.query<PlacementRow>('SELECT * FROM sponsor_placement WHERE id = $1', [id]);
      edit.audit({ action: 'addPlacement', entityType: 'SPONSOR_PLACEMENT', entityId: id, issueId, changes: createdFields(fieldsOf(row)) });
      return this.placement(row);
    });
  }

  update(input: UpdatePlacementInput, actor: Actor): Promise<SponsorPlacement> {
    const id = parseId(input.id, 'id');
    const sponsorId = input.sponsorId == null ? null : parseId(input.sponsorId, 'sponsorId');
    return runEdit(this.dataSource, actor, async (edit) => {
      const before = await placementOf(edit, id, input.expectedVersion);
      if (sponsorId !== null) await requireSponsor(edit, sponsorId);
      const [row] = await edit.query<PlacementRow>(
        'UPDATE sponsor_placement SET title = $2, body = $3, url = $4, sponsor_id = $5 WHERE id = $1 RETURNING *',
        [id, input.title?.trim() ?? before.title, input.body ?? before.body, input.url?.trim() ?? before.url, sponsorId ?? before.sponsor_id],
      );
      edit.audit({
        action: 'updatePlacement',
        entityType: 'SPONSOR_PLACEMENT',
        entityId: id,
        issueId: row.issue_id,
        changes: changedFields(fieldsOf(before), fieldsOf(row)),
      });
      return this.placement(row);
    });
  }

  /** Removes the placement, closes the gap it leaves and returns its issue at the new version. */
  remove(input: RemovePlacementInput, actor: Actor): Promise<Issue> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      const before = await placementOf(edit, id, input.expectedVersion);
      await edit.query('DELETE FROM sponsor_placement WHERE id = $1', [id]);
      await layOut(edit, PLACEMENTS, [{ parentId: before.issue_id, ids: await orderedIds(edit, PLACEMENTS, before.issue_id) }]);
      edit.audit({
        action: 'removePlacement',
        entityType: 'SPONSOR_PLACEMENT',
        entityId: id,
        issueId: before.issue_id,
        changes: deletedFields(fieldsOf(before)),
      });
      const [issue] = await edit.query('SELECT * FROM issue WHERE id = $1', [before.issue_id]);
      return hydrate(this.dataSource, Issue, [issue])[0];
    });
  }

  /** Credits the link to a sponsor and marks it sponsored; null clears both. */
  setLinkSponsor(input: SetLinkSponsorInput, actor: Actor): Promise<Link> {
    const linkId = parseId(input.linkId, 'linkId');
    if (input.sponsorId === undefined) {
      throw new BadUserInputError('sponsorId is required: a sponsor\'s id, or null for none.', { field: 'sponsorId' });
    }
    const sponsorId = input.sponsorId === null ? null : parseId(input.sponsorId, 'sponsorId');
    return runEdit(this.dataSource, actor, async (edit) => {
      const [link] = await edit.query<{ issue_id: number }>(
        'SELECT s.issue_id FROM link l JOIN section s ON s.id = l.section_id WHERE l.id = $1',
        [linkId],
      );
      if (!link) throw new NotFoundError('Link', linkId, 'linkId');
      await edit.touchIssue(link.issue_id, input.expectedVersion);
      if (sponsorId !== null) await requireSponsor(edit, sponsorId);
      const [before] = await edit.query('SELECT sponsor_id, sponsored FROM link WHERE id = $1', [linkId]);
      const [row] = await edit.query('UPDATE link SET sponsor_id = $2, sponsored = $3 WHERE id = $1 RETURNING *', [
        linkId,
        sponsorId,
        sponsorId !== null,
      ]);
      edit.audit({
        action: 'setLinkSponsor',
        entityType: 'LINK',
        entityId: linkId,
        issueId: link.issue_id,
        changes: changedFields(
          { sponsorId: before.sponsor_id, sponsored: before.sponsored },
          { sponsorId: row.sponsor_id, sponsored: row.sponsored },
        ),
      });
      return hydrate(this.dataSource, Link, [row])[0];
    });
  }

  private placement(row: PlacementRow): SponsorPlacement {
    return hydrate(this.dataSource, SponsorPlacement, [{ ...row }])[0];
  }
}

/** The placement, after its issue's version was checked and bumped (so nothing else changes it meanwhile). */
async function placementOf(edit: Edit, id: number, expectedVersion: number): Promise<PlacementRow> {
  const [found] = await edit.query<{ issue_id: number }>('SELECT issue_id FROM sponsor_placement WHERE id = $1', [id]);
  if (!found) throw new NotFoundError('Sponsor placement', id, 'id');
  await edit.touchIssue(found.issue_id, expectedVersion);
  const [row] = await edit.query<PlacementRow>('SELECT * FROM sponsor_placement WHERE id = $1', [id]);
  if (!row) throw new NotFoundError('Sponsor placement', id, 'id');
  return row;
}

/** Checks the sponsor exists and keeps it from being merged away or deleted until this write commits. */
async function requireSponsor(edit: Edit, sponsorId: number): Promise<void> {
  const [row] = await edit.query('SELECT id FROM sponsor WHERE id = $1 FOR KEY SHARE', [sponsorId]);
  if (!row) throw new NotFoundError('Sponsor', sponsorId, 'sponsorId');
}

function fieldsOf(row: PlacementRow) {
  return { position: row.position, title: row.title, body: row.body, url: row.url, sponsorId: row.sponsor_id };
}

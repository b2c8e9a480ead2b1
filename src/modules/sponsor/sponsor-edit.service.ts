import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { BadUserInputError, NotFoundError } from '../../common/errors';
import { parseId } from '../../common/ids';
import { hydrate } from '../../db/hydrate';
import { auditIssues, IssueTally, touchIssues } from '../../editing/bulk';
import { Edit, runEdit } from '../../editing/edit';
import { unlessTaken } from '../../editing/unique';
import { changedFields } from '../audit/audit.service';
import { Sponsor } from './sponsor.entity';
import { CreateSponsorInput, MergeSponsorsInput, UpdateSponsorInput } from './sponsor-edit.inputs';

interface SponsorRow {
  id: number;
  name: string;
  domain: string;
  url: string;
}

/**
 * Writes sponsors. A sponsor is shared by issues, not part of one: create and
 * update take no expected version; a merge bumps every issue it changes.
 */
export class SponsorEditService {
  constructor(private readonly dataSource: DataSource) {}

  create(input: CreateSponsorInput, actor: Actor): Promise<Sponsor> {
    const domain = normalizeDomain(input.domain);
    return runEdit(this.dataSource, actor, async (edit) => {
      const [row] = await edit.query<SponsorRow>(
        'INSERT INTO sponsor (name, domain, url) VALUES ($1, $2, $3) ON CONFLICT (domain) DO NOTHING RETURNING *',
        [input.name.trim(), domain, input.url.trim()],
      );
      if (!row) throw domainTaken(domain);
      edit.audit({
        action: 'createSponsor',
        entityType: 'SPONSOR',
        entityId: row.id,
        changes: changedFields({}, { name: row.name, domain: row.domain, url: row.url }),
      });
      return this.hydrate(row);
    });
  }

  update(input: UpdateSponsorInput, actor: Actor): Promise<Sponsor> {
    const id = parseId(input.id, 'id');
    const domain = input.domain ? normalizeDomain(input.domain) : null;
    return runEdit(this.dataSource, actor, async (edit) => {
      const [before] = await edit.query<SponsorRow>('SELECT * FROM sponsor WHERE id = $1 FOR UPDATE', [id]);
      if (!before) throw new NotFoundError('Sponsor', id, 'id');
      const [row] = await unlessTaken(
        edit.query<SponsorRow>('UPDATE sponsor SET name = $2, domain = $3, url = $4 WHERE id = $1 RETURNING *', [
          id,
          input.name?.trim() ?? before.name,
          domain ?? before.domain,
          input.url?.trim() ?? before.url,
        ]),
        () => domainTaken(domain ?? before.domain),
      );
      edit.audit({ action: 'updateSponsor', entityType: 'SPONSOR', entityId: id, changes: changedFields(pick(before), pick(row)) });
      return this.hydrate(row);
    });
  }

  /** Moves the source's sponsored links and placements to the target, deletes the source; one audit entry per changed issue. */
  merge(input: MergeSponsorsInput, actor: Actor): Promise<Sponsor> {
    const sourceId = parseId(input.sourceId, 'sourceId');
    const targetId = parseId(input.targetId, 'targetId');
    if (sourceId === targetId) throw new BadUserInputError('A sponsor cannot be merged into itself.', { field: 'targetId' });
    return runEdit(this.dataSource, actor, async (edit) => {
      const tally = new IssueTally(['linksMoved', 'placementsMoved']);
      await touchIssues(edit, tally, await issuesCrediting(edit, sourceId));
      // Locked after the issues (as single edits lock them), so a placement or link credit cannot slip in meanwhile.
      const locked = await edit.query<SponsorRow>('SELECT * FROM sponsor WHERE id = ANY($1::int[]) ORDER BY id FOR UPDATE', [
        [sourceId, targetId],
      ]);
      const source = locked.find((row) => row.id === sourceId);
      const target = locked.find((row) => row.id === targetId);
      if (!source) throw new NotFoundError('Sponsor', sourceId, 'sourceId');
      if (!target) throw new NotFoundError('Sponsor', targetId, 'targetId');
      const links = await edit.query<{ issue_id: number }>(
        `UPDATE link l SET sponsor_id = $2 FROM section s WHERE s.id = l.section_id AND l.sponsor_id = $1 RETURNING s.issue_id`,
        [sourceId, targetId],
      );
      const placements = await edit.query<{ issue_id: number }>(
        'UPDATE sponsor_placement SET sponsor_id = $2 WHERE sponsor_id = $1 RETURNING issue_id',
        [sourceId, targetId],
      );
      for (const row of links) tally.add(row.issue_id, 'linksMoved');
      for (const row of placements) tally.add(row.issue_id, 'placementsMoved');
      await edit.query('DELETE FROM sponsor WHERE id = $1', [sourceId]);
      await auditIssues(edit, 'mergeSponsors', tally, { source: source.domain, target: target.domain });
      edit.audit({
        action: 'mergeSponsors',
        entityType: 'SPONSOR',
        entityId: targetId,
        summary: { source, target: target.domain, ...tally.totals() },
      });
      return this.hydrate(target);
    });
  }

  private hydrate(row: SponsorRow): Sponsor {
    return hydrate(this.dataSource, Sponsor, [{ ...row }])[0];
  }
}

/** Issues with a link or placement crediting the sponsor. */
async function issuesCrediting(edit: Edit, sponsorId: number): Promise<number[]> {
  const rows = await edit.query<{ issue_id: number }>(
    `SELECT s.issue_id FROM link l JOIN section s ON s.id = l.section_id WHERE l.sponsor_id = $1
     UNION SELECT issue_id FROM sponsor_placement WHERE sponsor_id = $1`,
    [sponsorId],
  );
  return rows.map((row) => row.issue_id);
}

/** `WWW.Example.COM ` → `example.com`: how sponsor domains are stored and compared. */
function normalizeDomain(domain: string): string {
  return domain.trim().toLowerCase().replace(/^www\./, '');
}

function pick({ name, domain, url }: SponsorRow) {
  return { name, domain, url };
}

function domainTaken(domain: string): BadUserInputError {
  return new BadUserInputError(`Another sponsor has the domain "${domain}".`, { field: 'domain' });
}

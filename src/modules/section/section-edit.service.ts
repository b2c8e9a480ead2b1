import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { BadUserInputError, NotFoundError } from '../../common/errors';
import { parseId } from '../../common/ids';
import { hydrate, Row } from '../../db/hydrate';
import { checkPosition, createdFields, deletedFields } from '../../editing/changes';
import { Edit, runEdit } from '../../editing/edit';
import { requireRoomFor } from '../../editing/limits';
import { insertAt, layOut, orderedIds, SECTIONS } from '../../editing/positions';
import { changedFields } from '../audit/audit.service';
import { Issue } from '../issue/issue.entity';
import { Section } from './section.entity';
import { AddSectionInput, DeleteSectionInput, MoveSectionInput, UpdateSectionInput } from './section-edit.inputs';
import { idOfSlug } from '../../common/slug-aliases';

/** A section row with its category's slug, as the audit trail records it. */
interface SectionRow extends Row {
  id: number;
  issue_id: number;
  position: number;
  title: string | null;
  emoji: string | null;
  category_id: number | null;
  category: string | null;
}

/** Writes sections of an issue: add, update, move, delete. Each call is one transaction that bumps the issue's version. */
export class SectionEditService {
  constructor(private readonly dataSource: DataSource) {}

  add(input: AddSectionInput, actor: Actor): Promise<Section> {
    const issueId = parseId(input.issueId, 'issueId');
    return runEdit(this.dataSource, actor, async (edit) => {
      await edit.touchIssue(issueId, input.expectedVersion);
      await requireRoomFor(edit, 'addSection', issueId, null, 'issueId');
      const category = input.category ? await categoryBySlug(edit, input.category) : null;
      const ids = await orderedIds(edit, SECTIONS, issueId);
      const position = input.position ?? ids.length;
      checkPosition(position, ids.length);
      const [{ id }] = await edit.query<{ id: number }>(
        `INSERT INTO section (issue_id, position, title, emoji, category_id)
         VALUES ($1, (SELECT COALESCE(max(position) + 1, 0) FROM section WHERE issue_id = $1), $2, $3, $4) RETURNING id`,
        [issueId, input.title.trim(), emojiOf(input.emoji), category?.id ?? null],
      );
      if (position < ids.length) await layOut(edit, SECTIONS, [{ parentId: issueId, ids: insertAt(ids, id, position) }]);
      const after = await sectionRow(edit, id);
      edit.audit({ action: 'addSection', entityType: 'SECTION', entityId: id, issueId, changes: createdFields(audited(after)) });
      return this.hydrate(after);
    });
  }

  update(input: UpdateSectionInput, actor: Actor): Promise<Section> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      const before = await lockedSection(edit, id, input.expectedVersion);
      const categoryId =
        input.category === undefined ? before.category_id : input.category === null ? null : (await categoryBySlug(edit, input.category)).id;
      await edit.query('UPDATE section SET title = $2, emoji = $3, category_id = $4 WHERE id = $1', [
        id,
        input.title === undefined ? before.title : input.title.trim(),
        input.emoji === undefined ? before.emoji : emojiOf(input.emoji),
        categoryId,
      ]);
      const after = await sectionRow(edit, id);
      edit.audit({
        action: 'updateSection',
        entityType: 'SECTION',
        entityId: id,
        issueId: before.issue_id,
        changes: changedFields(audited(before), audited(after)),
      });
      return this.hydrate(after);
    });
  }

  move(input: MoveSectionInput, actor: Actor): Promise<Section> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      const before = await lockedSection(edit, id, input.expectedVersion);
      const others = (await orderedIds(edit, SECTIONS, before.issue_id)).filter((other) => other !== id);
      checkPosition(input.position, others.length);
      await layOut(edit, SECTIONS, [{ parentId: before.issue_id, ids: insertAt(others, id, input.position) }]);
      const after = await sectionRow(edit, id);
      edit.audit({
        action: 'moveSection',
        entityType: 'SECTION',
        entityId: id,
        issueId: before.issue_id,
        changes: changedFields({ position: before.position }, { position: after.position }),
      });
      return this.hydrate(after);
    });
  }

  delete(input: DeleteSectionInput, actor: Actor): Promise<Issue> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      const before = await lockedSection(edit, id, input.expectedVersion);
      const [{ links }] = await edit.query<{ links: number }>('SELECT count(*)::int AS links FROM link WHERE section_id = $1', [id]);
      await edit.query('DELETE FROM section WHERE id = $1', [id]);
      await layOut(edit, SECTIONS, [{ parentId: before.issue_id, ids: await orderedIds(edit, SECTIONS, before.issue_id) }]);
      edit.audit({
        action: 'deleteSection',
        entityType: 'SECTION',
        entityId: id,
        issueId: before.issue_id,
        changes: deletedFields(audited(before)),
        summary: { linksDeleted: links },
      });
      const rows = await edit.query('SELECT * FROM issue WHERE id = $1', [before.issue_id]);
      return hydrate(this.dataSource, Issue, rows)[0];
    });
  }

  private hydrate(row: SectionRow): Section {
    return hydrate(this.dataSource, Section, [row])[0];
  }
}

/** The section after its issue's version was checked and bumped (which also locks the issue against concurrent edits). */
async function lockedSection(edit: Edit, id: number, expectedVersion: number): Promise<SectionRow> {
  const [owner] = await edit.query<{ issue_id: number }>('SELECT issue_id FROM section WHERE id = $1', [id]);
  if (!owner) throw new NotFoundError('Section', id, 'id');
  await edit.touchIssue(owner.issue_id, expectedVersion);
  return sectionRow(edit, id);
}

async function sectionRow(edit: Edit, id: number): Promise<SectionRow> {
  const [row] = await edit.query<SectionRow>(
    'SELECT s.*, c.slug AS category FROM section s LEFT JOIN category c ON c.id = s.category_id WHERE s.id = $1',
    [id],
  );
  if (!row) throw new NotFoundError('Section', id, 'id');
  return row;
}

/** The fields of a section an audit entry shows. */
function audited(row: SectionRow) {
  return { title: row.title, emoji: row.emoji, category: row.category, position: row.position };
}

function emojiOf(emoji: string | null | undefined): string | null {
  return emoji?.trim() || null;
}

/** A category by its slug, or by a slug it kept as an alias after a merge; an unknown slug is the caller's mistake. */
async function categoryBySlug(edit: Edit, slug: string): Promise<{ id: number; slug: string }> {
  const [row] = await edit.query<{ id: number; slug: string }>(
    `SELECT id, slug FROM category WHERE id = ${idOfSlug('category', '$1::text')}`,
    [slug],
  );
  if (!row) throw new BadUserInputError(`No category has the slug "${slug.slice(0, 128)}".`, { field: 'category' });
  return row;
}

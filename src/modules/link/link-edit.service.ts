import { DataSource } from 'typeorm';
import type { Actor } from '../../auth/actor';
import { BadUserInputError, NotFoundError } from '../../common/errors';
import { parseId } from '../../common/ids';
import { deriveLinkFields } from '../../content/link-fields';
import { summaryText } from '../../content/summary';
import { hydrate, Row } from '../../db/hydrate';
import { checkPosition, createdFields, deletedFields } from '../../editing/changes';
import { Edit, runEdit } from '../../editing/edit';
import { requireRoomFor } from '../../editing/limits';
import { insertAt, layOut, LINKS, orderedIds } from '../../editing/positions';
import { changedFields } from '../audit/audit.service';
import { Section } from '../section/section.entity';
import { Link } from './link.entity';
import { AddLinkInput, DeleteLinkInput, MoveLinkInput, SetLinkTagsInput, UpdateLinkInput } from './link-edit.inputs';
import { retagLink, setLinkTags, tagSlugsOf } from './link-tags';

/** A link row with the issue its section belongs to. */
interface LinkRow extends Row {
  id: number;
  section_id: number;
  issue_id: number;
  position: number;
  title: string;
  url: string;
  canonical_url: string;
  domain: string;
  summary: string;
  summary_text: string;
  read_time_label: string | null;
  read_minutes: number | null;
  kind: string;
  sponsored: boolean;
}

/**
 * Writes links: add, update, move, delete, set tags. Derived fields come from
 * the same content rules the importer uses; each call is one transaction that
 * bumps the issue's version and appends its audit entry.
 */
export class LinkEditService {
  constructor(private readonly dataSource: DataSource) {}

  add(input: AddLinkInput, actor: Actor): Promise<Link> {
    const sectionId = parseId(input.sectionId, 'sectionId');
    return runEdit(this.dataSource, actor, async (edit) => {
      const issueId = await touchSection(edit, sectionId, input.expectedVersion);
      await requireRoomFor(edit, 'addLink', issueId, sectionId, 'sectionId');
      const ids = await orderedIds(edit, LINKS, sectionId);
      const position = input.position ?? ids.length;
      checkPosition(position, ids.length);
      const text = { url: input.url.trim(), title: input.title.trim(), summary: input.summary.trim(), label: labelOf(input.label) };
      const derived = deriveLinkFields(text.url, text.label);
      const [{ id }] = await edit.query<{ id: number }>(
        `INSERT INTO link (section_id, position, title, url, canonical_url, domain, summary,
                           read_time_label, read_minutes, kind, sponsored, summary_text)
         VALUES ($1, (SELECT COALESCE(max(position) + 1, 0) FROM link WHERE section_id = $1), $2, $3, $4, $5, $6,
                 $7, $8, $9::link_kind, $10, $11)
         RETURNING id`,
        [
          sectionId, text.title, text.url, derived.canonicalUrl, derived.domain, text.summary,
          text.label, derived.readMinutes, derived.kind, derived.sponsored, summaryText(text.summary),
        ],
      );
      if (position < ids.length) await layOut(edit, LINKS, [{ parentId: sectionId, ids: insertAt(ids, id, position) }]);
      const tags = await retagLink(edit, { id, ...text, domain: derived.domain });
      const after = await linkRow(edit, id);
      const changes = createdFields({ ...audited(after), tags: tags.after });
      edit.audit({ action: 'addLink', entityType: 'LINK', entityId: id, issueId, changes });
      return this.hydrate(after);
    });
  }

  update(input: UpdateLinkInput, actor: Actor): Promise<Link> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      const before = await lockedLink(edit, id, input.expectedVersion);
      const url = input.url?.trim() ?? before.url;
      const label = input.label === undefined ? before.read_time_label : labelOf(input.label);
      const title = input.title?.trim() ?? before.title;
      const summary = input.summary?.trim() ?? before.summary;
      const urlChanged = url !== before.url;
      const labelChanged = label !== before.read_time_label;
      // Only what depends on a changed input is re-derived, so an edit never rewrites fields it did not touch.
      const derived = deriveLinkFields(url, label);
      const domain = urlChanged ? derived.domain : before.domain;
      await edit.query(
        `UPDATE link SET url = $2, title = $3, summary = $4, read_time_label = $5, canonical_url = $6, domain = $7,
                         kind = $8::link_kind, read_minutes = $9, sponsored = $10, summary_text = $11
          WHERE id = $1`,
        [
          id, url, title, summary, label,
          urlChanged ? derived.canonicalUrl : before.canonical_url,
          domain,
          urlChanged || labelChanged ? derived.kind : before.kind,
          labelChanged ? derived.readMinutes : before.read_minutes,
          labelChanged ? derived.sponsored : before.sponsored,
          summary === before.summary ? before.summary_text : summaryText(summary),
        ],
      );
      const textChanged = urlChanged || title !== before.title || summary !== before.summary;
      const beforeTags = await tagSlugsOf(edit, id);
      const afterTags = textChanged ? (await retagLink(edit, { id, title, summary, domain })).after : beforeTags;
      const after = await linkRow(edit, id);
      edit.audit({
        action: 'updateLink',
        entityType: 'LINK',
        entityId: id,
        issueId: before.issue_id,
        changes: changedFields({ ...audited(before), tags: beforeTags }, { ...audited(after), tags: afterTags }),
      });
      return this.hydrate(after);
    });
  }

  move(input: MoveLinkInput, actor: Actor): Promise<Link> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      const before = await lockedLink(edit, id, input.expectedVersion);
      const target = input.sectionId === undefined || input.sectionId === null ? before.section_id : parseId(input.sectionId, 'sectionId');
      if (target !== before.section_id) {
        await checkSameIssue(edit, target, before.issue_id);
        await requireRoomFor(edit, 'moveLinkIn', before.issue_id, target, 'sectionId');
      }
      const source = (await orderedIds(edit, LINKS, before.section_id)).filter((other) => other !== id);
      const others = target === before.section_id ? source : await orderedIds(edit, LINKS, target);
      checkPosition(input.position, others.length);
      const placed = insertAt(others, id, input.position);
      await layOut(
        edit,
        LINKS,
        target === before.section_id
          ? [{ parentId: target, ids: placed }]
          : [{ parentId: before.section_id, ids: source }, { parentId: target, ids: placed }],
      );
      const after = await linkRow(edit, id);
      edit.audit({
        action: 'moveLink',
        entityType: 'LINK',
        entityId: id,
        issueId: before.issue_id,
        changes: changedFields(
          { sectionId: before.section_id, position: before.position },
          { sectionId: after.section_id, position: after.position },
        ),
      });
      return this.hydrate(after);
    });
  }

  delete(input: DeleteLinkInput, actor: Actor): Promise<Section> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      const before = await lockedLink(edit, id, input.expectedVersion);
      const tags = await tagSlugsOf(edit, id);
      await edit.query('DELETE FROM link WHERE id = $1', [id]);
      await layOut(edit, LINKS, [{ parentId: before.section_id, ids: await orderedIds(edit, LINKS, before.section_id) }]);
      edit.audit({
        action: 'deleteLink',
        entityType: 'LINK',
        entityId: id,
        issueId: before.issue_id,
        changes: deletedFields({ ...audited(before), tags }),
      });
      const rows = await edit.query('SELECT * FROM section WHERE id = $1', [before.section_id]);
      return hydrate(this.dataSource, Section, rows)[0];
    });
  }

  setTags(input: SetLinkTagsInput, actor: Actor): Promise<Link> {
    const id = parseId(input.id, 'id');
    return runEdit(this.dataSource, actor, async (edit) => {
      const link = await lockedLink(edit, id, input.expectedVersion);
      const tags = await setLinkTags(edit, link, input.tags);
      edit.audit({
        action: 'setLinkTags',
        entityType: 'LINK',
        entityId: id,
        issueId: link.issue_id,
        changes: { tags: { before: tags.before, after: tags.after } },
      });
      return this.hydrate(link);
    });
  }

  private hydrate(row: LinkRow): Link {
    return hydrate(this.dataSource, Link, [row])[0];
  }
}

/** Checks and bumps the version of the section's issue; returns the issue's id. */
async function touchSection(edit: Edit, sectionId: number, expectedVersion: number): Promise<number> {
  const issueId = await issueOfSection(edit, sectionId);
  await edit.touchIssue(issueId, expectedVersion);
  // Read again under the issue's lock: a concurrent delete may have removed it meanwhile.
  await issueOfSection(edit, sectionId);
  return issueId;
}

async function issueOfSection(edit: Edit, sectionId: number): Promise<number> {
  const [row] = await edit.query<{ issue_id: number }>('SELECT issue_id FROM section WHERE id = $1', [sectionId]);
  if (!row) throw new NotFoundError('Section', sectionId, 'sectionId');
  return row.issue_id;
}

/** A link may move only between sections of its own issue. */
async function checkSameIssue(edit: Edit, sectionId: number, issueId: number): Promise<void> {
  if ((await issueOfSection(edit, sectionId)) !== issueId) {
    throw new BadUserInputError(`Section ${sectionId} belongs to another issue; a link moves only within its issue.`, { field: 'sectionId' });
  }
}

/** The link after its issue's version was checked and bumped (which also locks the issue against concurrent edits). */
async function lockedLink(edit: Edit, id: number, expectedVersion: number): Promise<LinkRow> {
  const [owner] = await edit.query<{ issue_id: number }>(
    'SELECT s.issue_id FROM link l JOIN section s ON s.id = l.section_id WHERE l.id = $1',
    [id],
  );
  if (!owner) throw new NotFoundError('Link', id, 'id');
  await edit.touchIssue(owner.issue_id, expectedVersion);
  return linkRow(edit, id);
}

async function linkRow(edit: Edit, id: number): Promise<LinkRow> {
  const [row] = await edit.query<LinkRow>('SELECT l.*, s.issue_id FROM link l JOIN section s ON s.id = l.section_id WHERE l.id = $1', [id]);
  if (!row) throw new NotFoundError('Link', id, 'id');
  return row;
}

/** The fields of a link an audit entry shows. */
function audited(row: LinkRow) {
  return {
    sectionId: row.section_id,
    position: row.position,
    url: row.url,
    title: row.title,
    summary: row.summary,
    label: row.read_time_label,
    canonicalUrl: row.canonical_url,
    domain: row.domain,
    kind: row.kind,
    readMinutes: row.read_minutes,
    sponsored: row.sponsored,
  };
}

/** A label as stored: trimmed, and null when there is none (as the importer reads an empty one). */
function labelOf(label: string | null | undefined): string | null {
  return label?.trim() || null;
}

import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { matchTopics, TOPICS } from '../content/taxonomy';
import { Edit, runEdit } from '../editing/edit';
import { changedFields } from '../modules/audit/audit.service';
import { OVERRIDES_OF_LINK } from './issue.stored';
import { ensureTaxonomyTags, linkTags, StoredTagOverride, TagRef, TaxonomyTags } from '../modules/tag/taxonomy-tags';

export interface RetagSummary {
  /** Links checked. */
  links: number;
  /** Links whose tags changed. */
  changed: number;
  /** Issues whose links' tags changed (each one's version bumped, and an audit entry written). */
  issues: number;
  /** Taxonomy tags that did not exist yet. */
  tagsCreated: number;
}

const BATCH = 2000;

interface LinkRow {
  id: number;
  title: string;
  summary: string;
  domain: string;
  tags: string[];
  overrides: StoredTagOverride[];
}

const LINK_COLUMNS = `l.id, l.title, l.summary, l.domain,
       ARRAY(SELECT t.slug FROM link_tag lt JOIN tag t ON t.id = lt.tag_id
              WHERE lt.link_id = l.id ORDER BY t.slug COLLATE "C") AS tags`;

/** A batch of links in id order, with their editors' decisions (read by one range probe: most links have none). */
async function readBatch(dataSource: DataSource, after: number): Promise<LinkRow[]> {
  const links: LinkRow[] = await dataSource.query(`SELECT ${LINK_COLUMNS} FROM link l WHERE l.id > $1 ORDER BY l.id LIMIT ${BATCH}`, [after]);
  if (!links.length) return links;
  const overrides: Array<StoredTagOverride & { link_id: number }> = await dataSource.query(
    `SELECT o.link_id, o.tag_id AS "tagId", t.slug, o.included FROM link_tag_override o JOIN tag t ON t.id = o.tag_id
      WHERE o.link_id BETWEEN $1 AND $2`,
    [links[0].id, links[links.length - 1].id],
  );
  const byLink = new Map<number, StoredTagOverride[]>();
  for (const { link_id: linkId, ...override } of overrides) byLink.set(linkId, [...(byLink.get(linkId) ?? []), override]);
  return links.map((link) => ({ ...link, overrides: byLink.get(link.id) ?? [] }));
}

/** A link whose stored tags differ from what the rules and its editors say, with the tags it should have. */
interface Drift<L extends LinkRow = LinkRow> {
  link: L;
  tags: TagRef[];
}

/** A link read again under its issue's lock, with the issue it belongs to. */
interface LockedLink extends LinkRow {
  issueId: number;
}

/**
 * Re-applies the taxonomy to every stored link after its rules change. A
 * link's tags become the taxonomy's (a merged topic's slug resolving to its
 * target) with its editors' decisions applied. Missing taxonomy tags are
 * created; existing tags are never renamed or deleted, since editors own them
 * too (a tag the taxonomy dropped just loses the links only the taxonomy gave it).
 * Links are read in id order, a batch at a time; each batch's changes are one
 * transaction that bumps the version of every issue it touches once and
 * writes one audit entry per issue.
 */
export async function retagArchive(dataSource: DataSource, actor: Actor, onBatch?: (done: number) => void): Promise<RetagSummary> {
  const taxonomy = await runEdit(dataSource, actor, async (edit) => {
    const tags = await ensureTaxonomyTags(edit, TOPICS);
    for (const { id, slug, name } of tags.created) {
      edit.audit({ action: 'retag', entityType: 'TAG', entityId: id, changes: changedFields({}, { slug, name }) });
    }
    return tags;
  });
  const summary: RetagSummary = { links: 0, changed: 0, issues: 0, tagsCreated: taxonomy.created.length };
  const issues = new Set<number>();
  for (let after = 0; ; ) {
    const links = await readBatch(dataSource, after);
    if (!links.length) break;
    const drifted = drifts(links, taxonomy);
    if (drifted.length) {
      const linkIds = drifted.map(({ link }) => link.id);
      const changed = await runEdit(dataSource, actor, (edit) => retagLinks(edit, linkIds, taxonomy));
      summary.changed += changed.length;
      for (const { link } of changed) issues.add(link.issueId);
    }
    summary.links += links.length;
    after = links[links.length - 1].id;
    onBatch?.(summary.links);
  }
  summary.issues = issues.size;
  return summary;
}

function drifts<L extends LinkRow>(links: L[], taxonomy: TaxonomyTags): Array<Drift<L>> {
  const drifted: Array<Drift<L>> = [];
  for (const link of links) {
    const tags = linkTags(matchTopics(link), taxonomy, link.overrides);
    if (tags.map((tag) => tag.slug).join() !== link.tags.join()) drifted.push({ link, tags });
  }
  return drifted;
}

/**
 * Rewrites the tags of links found drifted. Their issues are locked first (in
 * id order) and the links read again under the lock, so a concurrent edit is
 * never overwritten by tags computed before it.
 */
async function retagLinks(edit: Edit, linkIds: number[], taxonomy: TaxonomyTags): Promise<Array<Drift<LockedLink>>> {
  await edit.query(
    `SELECT id FROM issue WHERE id IN (SELECT s.issue_id FROM link l JOIN section s ON s.id = l.section_id WHERE l.id = ANY($1::int[]))
      ORDER BY id FOR UPDATE`,
    [linkIds],
  );
  const links = await edit.query<LockedLink>(
    `SELECT ${LINK_COLUMNS}, s.issue_id AS "issueId", ${OVERRIDES_OF_LINK} AS overrides
       FROM link l JOIN section s ON s.id = l.section_id WHERE l.id = ANY($1::int[]) ORDER BY l.id`,
    [linkIds],
  );
  const drifted = drifts(links, taxonomy);
  if (!drifted.length) return [];
  const byIssue = new Map<number, Drift[]>();
  for (const drift of drifted) byIssue.set(drift.link.issueId, [...(byIssue.get(drift.link.issueId) ?? []), drift]);
  await edit.touchIssues([...byIssue.keys()]);
  for (const [issueId, changes] of [...byIssue].sort(([a], [b]) => a - b)) {
    edit.audit({ action: 'retag', entityType: 'ISSUE', entityId: issueId, issueId, summary: counts(changes) });
  }
  const pairs = drifted.flatMap(({ link, tags }) => tags.map((tag) => [link.id, tag.id]));
  await edit.query('DELETE FROM link_tag WHERE link_id = ANY($1::int[])', [drifted.map(({ link }) => link.id)]);
  await edit.query('INSERT INTO link_tag (link_id, tag_id) SELECT * FROM unnest($1::int[], $2::int[])', [
    pairs.map(([linkId]) => linkId),
    pairs.map(([, tagId]) => tagId),
  ]);
  return drifted;
}

/** An issue's audit summary: links retagged, tags added to and removed from them. */
function counts(changes: Drift[]): Record<string, number> {
  let tagsAdded = 0;
  let tagsRemoved = 0;
  for (const { link, tags } of changes) {
    const after = new Set(tags.map((tag) => tag.slug));
    tagsAdded += [...after].filter((slug) => !link.tags.includes(slug)).length;
    tagsRemoved += link.tags.filter((slug) => !after.has(slug)).length;
  }
  return { links: changes.length, tagsAdded, tagsRemoved };
}

import { SqlWhere } from '../../common/sql';
import type { TagFilterInput } from '../issue/issue.inputs';

/**
 * Adds any/all/none tag conditions. `tagSource` is a FROM ... WHERE fragment
 * that yields the rows (aliased `t`) of the tags of the thing being filtered.
 */
export function whereTags(where: SqlWhere, tags: TagFilterInput | undefined, tagSource: string): void {
  if (tags?.any?.length) {
    where.and(`EXISTS (SELECT 1 ${tagSource} AND t.slug = ANY(${where.param(tags.any)}::text[]))`);
  }
  // One EXISTS per wanted tag: each is an index probe, where counting distinct matches is not.
  for (const slug of new Set(tags?.all ?? [])) {
    where.and(`EXISTS (SELECT 1 ${tagSource} AND t.slug = ${where.param(slug)})`);
  }
  if (tags?.none?.length) {
    where.and(`NOT EXISTS (SELECT 1 ${tagSource} AND t.slug = ANY(${where.param(tags.none)}::text[]))`);
  }
}

/** Tags of the link aliased `l`. */
export const LINK_TAGS = 'FROM link_tag lt JOIN tag t ON t.id = lt.tag_id WHERE lt.link_id = l.id';

/** Tags of any link of the issue aliased `i`. */
export const ISSUE_TAGS =
  'FROM section ts JOIN link tl ON tl.section_id = ts.id JOIN link_tag lt ON lt.link_id = tl.id ' +
  'JOIN tag t ON t.id = lt.tag_id WHERE ts.issue_id = i.id';

import { SqlWhere } from '../../common/sql';
import { idOfSlug, idsOfSlugs } from '../../common/slug-aliases';
import type { TagFilterInput } from '../issue/issue.inputs';

/**
 * Adds any/all/none tag conditions; slugs resolve through aliases, so a
 * merged tag's old slug filters as its target. `tagSource` is a FROM ... WHERE
 * fragment that yields the `link_tag` rows (aliased `lt`) of the thing filtered.
 */
export function whereTags(where: SqlWhere, tags: TagFilterInput | undefined, tagSource: string): void {
  if (tags?.any?.length) {
    where.and(`EXISTS (SELECT 1 ${tagSource} AND lt.tag_id = ANY(${idsOfSlugs('tag', where.param(tags.any))}))`);
  }
  // One EXISTS per wanted tag: each is an index probe, where counting distinct matches is not.
  for (const slug of new Set(tags?.all ?? [])) {
    where.and(`EXISTS (SELECT 1 ${tagSource} AND lt.tag_id = ${idOfSlug('tag', where.param(slug))})`);
  }
  if (tags?.none?.length) {
    where.and(`NOT EXISTS (SELECT 1 ${tagSource} AND lt.tag_id = ANY(${idsOfSlugs('tag', where.param(tags.none))}))`);
  }
}

/** Tag rows of the link aliased `l`. */
export const LINK_TAGS = 'FROM link_tag lt WHERE lt.link_id = l.id';

/** Tag rows of any link of the issue aliased `i`. */
export const ISSUE_TAGS =
  'FROM section ts JOIN link tl ON tl.section_id = ts.id JOIN link_tag lt ON lt.link_id = tl.id WHERE ts.issue_id = i.id';

import { BadUserInputError } from '../common/errors';
import { MAX_LINKS_PER_ISSUE, MAX_LINKS_PER_SECTION, MAX_PLACEMENTS_PER_ISSUE, MAX_SECTIONS_PER_ISSUE } from '../content/limits';
import type { Edit } from './edit';

/**
 * Refuses an edit that would take an issue past a content maximum
 * (src/content/limits.ts), as the importer refuses such an issue: adding a
 * section, a placement or a link, or moving a link into another section
 * (which leaves the issue's total as it was).
 */
export async function requireRoomFor(
  edit: Edit,
  change: 'addSection' | 'addPlacement' | 'addLink' | 'moveLinkIn',
  issueId: number,
  sectionId: number | null,
  field: string,
): Promise<void> {
  const [counts] = await edit.query<{ sections: number; links: number; sectionLinks: number; placements: number }>(
    `SELECT (SELECT count(*)::int FROM section WHERE issue_id = $1) AS sections,
            (SELECT count(*)::int FROM link l JOIN section s ON s.id = l.section_id WHERE s.issue_id = $1) AS links,
            (SELECT count(*)::int FROM link WHERE section_id = $2) AS "sectionLinks",
            (SELECT count(*)::int FROM sponsor_placement WHERE issue_id = $1) AS placements`,
    [issueId, sectionId],
  );
  const refuseAt = (count: number, max: number, holder: string) => {
    if (count >= max) throw new BadUserInputError(`${holder} already holds ${count}, the most allowed.`, { field, limit: max });
  };
  if (change === 'addSection') refuseAt(counts.sections, MAX_SECTIONS_PER_ISSUE, 'The issue has sections enough: it');
  if (change === 'addPlacement') refuseAt(counts.placements, MAX_PLACEMENTS_PER_ISSUE, 'The issue has sponsor placements enough: it');
  if (change === 'addLink' || change === 'moveLinkIn') refuseAt(counts.sectionLinks, MAX_LINKS_PER_SECTION, 'The section is full: it');
  if (change === 'addLink') refuseAt(counts.links, MAX_LINKS_PER_ISSUE, 'The issue is full: it');
}

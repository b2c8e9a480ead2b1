import { countLoader, groupLoader, pageLoader } from '../../common/loaders';
import type { Viewer } from '../../auth/policy';
import type { Services } from '../../services';

/**
 * Per-request loaders of links by section and issue, and pages of each link's other appearances,
 * within the viewer's scope (a sponsor's links come in pages: sponsor.loaders.ts).
 */
export function createLinkLoaders({ links, stories }: Services, { scope }: Viewer) {
  const appearanceCount = countLoader((ids) => stories.appearanceCounts(ids, scope));
  return {
    linksBySection: groupLoader((ids) => links.bySectionIds(ids, scope)),
    linksByIssue: groupLoader((ids) => links.byIssueIds(ids, scope)),
    appearancePages: pageLoader((ids, args) => stories.appearancePages(ids, args, scope, (id) => appearanceCount.load(id))),
  };
}

import { groupLoader } from '../../common/loaders';
import type { Services } from '../../services';

/** Per-request loaders of links by section and issue (a sponsor's links come in pages: sponsor.loaders.ts). */
export function createLinkLoaders({ links }: Services) {
  return {
    linksBySection: groupLoader((ids) => links.bySectionIds(ids)),
    linksByIssue: groupLoader((ids) => links.byIssueIds(ids)),
  };
}

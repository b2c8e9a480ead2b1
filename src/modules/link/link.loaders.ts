import { groupLoader } from '../../common/loaders';
import type { Viewer } from '../../auth/policy';
import type { Services } from '../../services';

/** Per-request loaders of links by section and issue, within the viewer's scope (a sponsor's links come in pages: sponsor.loaders.ts). */
export function createLinkLoaders({ links }: Services, { scope }: Viewer) {
  return {
    linksBySection: groupLoader((ids) => links.bySectionIds(ids, scope)),
    linksByIssue: groupLoader((ids) => links.byIssueIds(ids, scope)),
  };
}

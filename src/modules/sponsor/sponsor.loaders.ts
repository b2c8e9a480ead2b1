import { countLoader, groupLoader, idLoader, pageLoader } from '../../common/loaders';
import type { Viewer } from '../../auth/policy';
import type { Services } from '../../services';

/** Per-request loaders of sponsors, the placements of issues, and pages of each sponsor's placements and links, within the viewer's scope. */
export function createSponsorLoaders({ sponsors }: Services, { scope }: Viewer) {
  const linkCount = countLoader((ids) => sponsors.linkCounts(ids, scope));
  const placementCount = countLoader((ids) => sponsors.placementCounts(ids, scope));
  return {
    sponsorById: idLoader((ids) => sponsors.byIds(ids)),
    placementsByIssue: groupLoader((ids) => sponsors.placementsByIssueIds(ids, scope)),
    sponsorLinkPages: pageLoader((ids, args) => sponsors.linkPages(ids, args, scope, (id) => linkCount.load(id))),
    sponsorPlacementPages: pageLoader((ids, args) => sponsors.placementPages(ids, args, scope, (id) => placementCount.load(id))),
  };
}

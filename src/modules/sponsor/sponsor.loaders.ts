import { countLoader, groupLoader, idLoader, pageLoader } from '../../common/loaders';
import type { Services } from '../../services';

/** Per-request loaders of sponsors, the placements of issues, and pages of each sponsor's placements and links. */
export function createSponsorLoaders({ sponsors }: Services) {
  const linkCount = countLoader((ids) => sponsors.linkCounts(ids));
  const placementCount = countLoader((ids) => sponsors.placementCounts(ids));
  return {
    sponsorById: idLoader((ids) => sponsors.byIds(ids)),
    placementsByIssue: groupLoader((ids) => sponsors.placementsByIssueIds(ids)),
    sponsorLinkPages: pageLoader((ids, args) => sponsors.linkPages(ids, args, (id) => linkCount.load(id))),
    sponsorPlacementPages: pageLoader((ids, args) => sponsors.placementPages(ids, args, (id) => placementCount.load(id))),
  };
}

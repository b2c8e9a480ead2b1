import { groupLoader, idLoader } from '../../common/loaders';
import type { Services } from '../../services';

/** Per-request loaders of sponsors and placements. */
export function createSponsorLoaders({ sponsors }: Services) {
  return {
    sponsorById: idLoader((ids) => sponsors.byIds(ids)),
    placementsByIssue: groupLoader((ids) => sponsors.placementsByIssueIds(ids)),
    placementsBySponsor: groupLoader((ids) => sponsors.placementsBySponsorIds(ids)),
  };
}

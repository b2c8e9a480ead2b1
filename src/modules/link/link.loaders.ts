import { groupLoader } from '../../common/loaders';
import type { Services } from '../../services';

/** Per-request loaders of links by section, issue and sponsor. */
export function createLinkLoaders({ links }: Services) {
  return {
    linksBySection: groupLoader((ids) => links.bySectionIds(ids)),
    linksByIssue: groupLoader((ids) => links.byIssueIds(ids)),
    linksBySponsor: groupLoader((ids) => links.bySponsorIds(ids)),
  };
}

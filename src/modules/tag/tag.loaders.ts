import { countLoader, groupLoader } from '../../common/loaders';
import type { Services } from '../../services';

/** Per-request loaders of the tags of links and issues, and of tag counts. */
export function createTagLoaders({ tags }: Services) {
  return {
    tagsByLink: groupLoader((ids) => tags.byLinkIds(ids)),
    tagDecisionsByLink: groupLoader((ids) => tags.decisionsByLinkIds(ids)),
    tagsByIssue: groupLoader((ids) => tags.byIssueIds(ids)),
    tagLinkCount: countLoader((ids) => tags.publishedLinkCounts(ids)),
  };
}

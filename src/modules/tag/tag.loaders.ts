import { countLoader, groupLoader } from '../../common/loaders';
import type { Services } from '../../services';

/** Per-request loaders of the tags of links and issues, of tag counts and of old tag slugs. */
export function createTagLoaders({ tags }: Services) {
  return {
    tagsByLink: groupLoader((ids) => tags.byLinkIds(ids)),
    tagDecisionsByLink: groupLoader((ids) => tags.decisionsByLinkIds(ids)),
    tagsByIssue: groupLoader((ids) => tags.byIssueIds(ids)),
    tagLinkCount: countLoader((ids) => tags.publishedLinkCounts(ids)),
    tagAliases: groupLoader((ids) => tags.aliasesByTagIds(ids)),
  };
}

import { countLoader, groupLoader } from '../../common/loaders';
import type { Viewer } from '../../auth/policy';
import type { Services } from '../../services';

/** Per-request loaders of the tags of links and issues, of tag counts (within the viewer's scope) and of old tag slugs. */
export function createTagLoaders({ tags }: Services, { scope }: Viewer) {
  return {
    tagsByLink: groupLoader((ids) => tags.byLinkIds(ids)),
    tagDecisionsByLink: groupLoader((ids) => tags.decisionsByLinkIds(ids)),
    tagsByIssue: groupLoader((ids) => tags.byIssueIds(ids, scope)),
    tagLinkCount: countLoader((ids) => tags.publishedLinkCounts(ids, scope)),
    tagAliases: groupLoader((ids) => tags.aliasesByTagIds(ids)),
  };
}

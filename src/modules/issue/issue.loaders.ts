import { groupLoader, idLoader } from '../../common/loaders';
import type { Services } from '../../services';

/** Per-request loaders of issues and their neighbours. */
export function createIssueLoaders({ issues }: Services) {
  return {
    issueById: idLoader((ids) => issues.byIds(ids)),
    previousIssue: groupLoader((ids) => issues.neighbours(ids, 'previous')),
    nextIssue: groupLoader((ids) => issues.neighbours(ids, 'next')),
  };
}

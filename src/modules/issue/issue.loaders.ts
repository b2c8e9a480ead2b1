import { groupLoader, idLoader } from '../../common/loaders';
import type { Viewer } from '../../auth/policy';
import type { Services } from '../../services';

/**
 * Per-request loaders of issues and their neighbours; editors reach drafts by
 * id (the public never does), a scoped partner only issues within its scope.
 */
export function createIssueLoaders({ issues }: Services, viewer: Viewer) {
  return {
    issueById: idLoader((ids) => issues.byIds(ids, viewer)),
    previousIssue: groupLoader((ids) => issues.neighbours(ids, ['previous'], viewer.scope)),
    nextIssue: groupLoader((ids) => issues.neighbours(ids, ['next'], viewer.scope)),
  };
}

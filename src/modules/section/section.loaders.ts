import { groupLoader, idLoader } from '../../common/loaders';
import type { Viewer } from '../../auth/policy';
import type { Services } from '../../services';

/** Per-request loaders of sections, within the viewer's scope. */
export function createSectionLoaders({ sections }: Services, { scope }: Viewer) {
  return {
    sectionById: idLoader((ids) => sections.byIds(ids, scope)),
    sectionsByIssue: groupLoader((ids) => sections.byIssueIds(ids, scope)),
  };
}

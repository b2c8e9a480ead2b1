import { groupLoader, idLoader } from '../../common/loaders';
import type { Services } from '../../services';

/** Per-request loaders of sections. */
export function createSectionLoaders({ sections }: Services) {
  return {
    sectionById: idLoader((ids) => sections.byIds(ids)),
    sectionsByIssue: groupLoader((ids) => sections.byIssueIds(ids)),
  };
}

import { countLoader, groupLoader, idLoader } from '../../common/loaders';
import type { Viewer } from '../../auth/policy';
import type { Services } from '../../services';

/** Per-request loaders of categories, their published-link counts (within the viewer's scope) and their old slugs. */
export function createCategoryLoaders({ categories }: Services, { scope }: Viewer) {
  return {
    categoryById: idLoader((ids) => categories.byIds(ids)),
    categoryLinkCount: countLoader((ids) => categories.publishedLinkCounts(ids, scope)),
    categoryAliases: groupLoader((ids) => categories.aliasesByCategoryIds(ids)),
  };
}

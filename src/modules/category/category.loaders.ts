import { countLoader, idLoader } from '../../common/loaders';
import type { Services } from '../../services';

/** Per-request loaders of categories and their published-link counts. */
export function createCategoryLoaders({ categories }: Services) {
  return {
    categoryById: idLoader((ids) => categories.byIds(ids)),
    categoryLinkCount: countLoader((ids) => categories.publishedLinkCounts(ids)),
  };
}

import { countLoader, groupLoader, idLoader } from '../../common/loaders';
import type { Services } from '../../services';

/** Per-request loaders of categories, their published-link counts and their old slugs. */
export function createCategoryLoaders({ categories }: Services) {
  return {
    categoryById: idLoader((ids) => categories.byIds(ids)),
    categoryLinkCount: countLoader((ids) => categories.publishedLinkCounts(ids)),
    categoryAliases: groupLoader((ids) => categories.aliasesByCategoryIds(ids)),
  };
}

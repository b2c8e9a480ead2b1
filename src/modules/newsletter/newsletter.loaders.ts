import { idLoader } from '../../common/loaders';
import type { Services } from '../../services';

/** Per-request loaders of newsletters. */
export function createNewsletterLoaders({ newsletters }: Services) {
  return { newsletterById: idLoader((ids) => newsletters.byIds(ids)) };
}

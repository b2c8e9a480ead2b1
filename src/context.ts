import { createCategoryLoaders } from './modules/category/category.loaders';
import { createIssueLoaders } from './modules/issue/issue.loaders';
import { createLinkLoaders } from './modules/link/link.loaders';
import { createNewsletterLoaders } from './modules/newsletter/newsletter.loaders';
import { createSearchLoaders } from './modules/search/search.loaders';
import { createSectionLoaders } from './modules/section/section.loaders';
import { createSponsorLoaders } from './modules/sponsor/sponsor.loaders';
import { createTagLoaders } from './modules/tag/tag.loaders';
import { rootCallMemo, withTurns } from './common/loaders';
import { Turns } from './limits/turns';
import type { Viewer } from './auth/policy';
import type { RequestAdmission } from './limits/admission';
import type { Services } from './services';

function createLoaders(services: Services, viewer: Viewer) {
  return withTurns(new Turns(), () => ({
    ...createCategoryLoaders(services, viewer),
    ...createIssueLoaders(services, viewer),
    ...createLinkLoaders(services, viewer),
    ...createNewsletterLoaders(services),
    ...createSearchLoaders(services, viewer),
    ...createSectionLoaders(services, viewer),
    ...createSponsorLoaders(services, viewer),
    ...createTagLoaders(services, viewer),
    /** Identical root query calls share one result (limits/root-calls.ts). */
    rootCalls: rootCallMemo(),
  }));
}

export type Loaders = ReturnType<typeof createLoaders>;

/** Per-request context: the viewer (decided by auth/policy.ts), the shared services and fresh loaders (no cache outlives a request). */
export interface Context {
  viewer: Viewer;
  services: Services;
  loaders: Loaders;
  /** What the request must get through before it runs (limits/admission.ts); absent outside HTTP. */
  admission?: RequestAdmission;
}

export function createContext(services: Services, viewer: Viewer): Context {
  return { viewer, services, loaders: createLoaders(services, viewer) };
}

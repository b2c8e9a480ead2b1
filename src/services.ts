import { DataSource } from 'typeorm';
import type { Config } from './config';
import { Importer } from './import/importer';
import { ApiKeyService } from './modules/api-key/api-key.service';
import { FeedTokenService } from './modules/feed/feed-token.service';
import { AuditLogService } from './modules/audit/audit-log.service';
import { CategoryEditService } from './modules/category/category-edit.service';
import { CategoryService } from './modules/category/category.service';
import { IssueEditService } from './modules/issue/issue-edit.service';
import { IssueService } from './modules/issue/issue.service';
import { LinkEditService } from './modules/link/link-edit.service';
import { LinkService } from './modules/link/link.service';
import { StoryService } from './modules/link/link-story.service';
import { NewsletterEditService } from './modules/newsletter/newsletter-edit.service';
import { NewsletterService } from './modules/newsletter/newsletter.service';
import { FacetService } from './modules/search/facets.service';
import { RelatedService } from './modules/search/related.service';
import { SearchService } from './modules/search/search.service';
import { SectionEditService } from './modules/section/section-edit.service';
import { SectionService } from './modules/section/section.service';
import { PlacementEditService } from './modules/sponsor/placement-edit.service';
import { SponsorEditService } from './modules/sponsor/sponsor-edit.service';
import { SponsorService } from './modules/sponsor/sponsor.service';
import { TagEditService } from './modules/tag/tag-edit.service';
import { TagService } from './modules/tag/tag.service';

/** The application's services, built once per DataSource and shared by all requests. */
export type ServicesConfig = Pick<Config, 'keyLastUsedIntervalS'>;

export function createServices(dataSource: DataSource, config: ServicesConfig) {
  const search = new SearchService(dataSource);
  return {
    apiKeys: new ApiKeyService(dataSource, config.keyLastUsedIntervalS),
    auditLog: new AuditLogService(dataSource),
    categories: new CategoryService(dataSource),
    categoryEdits: new CategoryEditService(dataSource),
    facets: new FacetService(dataSource, search),
    feedTokens: new FeedTokenService(dataSource),
    /** A fresh importer per call, so cached ids never outlive one request. */
    importer: () => new Importer(dataSource),
    issues: new IssueService(dataSource),
    issueEdits: new IssueEditService(dataSource),
    links: new LinkService(dataSource),
    linkEdits: new LinkEditService(dataSource),
    newsletters: new NewsletterService(dataSource),
    newsletterEdits: new NewsletterEditService(dataSource),
    placementEdits: new PlacementEditService(dataSource),
    related: new RelatedService(dataSource),
    search,
    sections: new SectionService(dataSource),
    sectionEdits: new SectionEditService(dataSource),
    sponsors: new SponsorService(dataSource),
    stories: new StoryService(dataSource),
    sponsorEdits: new SponsorEditService(dataSource),
    tags: new TagService(dataSource),
    tagEdits: new TagEditService(dataSource),
  };
}

export type Services = ReturnType<typeof createServices>;

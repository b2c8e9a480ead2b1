import type { Viewer } from '../../auth/policy';
import { BadUserInputError, NotFoundError } from '../../common/errors';
import { DateOrder } from '../../common/ordering';
import { createContext } from '../../context';
import type { Services } from '../../services';
import type { Issue } from '../issue/issue.entity';
import type { Link } from '../link/link.entity';
import type { Newsletter } from '../newsletter/newsletter.entity';
import { issueHtml, linkHtml } from './feed.html';
import { FeedRequest, FeedSubject } from './feed.params';

/** One item of a feed, whatever its format. */
export interface FeedEntry {
  /** A tag: URI that never changes (feed-links.ts). */
  id: string;
  title: string;
  url: string;
  /** Safe HTML (feed.html.ts). */
  html: string;
  published: Date;
  updated: Date;
  /** Tag names of a link. */
  categories: string[];
}

/** A feed, whatever its format: feed.render.ts writes it as RSS, Atom or JSON Feed. */
export interface FeedDocument {
  id: string;
  title: string;
  description: string;
  /** The newest `updated` of its entries (the epoch for an empty feed), so an unchanged feed renders the same bytes. */
  updated: Date;
  entries: FeedEntry[];
}

/** Where a feed's ids and links point: settled per server (ids) and per request (the origin of links). */
export interface FeedSite {
  /** Authority of tag: URIs (`tag:<authority>,2026:link/7`): the host of PUBLIC_URL, or `localhost`. */
  idAuthority: string;
  /** A web page per issue (`https://example.com/{newsletter}/{date}`), or null: then an issue links to the newsletter's feed. */
  issueUrl: string | null;
  /** The feed's own URL in the format asked for, token left out: the fallback link of issues, and the feed's link. */
  selfUrl: string;
}

const EPOCH = new Date(0);

export function entryId(site: FeedSite, kind: 'issue' | 'link' | 'feed', key: string | number): string {
  return `tag:${site.idAuthority},2026:${kind}/${key}`;
}

/** The link of an issue: its web page when the setting gives one, else the newsletter feed at the issue's date. */
function issueUrl(site: FeedSite, newsletter: Newsletter, issue: Issue): string {
  if (!site.issueUrl) return `${site.selfUrl.split('#')[0]}#${issue.date}`;
  return site.issueUrl.replace('{newsletter}', encodeURIComponent(newsletter.slug)).replace('{date}', issue.date);
}

function newest(entries: FeedEntry[]): Date {
  return entries.reduce((latest, entry) => (entry.updated > latest ? entry.updated : latest), EPOCH);
}

/**
 * Builds feeds through the services and loaders GraphQL uses, with the same
 * viewer: the visibility and partner-scope rules are theirs, applied in their SQL.
 */
export class FeedBuilder {
  private readonly context;

  constructor(
    private readonly services: Services,
    private readonly viewer: Viewer,
    private readonly site: FeedSite,
  ) {
    this.context = createContext(services, viewer);
  }

  async build(request: FeedRequest): Promise<FeedDocument> {
    const { subject } = request;
    if (subject.kind === 'newsletter') return this.newsletterFeed(subject.slug, request);
    const { title, description, key } = await this.linkFeedHeading(subject);
    const entries = await this.linkEntries(request);
    return { id: entryId(this.site, 'feed', key), title, description, updated: newest(entries), entries };
  }

  /** One item per issue, newest first, its sections and links inside. */
  private async newsletterFeed(slug: string, request: FeedRequest): Promise<FeedDocument> {
    const newsletter = await this.services.newsletters.bySlug(slug, this.viewer.scope);
    if (!newsletter) throw new NotFoundError('Newsletter', JSON.stringify(slug.slice(0, 64)), 'newsletter');
    const page = await this.services.issues.list({ filter: request.filter, first: request.limit, orderBy: DateOrder.NEWEST_FIRST }, this.viewer);
    const issues = page.edges.map((edge) => edge.node);
    const { loaders } = this.context;
    const sections = await Promise.all(issues.map((issue) => loaders.sectionsByIssue.load(issue.id)));
    const links = await Promise.all(sections.map((list) => Promise.all(list.map((section) => loaders.linksBySection.load(section.id)))));
    const entries = issues.map((issue, i): FeedEntry => ({
      id: entryId(this.site, 'issue', issue.id),
      title: issue.headline,
      url: issueUrl(this.site, newsletter, issue),
      html: issueHtml(
        sections[i].map((section, s) => ({ section, links: links[i][s] })),
        (link) => link.canonicalUrl,
      ),
      published: issue.publishedAt ?? issue.updatedAt,
      updated: issue.updatedAt,
      categories: [],
    }));
    const description = newsletter.tagline ?? `Every issue of ${newsletter.name}, newest first.`;
    return { id: entryId(this.site, 'feed', `newsletters/${newsletter.id}`), title: newsletter.name, description, updated: newest(entries), entries };
  }

  /** The title of a feed of links; a category or tag the caller cannot see is NOT_FOUND, as it is absent from GraphQL's lists. */
  private async linkFeedHeading(subject: Exclude<FeedSubject, { kind: 'newsletter' }>) {
    if (subject.kind === 'category') {
      const category = await this.services.categories.bySlug(subject.slug, this.viewer.scope);
      if (!category) throw new NotFoundError('Category', JSON.stringify(subject.slug.slice(0, 64)), 'category');
      return { title: category.name, description: `Links filed under ${category.name}, newest first.`, key: `categories/${category.id}` };
    }
    if (subject.kind === 'tag') {
      const tag = await this.services.tags.bySlug(subject.slug, this.viewer.scope);
      if (!tag) throw new NotFoundError('Tag', JSON.stringify(subject.slug.slice(0, 64)), 'tag');
      return { title: tag.name, description: `Links tagged ${tag.name}, newest first.`, key: `tags/${tag.id}` };
    }
    return { title: 'Links', description: 'Links matching a filter, newest first.', key: 'links' };
  }

  /** One item per link, newest first, through the list GraphQL's `links` uses. */
  private async linkEntries(request: FeedRequest): Promise<FeedEntry[]> {
    if (request.query !== null) {
      throw new BadUserInputError('Search (q) is not available in feeds yet: filter with the other parameters.', { field: 'q' });
    }
    const { filter, limit: first, distinct } = request;
    const page = await this.services.links.list({ filter, first, distinct, orderBy: DateOrder.NEWEST_FIRST }, this.viewer);
    const links = page.edges.map((edge) => edge.node);
    return Promise.all(links.map((link) => this.linkEntry(link)));
  }

  private async linkEntry(link: Link): Promise<FeedEntry> {
    const { loaders } = this.context;
    const [section, tags] = await Promise.all([loaders.sectionById.load(link.sectionId), loaders.tagsByLink.load(link.id)]);
    const issue = section && (await loaders.issueById.load(section.issueId));
    const newsletter = issue && (await loaders.newsletterById.load(issue.newsletterId));
    // The list returned only visible links, so their section, issue and newsletter are visible too.
    if (!section || !issue || !newsletter) throw new Error(`link ${link.id} was listed without its section, issue or newsletter`);
    return {
      id: entryId(this.site, 'link', link.id),
      title: link.title,
      url: link.canonicalUrl,
      html: linkHtml(link, { newsletter: newsletter.name, date: issue.date, section: section.title }),
      published: issue.publishedAt ?? issue.updatedAt,
      updated: issue.updatedAt,
      categories: tags.map((tag) => tag.name),
    };
  }
}

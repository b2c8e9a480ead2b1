import { DataSource } from 'typeorm';
import { IssueStatus } from '../../src/modules/issue/issue-status';
import { Factory, SectionSpec } from './factories';

/**
 * A small archive for scope tests: three newsletters, published issues in and
 * out of any scope, a draft and a scheduled issue holding in-scope-looking
 * links, an issue without links, a section without links, sponsors seen only
 * through placements, only through links, or only in drafts, and an old tag
 * slug ("infosec") kept as an alias of "security". Every title, headline and
 * placement title is unique, so a leak shows up as text too.
 */
export async function seedScopeWorld(dataSource: DataSource): Promise<World> {
  const f = new Factory(dataSource);
  const newsletters = { ai: await f.newsletter('ai'), devops: await f.newsletter('devops'), web: await f.newsletter('web') };
  const [acme, globex, initech, hooli, umbrella] = await Promise.all(
    ['acme.com', 'globex.com', 'initech.com', 'hooli.com', 'umbrella.com'].map((domain) => f.sponsor(domain)),
  );
  type Link = { tags?: string[]; sponsor?: typeof acme; story?: string };
  type Spec = { nl: keyof typeof newsletters; date: string; status?: IssueStatus; sections?: Array<[string, Link[]]>; placements?: Array<typeof acme> };
  const specs: Spec[] = [
    { nl: 'ai', date: '2025-01-01', sections: [['News', [{ tags: ['security', 'llm'], sponsor: acme }, { tags: ['llm'], story: 'alpha' }]], ['Tools', [{ tags: ['python'] }]], ['Notes', []]], placements: [acme] },
    { nl: 'ai', date: '2025-01-02', sections: [['News', [{ tags: ['llm'], story: 'beta' }]], ['Jobs', [{}]]] },
    { nl: 'ai', date: '2025-01-03', status: IssueStatus.DRAFT, sections: [['Secret Plans', [{ tags: ['security', 'leak'], sponsor: hooli, story: 'alpha' }]]], placements: [hooli] },
    { nl: 'ai', date: '2025-01-04', sections: [['Deep Dive', [{ tags: ['security'] }]]] },
    { nl: 'ai', date: '2025-01-05', status: IssueStatus.SCHEDULED, sections: [['Upcoming', [{ tags: ['security', 'k8s'], story: 'beta' }]]] },
    { nl: 'ai', date: '2025-01-06' },
    { nl: 'devops', date: '2025-01-01', sections: [['News', [{ tags: ['k8s'], sponsor: globex }]], ['Tools', [{ tags: ['security', 'k8s'], story: 'gamma' }]]] },
    { nl: 'devops', date: '2025-01-03', sections: [['News', [{ tags: ['python'], sponsor: umbrella }]]], placements: [acme] },
    { nl: 'devops', date: '2025-01-05', sections: [['Deep Dive', [{ tags: ['security'], story: 'alpha' }, {}]]] },
    { nl: 'web', date: '2025-01-02', sections: [['News', [{ tags: ['security'], story: 'alpha' }]]], placements: [initech] },
    { nl: 'web', date: '2025-01-04', sections: [['Tools', [{ tags: ['python'], story: 'gamma' }]]] },
    { nl: 'web', date: '2025-01-06', status: IssueStatus.DRAFT, sections: [['Drafts Only', [{ tags: ['python', 'secret-tag'], story: 'delta' }]]] },
  ];
  for (const spec of specs) {
    const name = `${spec.nl} ${spec.date}`;
    const sections: SectionSpec[] = (spec.sections ?? []).map(([category, links], s) => ({
      title: `section ${name} #${s}`,
      category,
      links: links.map((link, l) => ({
        title: `link ${name} #${s}.${l}`,
        url: link.story && storyUrl(link.story, name),
        tags: link.tags,
        sponsor: link.sponsor,
        sponsored: Boolean(link.sponsor),
      })),
    }));
    const placements = (spec.placements ?? []).map((sponsor) => ({ sponsor, title: `placement ${name} ${sponsor.name}` }));
    await f.issue(newsletters[spec.nl], { date: spec.date, status: spec.status, sections, placements });
  }
  const security = await f.tag('security');
  await dataSource.query(`INSERT INTO tag_alias (slug, tag_id) VALUES ('infosec', $1)`, [security.id]);
  return loadWorld(dataSource);
}

/** A story's URL as one issue prints it: each with its own tracking, one behind a zero-width space. */
function storyUrl(story: string, issue: string): string {
  const tracking = `utm_source=${encodeURIComponent(issue)}&ref=${issue.split(' ')[0]}`;
  return issue.startsWith('web') ? `\u200bhttps://Stories.example/${story}#?${tracking}` : `https://stories.example/${story}?${tracking}`;
}

export interface WorldLink {
  id: number;
  title: string;
  canonicalUrl: string;
  issueId: number;
  sectionId: number;
  sectionPosition: number;
  position: number;
  sponsorId: number | null;
  tagIds: number[];
}

/** Everything seeded, read back with ids, for the oracle below. */
export interface World {
  newsletters: Array<{ id: number; slug: string }>;
  issues: Array<{ id: number; newsletterId: number; newsletter: string; date: string; status: string; headline: string }>;
  sections: Array<{ id: number; issueId: number; position: number; title: string; categoryId: number }>;
  links: WorldLink[];
  tags: Array<{ id: number; slug: string; aliases: string[] }>;
  categories: Array<{ id: number; slug: string }>;
  sponsors: Array<{ id: number; name: string }>;
  placements: Array<{ id: number; issueId: number; sponsorId: number; position: number; title: string }>;
}

async function loadWorld(dataSource: DataSource): Promise<World> {
  const q = (sql: string) => dataSource.query(sql);
  return {
    newsletters: await q('SELECT id, slug FROM newsletter ORDER BY id'),
    issues: await q(`SELECT i.id, i.newsletter_id AS "newsletterId", n.slug AS newsletter, to_char(i.date, 'YYYY-MM-DD') AS date,
                            i.status::text AS status, i.headline
                       FROM issue i JOIN newsletter n ON n.id = i.newsletter_id ORDER BY i.id`),
    sections: await q(`SELECT id, issue_id AS "issueId", position, title, category_id AS "categoryId" FROM section ORDER BY id`),
    links: await q(`SELECT l.id, l.title, l.canonical_url AS "canonicalUrl", s.issue_id AS "issueId", l.section_id AS "sectionId", s.position AS "sectionPosition",
                           l.position, l.sponsor_id AS "sponsorId",
                           ARRAY(SELECT lt.tag_id FROM link_tag lt WHERE lt.link_id = l.id ORDER BY lt.tag_id) AS "tagIds"
                      FROM link l JOIN section s ON s.id = l.section_id ORDER BY l.id`),
    tags: await q(`SELECT t.id, t.slug, ARRAY(SELECT a.slug FROM tag_alias a WHERE a.tag_id = t.id ORDER BY a.slug) AS aliases FROM tag t ORDER BY t.id`),
    categories: await q('SELECT id, slug FROM category ORDER BY id'),
    sponsors: await q('SELECT id, name FROM sponsor ORDER BY id'),
    placements: await q(`SELECT id, issue_id AS "issueId", sponsor_id AS "sponsorId", position, title FROM sponsor_placement ORDER BY id`),
  };
}

/** A scope as an admin sets it (slugs); null: an unscoped caller (the public, or a partner without a scope). */
export interface ScopeSpec {
  newsletters?: string[];
  tags?: string[];
}

export const ENTITY_TYPES = ['Issue', 'Section', 'Link', 'Tag', 'Category', 'Newsletter', 'Sponsor', 'SponsorPlacement'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** What one caller should see, worked out here in plain code, independently of the SQL under test. */
export interface View {
  visible: Record<EntityType, Set<number>>;
  /** Visible links in each list order. */
  linksNewestFirst: number[];
  linksOldestFirst: number[];
  issuesNewestFirst: number[];
  /** Visible links of an issue or a section, in reading order. */
  linksOfIssue(issueId: number): number[];
  linksOfSection(sectionId: number): number[];
  sectionsOfIssue(issueId: number): number[];
  placementsOfIssue(issueId: number): number[];
  tagsOfIssue(issueId: number): number[];
  /** The nearest visible issue of the same newsletter before or after. */
  neighbour(issueId: number, side: 'previous' | 'next'): number | null;
  linkCountOfTag(tagId: number): number;
  /** Each visible story (canonical URL) once, as its first visible link in each list order. */
  storiesNewestFirst: number[];
  storiesOldestFirst: number[];
  /** The other visible links of a link's story, newest first. */
  appearancesOf(linkId: number): number[];
  /** The visible links of a canonical URL, newest first. */
  linksOfStory(canonicalUrl: string): number[];
  linkCountOfCategory(categoryId: number): number;
  /** Exact JSON strings (quoted) of the titles, headlines, slugs and names this caller must never receive. */
  hiddenTexts: string[];
}

export function viewOf(world: World, scope: ScopeSpec | null): View {
  const tagIdOf = (slug: string) => world.tags.find((tag) => tag.slug === slug || tag.aliases.includes(slug))?.id;
  const scopeTags = scope?.tags?.map(tagIdOf);
  const issueOf = new Map(world.issues.map((issue) => [issue.id, issue]));
  const published = (issueId: number) => issueOf.get(issueId)!.status === IssueStatus.PUBLISHED;
  const linkVisible = (link: WorldLink) =>
    published(link.issueId) &&
    (!scope?.newsletters || scope.newsletters.includes(issueOf.get(link.issueId)!.newsletter)) &&
    (!scopeTags || link.tagIds.some((id) => scopeTags.includes(id)));
  const links = world.links.filter(linkVisible);
  const issueVisible = (issueId: number) => published(issueId) && (!scope || links.some((link) => link.issueId === issueId));
  const issues = world.issues.filter((issue) => issueVisible(issue.id));
  const sections = world.sections.filter(
    (section) => issueVisible(section.issueId) && (!scope || links.some((link) => link.sectionId === section.id)),
  );
  const placements = world.placements.filter((placement) => issueVisible(placement.issueId) && !scope?.tags);
  const visible: Record<EntityType, Set<number>> = {
    Issue: new Set(issues.map((issue) => issue.id)),
    Section: new Set(sections.map((section) => section.id)),
    Link: new Set(links.map((link) => link.id)),
    Tag: new Set(links.flatMap((link) => link.tagIds)),
    Category: new Set(sections.map((section) => section.categoryId)),
    Newsletter: new Set(issues.map((issue) => issue.newsletterId)),
    Sponsor: new Set([...placements.map((p) => p.sponsorId), ...links.flatMap((link) => (link.sponsorId ? [link.sponsorId] : []))]),
    SponsorPlacement: new Set(placements.map((placement) => placement.id)),
  };
  const dateOf = (link: WorldLink) => issueOf.get(link.issueId)!.date;
  const reading = (a: WorldLink, b: WorldLink) => a.sectionPosition - b.sectionPosition || a.position - b.position;
  const newest = [...links].sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || b.issueId - a.issueId || reading(a, b));
  const oldest = [...links].sort((a, b) => dateOf(a).localeCompare(dateOf(b)) || a.issueId - b.issueId || reading(a, b));
  const issuesNewest = [...issues].sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  const hidden = [
    ...world.links.filter((link) => !visible.Link.has(link.id)).map((link) => link.title),
    ...world.issues.filter((issue) => !visible.Issue.has(issue.id)).map((issue) => issue.headline),
    ...world.sections.filter((section) => !visible.Section.has(section.id)).map((section) => section.title),
    ...world.placements.filter((placement) => !visible.SponsorPlacement.has(placement.id)).map((placement) => placement.title),
    ...world.tags.filter((tag) => !visible.Tag.has(tag.id)).map((tag) => tag.slug),
    ...world.categories.filter((category) => !visible.Category.has(category.id)).map((category) => category.slug),
    ...world.sponsors.filter((sponsor) => !visible.Sponsor.has(sponsor.id)).map((sponsor) => sponsor.name),
    ...world.newsletters.filter((newsletter) => !visible.Newsletter.has(newsletter.id)).map((newsletter) => newsletter.slug),
    ...[...new Set(world.links.map((link) => link.canonicalUrl))].filter((url) => !links.some((link) => link.canonicalUrl === url)),
  ];
  const firstOfEachStory = (order: WorldLink[]) =>
    order.filter((link, index) => order.findIndex((other) => other.canonicalUrl === link.canonicalUrl) === index).map((link) => link.id);
  const canonicalOf = new Map(world.links.map((link) => [link.id, link.canonicalUrl]));
  return {
    visible,
    linksNewestFirst: newest.map((link) => link.id),
    linksOldestFirst: oldest.map((link) => link.id),
    issuesNewestFirst: issuesNewest.map((issue) => issue.id),
    linksOfIssue: (issueId) => newest.filter((link) => link.issueId === issueId).map((link) => link.id),
    linksOfSection: (sectionId) => newest.filter((link) => link.sectionId === sectionId).map((link) => link.id),
    sectionsOfIssue: (issueId) =>
      sections.filter((s) => s.issueId === issueId).sort((a, b) => a.position - b.position).map((s) => s.id),
    placementsOfIssue: (issueId) =>
      placements.filter((p) => p.issueId === issueId).sort((a, b) => a.position - b.position).map((p) => p.id),
    tagsOfIssue: (issueId) => [...new Set(links.filter((link) => link.issueId === issueId).flatMap((link) => link.tagIds))].sort((a, b) => a - b),
    neighbour(issueId, side) {
      const self = issueOf.get(issueId)!;
      const candidates = issues
        .filter((issue) => issue.newsletterId === self.newsletterId && (side === 'previous' ? issue.date < self.date : issue.date > self.date))
        .sort((a, b) => (side === 'previous' ? b.date.localeCompare(a.date) : a.date.localeCompare(b.date)));
      return candidates[0]?.id ?? null;
    },
    storiesNewestFirst: firstOfEachStory(newest),
    storiesOldestFirst: firstOfEachStory(oldest),
    appearancesOf: (linkId) =>
      newest.filter((link) => link.canonicalUrl === canonicalOf.get(linkId) && link.id !== linkId).map((link) => link.id),
    linksOfStory: (canonicalUrl) => newest.filter((link) => link.canonicalUrl === canonicalUrl).map((link) => link.id),
    linkCountOfTag: (tagId) => links.filter((link) => link.tagIds.includes(tagId)).length,
    linkCountOfCategory: (categoryId) =>
      links.filter((link) => world.sections.find((section) => section.id === link.sectionId)!.categoryId === categoryId).length,
    hiddenTexts: hidden.map((text) => JSON.stringify(text)),
  };
}

/** Every entity object in a GraphQL answer, by type: each must carry `__typename` and `id`. */
export function entitiesIn(data: unknown, into = new Map<EntityType, Set<number>>(ENTITY_TYPES.map((type) => [type, new Set()]))) {
  if (Array.isArray(data)) {
    for (const item of data) entitiesIn(item, into);
  } else if (data !== null && typeof data === 'object') {
    const record = data as Record<string, unknown>;
    const type = record.__typename as EntityType;
    if (ENTITY_TYPES.includes(type)) {
      if (record.id === undefined) throw new Error(`a ${type} in the answer has no id: select id on every entity in a no-leak query`);
      into.get(type)!.add(Number(record.id));
    }
    for (const value of Object.values(record)) entitiesIn(value, into);
  }
  return into;
}

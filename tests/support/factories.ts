import { DataSource, DeepPartial } from 'typeorm';
import { slugify } from '../../src/content/slug';
import { summaryText } from '../../src/content/summary';
import { canonicalizeUrl, domainOf } from '../../src/content/url';
import { Category } from '../../src/modules/category/category.entity';
import { IssueStatus } from '../../src/modules/issue/issue-status';
import { Issue } from '../../src/modules/issue/issue.entity';
import { LinkKind } from '../../src/modules/link/link-kind';
import { Link } from '../../src/modules/link/link.entity';
import { Newsletter } from '../../src/modules/newsletter/newsletter.entity';
import { Section } from '../../src/modules/section/section.entity';
import { SponsorPlacement } from '../../src/modules/sponsor/sponsor-placement.entity';
import { Sponsor } from '../../src/modules/sponsor/sponsor.entity';
import { LinkTag } from '../../src/modules/tag/link-tag.entity';
import { Tag } from '../../src/modules/tag/tag.entity';

export interface LinkSpec {
  title?: string;
  url?: string;
  domain?: string;
  kind?: LinkKind;
  sponsored?: boolean;
  sponsor?: Sponsor;
  tags?: string[];
  readTimeLabel?: string | null;
  readMinutes?: number | null;
  /** Markdown; a numbered plain sentence when left out. */
  summary?: string;
}

export interface SectionSpec {
  title: string;
  category?: string;
  links: LinkSpec[];
}

export interface IssueSpec {
  date: string;
  headline?: string;
  status?: IssueStatus;
  sections?: SectionSpec[];
  placements?: Array<{ sponsor: Sponsor; title?: string }>;
}


/** Builds test data row by row through TypeORM, so tests state exactly what exists. */
export class Factory {
  private counter = 0;

  constructor(private readonly dataSource: DataSource) {}

  private next(): number {
    this.counter += 1;
    return this.counter;
  }

  newsletter(slug: string, name = `Test ${slug}`): Promise<Newsletter> {
    return this.dataSource.getRepository(Newsletter).save({ slug, name, tagline: null });
  }

  async category(name: string): Promise<Category> {
    const repository = this.dataSource.getRepository(Category);
    const slug = slugify(name);
    return (await repository.findOneBy({ slug })) ?? repository.save({ slug, name });
  }

  async tag(slug: string): Promise<Tag> {
    const repository = this.dataSource.getRepository(Tag);
    return (await repository.findOneBy({ slug })) ?? repository.save({ slug, name: slug.toUpperCase() });
  }

  sponsor(domain: string): Promise<Sponsor> {
    return this.dataSource.getRepository(Sponsor).save({ domain, name: domain.split('.')[0], url: `https://${domain}/` });
  }

  async issue(newsletter: Newsletter, spec: IssueSpec): Promise<Issue> {
    const status = spec.status ?? IssueStatus.PUBLISHED;
    const issue = await this.dataSource.getRepository(Issue).save({
      newsletterId: newsletter.id,
      date: spec.date,
      headline: spec.headline ?? `Headline of ${newsletter.slug} ${spec.date}`,
      status,
      publishedAt: status === IssueStatus.PUBLISHED ? new Date(`${spec.date}T06:00:00Z`) : null,
      // Far enough ahead that no scheduler run during a test makes it due.
      publishAt: status === IssueStatus.SCHEDULED ? new Date(Date.now() + 365 * 86400_000) : null,
    });
    for (const [position, section] of (spec.sections ?? []).entries()) {
      await this.section(issue, position, section);
    }
    for (const [position, placement] of (spec.placements ?? []).entries()) {
      await this.dataSource.getRepository(SponsorPlacement).save({
        issueId: issue.id,
        position,
        title: placement.title ?? `Placement ${this.next()}`,
        body: 'Try it **today**:\n\n- fast\n- cheap',
        url: placement.sponsor.url,
        sponsorId: placement.sponsor.id,
      });
    }
    return issue;
  }

  private async section(issue: Issue, position: number, spec: SectionSpec): Promise<void> {
    const category = await this.category(spec.category ?? spec.title);
    const section = await this.dataSource.getRepository(Section).save({
      issueId: issue.id,
      position,
      title: spec.title,
      emoji: null,
      categoryId: category.id,
    });
    for (const [linkPosition, link] of spec.links.entries()) {
      await this.link(section, linkPosition, link);
    }
  }

  private async link(section: Section, position: number, spec: LinkSpec): Promise<Link> {
    const n = this.next();
    // A given URL is canonicalised as the importer does, so links of one story share a canonical URL.
    const canonicalUrl = spec.url === undefined ? null : canonicalizeUrl(spec.url);
    const domain = spec.domain ?? (canonicalUrl === null ? 'example.com' : domainOf(canonicalUrl));
    const values: DeepPartial<Link> = {
      sectionId: section.id,
      position,
      title: spec.title ?? `Link ${n}`,
      url: spec.url ?? `https://${domain}/post-${n}?utm_source=test`,
      canonicalUrl: canonicalUrl ?? `https://${domain}/post-${n}`,
      domain,
      summary: spec.summary ?? `Summary of link ${n}.`,
      summaryText: summaryText(spec.summary ?? `Summary of link ${n}.`),
      readTimeLabel: spec.readTimeLabel === undefined ? '3 minute read' : spec.readTimeLabel,
      readMinutes: spec.readMinutes === undefined ? 3 : spec.readMinutes,
      kind: spec.kind ?? LinkKind.ARTICLE,
      sponsored: spec.sponsored ?? false,
      sponsorId: spec.sponsor?.id ?? null,
    };
    const link = await this.dataSource.getRepository(Link).save(values);
    for (const slug of spec.tags ?? []) {
      const tag = await this.tag(slug);
      await this.dataSource.getRepository(LinkTag).save({ linkId: link.id, tagId: tag.id });
    }
    return link;
  }
}

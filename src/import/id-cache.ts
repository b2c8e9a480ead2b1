import type { DataSource } from 'typeorm';
import type { Topic } from '../content/taxonomy';
import { ensureTaxonomyTags, Executor, TaxonomyTags } from '../modules/tag/taxonomy-tags';
import type { IssuePlan } from './issue.plan';

type Entry = { slug: string; name: string };

/**
 * Find-or-create without locking rows that already exist (ON CONFLICT DO
 * NOTHING, then read): concurrent imports never wait on each other here.
 */
const FIND_OR_CREATE = {
  newsletter: [
    'INSERT INTO newsletter (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING RETURNING id',
    'SELECT id FROM newsletter WHERE slug = $1',
  ],
  category: [
    'INSERT INTO category (slug, name) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING RETURNING id',
    'SELECT id FROM category WHERE slug = $1',
  ],
  sponsor: [
    'INSERT INTO sponsor (domain, name, url) VALUES ($1, $2, $3) ON CONFLICT (domain) DO NOTHING RETURNING id',
    'SELECT id FROM sponsor WHERE domain = $1',
  ],
} as const;

/**
 * The same for many rows at once: insert the missing ones in one statement (in key order, so that
 * concurrent batches take the unique index's locks in the same order), then read the ones another writer made.
 */
const FIND_OR_CREATE_MANY = {
  category: [
    `INSERT INTO category (slug, name) SELECT slug, name FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS x(slug, name, n)
      ORDER BY n ON CONFLICT (slug) DO NOTHING RETURNING id, slug AS key`,
    'SELECT id, slug AS key FROM category WHERE slug = ANY($1::text[])',
  ],
  sponsor: [
    `INSERT INTO sponsor (domain, name, url) SELECT domain, name, url FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS x(domain, name, url, n)
      ORDER BY n ON CONFLICT (domain) DO NOTHING RETURNING id, domain AS key`,
    'SELECT id, domain AS key FROM sponsor WHERE domain = ANY($1::text[])',
  ],
} as const;

/** A sponsor's site from its key: a domain has one, a folded name has none. */
export function sponsorSite(key: string): string {
  return key.includes('.') ? `https://${key}/` : '';
}

/**
 * Ids of the shared rows issues point at (newsletters, categories, sponsors,
 * tags), found or created once per batch, in their own short statements
 * outside the issue's transaction. Such a row can outlive an issue whose write
 * then fails; it stays invisible, since the public sees shared rows only through
 * published issues. A dry run works inside its own transaction (rolled back)
 * and caches nothing.
 */
export class IdCache {
  private readonly known = new Map<string, number>();
  private taxonomyTags: TaxonomyTags | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * Finds or creates the categories and sponsors of the plans not known yet, a few statements for
   * all of them, so that their issues then resolve from memory. A row keeps the name of its first mention.
   */
  async preload(plans: readonly IssuePlan[]): Promise<void> {
    const categories = plans.flatMap((plan) => plan.sections.flatMap((section) => (section.category ? [section.category] : [])));
    const sponsors = plans.flatMap((plan) => [
      ...plan.sections.flatMap((section) => section.links.flatMap((link) => (link.sponsor ? [link.sponsor] : []))),
      ...plan.placements.map((placement) => placement.sponsor),
    ]);
    await this.createMany('category', categories.map(({ slug, name }) => [slug, name]));
    await this.createMany('sponsor', sponsors.map(({ domain, name }) => [domain, name, sponsorSite(domain)]));
  }

  /** Rows as [key, ...other columns]; the first row of each key counts. */
  private async createMany(kind: keyof typeof FIND_OR_CREATE_MANY, rows: string[][]): Promise<void> {
    const missing = new Map<string, string[]>();
    for (const row of rows) if (!this.known.has(`${kind}:${row[0]}`) && !missing.has(row[0])) missing.set(row[0], row);
    if (!missing.size) return;
    const ordered = [...missing.values()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const [insert, select] = FIND_OR_CREATE_MANY[kind];
    const remember = (found: Array<{ id: number; key: string }>) => found.forEach(({ id, key }) => this.known.set(`${kind}:${key}`, Number(id)));
    remember(await this.dataSource.query(insert, ordered[0].map((_, column) => ordered.map((row) => row[column]))));
    const rest = ordered.map((row) => row[0]).filter((key) => !this.known.has(`${kind}:${key}`));
    if (rest.length) remember(await this.dataSource.query(select, [rest]));
  }

  /** Resolvers for one issue; pass the dry run's transaction to keep its upserts inside it. */
  scope(dryRunTransaction: Executor | null) {
    const executor: Executor = dryRunTransaction ?? this.dataSource;
    const remember = dryRunTransaction === null;
    const resolve = async (key: string, [insert, select]: readonly [string, string], params: unknown[]) => {
      const cached = this.known.get(key);
      if (cached !== undefined) return cached;
      const [row] = (await executor.query(insert, params)) ?? [];
      const id = Number((row ?? (await executor.query(select, [params[0]]))[0]).id);
      if (remember) this.known.set(key, id);
      return id;
    };
    return {
      newsletter: ({ slug, name }: Entry) => resolve(`newsletter:${slug}`, FIND_OR_CREATE.newsletter, [slug, name]),
      category: ({ slug, name }: Entry) => resolve(`category:${slug}`, FIND_OR_CREATE.category, [slug, name]),
      sponsor: ({ domain, name }: { domain: string; name: string }) =>
        resolve(`sponsor:${domain}`, FIND_OR_CREATE.sponsor, [domain, name, sponsorSite(domain)]),
      /** The tags of the taxonomy's topics, created when missing (never renamed: editors own tags). */
      tags: async (topics: readonly Topic[]): Promise<TaxonomyTags> => {
        if (this.taxonomyTags) return this.taxonomyTags;
        const tags = await ensureTaxonomyTags(executor, topics);
        if (remember) this.taxonomyTags = tags;
        return tags;
      },
    };
  }
}

export type IdScope = ReturnType<IdCache['scope']>;

import type { DataSource } from 'typeorm';
import type { Topic } from '../content/taxonomy';
import { ensureTaxonomyTags, Executor, TaxonomyTags } from '../modules/tag/taxonomy-tags';

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

/** A sponsor's site from its key: a domain has one, a folded name has none. */
export function sponsorSite(key: string): string {
  return key.includes('.') ? `https://${key}/` : '';
}

/**
 * Ids of the shared rows issues point at (newsletters, categories, sponsors,
 * tags), found or created once per batch, in their own short statements
 * outside the transaction. Such a row can outlive an issue whose write
 * then fails; it stays invisible, since the public sees shared rows only through
 * published issues. A dry run works inside its own transaction (rolled back)
 * and caches nothing.
 */
export class IdCache {
  private readonly known = new Map<string, number>();
  private taxonomyTags: TaxonomyTags | null = null;

  constructor(private readonly dataSource: DataSource) {}

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

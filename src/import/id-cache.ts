import type { DataSource } from 'typeorm';

type Entry = { slug: string; name: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Executor = { query(sql: string, params?: unknown[]): Promise<any> };

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

const ENSURE_TAGS = [
  'INSERT INTO tag (slug, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (slug) DO NOTHING',
  'SELECT id, slug FROM tag WHERE slug = ANY($1::text[])',
] as const;

/**
 * Ids of the shared rows issues point at (newsletters, categories, sponsors,
 * tags), found or created once per batch, in their own short statements
 * outside the transaction. Such a row can outlive an issue whose write
 * then fails; it stays invisible, since the public sees shared rows only through
 * published issues. A dry run works inside its own transaction (rolled back)
 * and caches nothing.
 */
/** A sponsor's site from its key: a domain has one, a folded name has none. */
export function sponsorSite(key: string): string {
  return key.includes('.') ? `https://${key}/` : '';
}

export class IdCache {
  private readonly known = new Map<string, number>();
  private tagIds: Map<string, number> | null = null;

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
      /** Ensures every taxonomy tag exists (renaming is `retag`'s job) and returns slug → id. */
      tags: async (topics: readonly Entry[]): Promise<Map<string, number>> => {
        if (this.tagIds) return this.tagIds;
        const slugs = topics.map((topic) => topic.slug);
        await executor.query(ENSURE_TAGS[0], [slugs, topics.map((topic) => topic.name)]);
        const rows: Array<{ id: number; slug: string }> = await executor.query(ENSURE_TAGS[1], [slugs]);
        const tagIds = new Map(rows.map((row) => [row.slug, Number(row.id)]));
        if (remember) this.tagIds = tagIds;
        return tagIds;
      },
    };
  }
}

export type IdScope = ReturnType<IdCache['scope']>;

import type { DataSource } from 'typeorm';

type Entry = { slug: string; name: string };
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Executor = { query(sql: string, params?: unknown[]): Promise<any> };

const UPSERTS = {
  newsletter: `INSERT INTO newsletter (slug, name) VALUES ($1, $2)
               ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id`,
  category: `INSERT INTO category (slug, name) VALUES ($1, $2)
             ON CONFLICT (slug) DO UPDATE SET slug = EXCLUDED.slug RETURNING id`,
  sponsor: `INSERT INTO sponsor (domain, name, url) VALUES ($1, $2, $3)
            ON CONFLICT (domain) DO UPDATE SET domain = EXCLUDED.domain RETURNING id`,
  tags: `INSERT INTO tag (slug, name) SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id, slug`,
} as const;

/**
 * Ids of the shared rows issues point at (newsletters, categories, sponsors,
 * tags), found or created once per batch. They are upserted in their own
 * short statements outside the transaction, so concurrent imports
 * never wait on each other's locks; a dry run upserts inside its own
 * transaction instead (rolled back) and caches nothing.
 */
export class IdCache {
  private readonly known = new Map<string, number>();
  private tagIds: Map<string, number> | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** Resolvers for one issue; pass the dry run's transaction to keep its upserts inside it. */
  scope(dryRunTransaction: Executor | null) {
    const executor: Executor = dryRunTransaction ?? this.dataSource;
    const remember = dryRunTransaction === null;
    const resolve = async (key: string, sql: string, params: unknown[]): Promise<number> => {
      const cached = this.known.get(key);
      if (cached !== undefined) return cached;
      const [row] = await executor.query(sql, params);
      if (remember) this.known.set(key, Number(row.id));
      return Number(row.id);
    };
    return {
      newsletter: ({ slug, name }: Entry) => resolve(`newsletter:${slug}`, UPSERTS.newsletter, [slug, name]),
      category: ({ slug, name }: Entry) => resolve(`category:${slug}`, UPSERTS.category, [slug, name]),
      sponsor: ({ domain, name }: { domain: string; name: string }) =>
        resolve(`sponsor:${domain}`, UPSERTS.sponsor, [domain, name, `https://${domain}/`]),
      /** Ensures every taxonomy tag exists, named as the taxonomy says, and returns slug → id. */
      tags: async (topics: readonly Entry[]): Promise<Map<string, number>> => {
        if (this.tagIds) return this.tagIds;
        const rows: Array<{ id: number; slug: string }> = await executor.query(UPSERTS.tags, [
          topics.map((topic) => topic.slug),
          topics.map((topic) => topic.name),
        ]);
        const tagIds = new Map(rows.map((row) => [row.slug, Number(row.id)]));
        if (remember) this.tagIds = tagIds;
        return tagIds;
      },
    };
  }
}

export type IdScope = ReturnType<IdCache['scope']>;

import { idsOfSlugs } from '../../common/slug-aliases';
import { SqlWhere } from '../../common/sql';

/**
 * What a scoped PARTNER key may read: links of issues of these newsletters
 * and/or links carrying one of these tags; null on a side means no limit there.
 * Both sides set means both apply (a link must meet each).
 */
export interface ReadScope {
  /** Newsletter ids: they survive a rename, which keeps no alias. */
  newsletterIds: readonly number[] | null;
  /** Tag slugs, current or old: resolved per statement through the aliases, so a merged or renamed tag keeps its partners. */
  tagSlugs: readonly string[] | null;
}

/**
 * The scope as SQL, for one statement: each method returns a condition (TRUE
 * when there is no scope, so the public and unscoped keys read exactly as
 * before), registering the scope's parameters on `where` the first time a
 * condition needs them. Every read path builds its scope conditions here, next
 * to the status rules of issue.visibility.ts.
 */
export class ScopeSql {
  private newsletterParam: string | null = null;
  private tagParam: string | null = null;

  private constructor(
    private readonly where: SqlWhere,
    private readonly scope: ReadScope | null,
  ) {}

  static of(where: SqlWhere, scope: ReadScope | null): ScopeSql {
    return new ScopeSql(where, scope);
  }

  get limited(): boolean {
    return this.newsletterIds !== null || this.tagSlugs !== null;
  }

  private get newsletterIds() {
    return this.scope?.newsletterIds ?? null;
  }

  private get tagSlugs() {
    return this.scope?.tagSlugs ?? null;
  }

  /** The link `l` (of the issue `i`) is in scope. */
  link(l = 'l', i = 'i'): string {
    const conditions = [this.newsletterOf(i), this.tagged(l)].filter((condition) => condition !== null);
    return conditions.length ? conditions.join(' AND ') : 'TRUE';
  }

  /** The issue `i` holds an in-scope link: only then does a scoped partner see it. */
  issue(i = 'i'): string {
    if (!this.limited) return 'TRUE';
    const tagged = this.tagged('sl');
    const holds = `EXISTS (SELECT 1 FROM section ss JOIN link sl ON sl.section_id = ss.id WHERE ss.issue_id = ${i}.id${tagged ? ` AND ${tagged}` : ''})`;
    return [this.newsletterOf(i), holds].filter((condition) => condition !== null).join(' AND ');
  }

  /** The section `s` (of the issue `i`) holds an in-scope link; other sections are hidden from a scoped partner. */
  section(s = 's', i = 'i'): string {
    if (!this.limited) return 'TRUE';
    return `EXISTS (SELECT 1 FROM link sl WHERE sl.section_id = ${s}.id AND ${this.link('sl', i)})`;
  }

  /**
   * Sponsor placements of the issue `i`: blocks sold for a whole issue, not
   * links, so they carry no tags. A tag limit therefore hides them all; a
   * newsletter limit shows those of the issues the partner sees.
   */
  placement(i = 'i'): string {
    if (this.tagSlugs !== null) return 'FALSE';
    return this.issue(i);
  }

  private newsletterOf(i: string): string | null {
    if (this.newsletterIds === null) return null;
    this.newsletterParam ??= this.where.param(this.newsletterIds);
    return `${i}.newsletter_id = ANY(${this.newsletterParam}::int[])`;
  }

  private tagged(l: string): string | null {
    if (this.tagSlugs === null) return null;
    this.tagParam ??= this.where.param(this.tagSlugs);
    return `EXISTS (SELECT 1 FROM link_tag slt WHERE slt.link_id = ${l}.id AND slt.tag_id = ANY(${idsOfSlugs('tag', this.tagParam)}))`;
  }
}

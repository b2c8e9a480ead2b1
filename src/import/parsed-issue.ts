/**
 * The plain-object form of one rendered newsletter issue. Every parser
 * (markdown today; HTML or plain-text email later) produces this, and one
 * writer turns it into rows, so formats never touch the database.
 */

import type { LinkKind } from '../content/label';

export type { LinkKind };

export interface ParsedLink {
  /** Plain text: label removed, markdown escapes and entities decoded, spaces collapsed. */
  title: string;
  /** URL exactly as published (entities left as printed). */
  url: string;
  /** Entities decoded, tracking parameters dropped, host lower-cased. */
  canonicalUrl: string;
  /** Host of the canonical URL without a leading `www.` (the address's domain for `mailto:`). */
  domain: string;
  /** Markdown of the paragraphs after the item heading, joined by blank lines; entities decoded, spaces collapsed. */
  summary: string;
  /** The last parenthesised group of the heading, verbatim: "8 minute read", "GitHub Repo". Null when absent. */
  readTimeLabel: string | null;
  readMinutes: number | null;
  kind: LinkKind;
  sponsored: boolean;
  /** The advertiser a sponsored link is for; null for other links, house ads and ads naming nobody. `domain` is its key. */
  sponsor: { domain: string; name: string } | null;
}

export interface ParsedSponsorBlock {
  title: string;
  /** Markdown body: paragraphs, bullets and inline links, as printed. */
  body: string;
  /** The call-to-action URL (the item heading's link), canonicalised. */
  url: string;
  /**
   * The advertiser's key, its identity across issues: the registrable domain of its own site
   * (`orkes.io` for `go.orkes.io`), or its folded name when the ad links only through go-betweens.
   */
  sponsorDomain: string;
  /** The advertiser's name as the ad spells it ("QA Wolf"), else derived from its site. */
  sponsorName: string;
}

export interface ParsedSection {
  title: string;
  /** The emoji line printed above the section heading, or null. */
  emoji: string | null;
  links: ParsedLink[];
}

/** Something the importer left out or could not read as printed, reported with the import. */
export interface ImportWarning {
  /** EMPTY_TITLE: an item whose title is empty or only punctuation (such as ")"), skipped. */
  code: 'EMPTY_TITLE';
  /** Which item and why, in words. */
  message: string;
}

export interface ParsedIssue {
  /** Newsletter slug (`ai`, `tech`, ...) inferred from the heading, or given by the caller. */
  newsletter: string;
  /** The name printed in the `# ` heading ("TLDR AI", or a tagline). */
  heading: string;
  /** ISO date `YYYY-MM-DD`. */
  date: string;
  headline: string;
  /** Sponsored items of the unnamed block above the first section that name their advertiser. */
  sponsorBlocks: ParsedSponsorBlock[];
  /** The other items of that block (house ads, job posts, ads naming nobody), kept as links of a "Top" section. */
  topLinks: ParsedLink[];
  sections: ParsedSection[];
  /** Items skipped and why; empty for a clean issue. */
  warnings: ImportWarning[];
}

import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { announceWrite, contentWritten } from '../cache/content-writes';
import { planIssue } from './issue.plan';
import { ImportOutcome, IssueWriter } from './issue.writer';
import { parseMarkdownIssue } from './markdown/markdown.parser';
import type { ParsedIssue } from './parsed-issue';

/** The formats the importer reads; each is one parser producing a ParsedIssue. */
export type ImportFormat = 'markdown';

const PARSERS: Record<ImportFormat, (text: string, options: { newsletter?: string }) => ParsedIssue> = {
  markdown: parseMarkdownIssue,
};

export interface ImportRequest {
  text: string;
  format?: ImportFormat;
  /** Newsletter slug, overriding the one read from the heading. */
  newsletter?: string;
  dryRun?: boolean;
}

export interface ImportWrite extends ImportRequest {
  /** Who the audit trail names: the GraphQL caller, or the command line. */
  actor: Actor;
}

/**
 * Turns rendered issues into stored ones: parse (format-specific), plan
 * (derive categories, tags, sponsors), write (one atomic unit per issue, with its audit entry).
 * Keep one Importer for a batch: it caches ids across issues.
 */
export class Importer {
  private readonly writer: IssueWriter;

  constructor(private readonly dataSource: DataSource) {
    this.writer = new IssueWriter(dataSource);
  }

  /** Parses without touching the database; throws NotAnIssueError for documents that are not issues. */
  parse({ text, format = 'markdown', newsletter }: ImportRequest): ParsedIssue {
    return PARSERS[format](text, { newsletter });
  }

  /** Writes one issue; a write that changed anything is announced to the caches before this returns (cache/content-writes.ts). */
  async import(request: ImportWrite): Promise<ImportOutcome> {
    const outcome = await this.writer.write(planIssue(this.parse(request)), { actor: request.actor, dryRun: request.dryRun });
    if (!outcome.dryRun && outcome.status !== 'UNCHANGED') {
      await announceWrite(this.dataSource, (sql, params) => this.dataSource.query(sql, params));
      await contentWritten(this.dataSource);
    }
    return outcome;
  }
}

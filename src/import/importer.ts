import { DataSource } from 'typeorm';
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

/**
 * Turns rendered issues into stored ones: parse (format-specific), plan
 * (derive categories, tags, sponsors), write (one transaction per issue).
 * Keep one Importer for a batch: it caches ids across issues.
 */
export class Importer {
  private readonly writer: IssueWriter;

  constructor(dataSource: DataSource) {
    this.writer = new IssueWriter(dataSource);
  }

  /** Parses without touching the database; throws NotAnIssueError for documents that are not issues. */
  parse({ text, format = 'markdown', newsletter }: ImportRequest): ParsedIssue {
    return PARSERS[format](text, { newsletter });
  }

  async import(request: ImportRequest): Promise<ImportOutcome> {
    return this.writer.write(planIssue(this.parse(request)), { dryRun: request.dryRun });
  }
}

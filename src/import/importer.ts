import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { IssuePlan, planIssue } from './issue.plan';
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

  constructor(dataSource: DataSource) {
    this.writer = new IssueWriter(dataSource);
  }

  /** Parses without touching the database; throws NotAnIssueError for documents that are not issues. */
  parse({ text, format = 'markdown', newsletter }: ImportRequest): ParsedIssue {
    return PARSERS[format](text, { newsletter });
  }

  /** Parses and plans (categories, tags, sponsors) without touching the database. */
  plan(request: ImportRequest): IssuePlan {
    return planIssue(this.parse(request));
  }

  async import(request: ImportWrite): Promise<ImportOutcome> {
    return this.writer.write(this.plan(request), { actor: request.actor, dryRun: request.dryRun });
  }

  /** Writes planned issues, new ones together (see IssueWriter.writeMany); each one's outcome or error, in order. */
  async writeMany(plans: readonly IssuePlan[], actor: Actor): Promise<Array<ImportOutcome | Error>> {
    return this.writer.writeMany(plans, { actor });
  }
}

/**
 * From a rendered issue's text to its plan, without the database: the part of
 * an import that the planning threads (plan.worker.ts) run as well.
 */
import { IssuePlan, planIssue } from './issue.plan';
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

/** Parses a document; throws NotAnIssueError for documents that are not issues. */
export function parseDocument({ text, format = 'markdown', newsletter }: ImportRequest): ParsedIssue {
  return PARSERS[format](text, { newsletter });
}

/** Parses and plans (categories, tags, sponsors); throws as parseDocument and planIssue do. */
export function planDocument(request: ImportRequest): IssuePlan {
  return planIssue(parseDocument(request));
}

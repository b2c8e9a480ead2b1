/** Errors of the importer, each saying in plain words why a document was refused. */

/** The document is not a newsletter issue: empty, an error page, no dated heading, no items. */
export class NotAnIssueError extends Error {
  override readonly name = 'NotAnIssueError';
  readonly code = 'NOT_AN_ISSUE';

  constructor(readonly reason: string) {
    super(`not a newsletter issue: ${reason}`);
  }
}

/** The issue's heading names no known newsletter, and the caller named none either. */
export class UnknownNewsletterError extends Error {
  override readonly name = 'UnknownNewsletterError';
  readonly code = 'UNKNOWN_NEWSLETTER';

  constructor(readonly heading: string) {
    super(`unknown newsletter "${heading}": pass the newsletter slug explicitly`);
  }
}

/** The issue holds more than an issue may (sections, links, sponsor blocks, tags: src/content/limits.ts). */
export class IssueTooLargeError extends Error {
  override readonly name = 'IssueTooLargeError';
  readonly code = 'ISSUE_TOO_LARGE';

  constructor(readonly reason: string) {
    super(`issue too large: ${reason}`);
  }
}

/** What was thrown, as an Error (a batch reports each file's failure by its message). */
export function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { announceWrite, contentWritten } from '../cache/content-writes';
import { ImportRequest, parseDocument, planDocument } from './document.plan';
import type { IssuePlan } from './issue.plan';
import { ImportOutcome, IssueWriter } from './issue.writer';
import type { ParsedIssue } from './parsed-issue';

export type { ImportFormat, ImportRequest } from './document.plan';

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
  parse(request: ImportRequest): ParsedIssue {
    return parseDocument(request);
  }

  /** Parses and plans (categories, tags, sponsors) without touching the database. */
  plan(request: ImportRequest): IssuePlan {
    return planDocument(request);
  }

  /** Writes one issue; a write that changed anything is announced to the caches before this returns (cache/content-writes.ts). */
  async import(request: ImportWrite): Promise<ImportOutcome> {
    const outcome = await this.writer.write(this.plan(request), { actor: request.actor, dryRun: request.dryRun });
    await this.announce([outcome]);
    return outcome;
  }

  /** Writes planned issues, new ones together (see IssueWriter.writeMany); each one's outcome or error, in order. */
  async writeMany(plans: readonly IssuePlan[], actor: Actor): Promise<Array<ImportOutcome | Error>> {
    const outcomes = await this.writer.writeMany(plans, { actor });
    await this.announce(outcomes);
    return outcomes;
  }

  /** Announces the write to the caches when any outcome changed stored content. */
  private async announce(outcomes: ReadonlyArray<ImportOutcome | Error>): Promise<void> {
    if (outcomes.some((outcome) => !(outcome instanceof Error) && !outcome.dryRun && outcome.status !== 'UNCHANGED')) {
      await announceWrite(this.dataSource, (sql, params) => this.dataSource.query(sql, params));
      await contentWritten(this.dataSource);
    }
  }
}

import { DataSource } from 'typeorm';
import { SCHEDULER_ACTOR } from '../../auth/actor';
import { runEdit } from '../../editing/edit';
import { changedFields } from '../audit/audit.service';
import { publication } from './issue-edit.service';
import { IssueStatus } from './issue-status';

/** One issue the scheduler published. */
export interface ScheduledPublication {
  id: number;
  newsletter: string;
  date: string;
  version: number;
  publishedAt: Date;
}

export interface SchedulerOptions {
  intervalMs: number;
  /** Issues published per transaction; a run repeats batches until none is left due. */
  batchSize?: number;
  log?: (line: string) => void;
}

/**
 * Publishes the due issues of one batch as one write: status PUBLISHED,
 * `published_at` the scheduled time (the first publication's time when the
 * issue was published before), `publish_at` cleared, version bumped by one.
 * `SKIP LOCKED` lets several processes run this at once: a row another
 * transaction holds is left to it, and the outer status re-check drops a row
 * published meanwhile, so each issue is published exactly once.
 */
const PUBLISH_DUE = `
WITH due AS (
  SELECT id, publish_at, published_at FROM issue
   WHERE status = 'SCHEDULED' AND publish_at <= now()
   ORDER BY publish_at, id
   LIMIT $1
   FOR UPDATE SKIP LOCKED
)
UPDATE issue i
   SET status = 'PUBLISHED', published_at = COALESCE(i.published_at, i.publish_at), publish_at = NULL,
       version = i.version + 1, updated_at = now()
  FROM due
 WHERE i.id = due.id AND i.status = 'SCHEDULED'
RETURNING i.id, i.version, i.date, i.published_at, due.publish_at AS scheduled_for, due.published_at AS published_before,
          (SELECT slug FROM newsletter n WHERE n.id = i.newsletter_id) AS newsletter`;

interface PublishedRow {
  id: number;
  version: number;
  date: string;
  published_at: Date;
  scheduled_for: Date;
  published_before: Date | null;
  newsletter: string;
}

/**
 * The in-process scheduler: every `intervalMs` (and once at start, to catch up
 * on anything that fell due while no process was running) it publishes the
 * SCHEDULED issues whose time has come, audited as the system. Runs never
 * overlap within a process; a failed run is logged and retried next tick.
 */
export class IssueScheduler {
  private readonly batchSize: number;
  private readonly log: (line: string) => void;
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<unknown> | null = null;
  /** Between start() and stop(). */
  private active = false;
  /** Set by stop(): a run in flight ends after its current batch. */
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: SchedulerOptions,
  ) {
    this.batchSize = options.batchSize ?? 100;
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** Runs once now, then every `intervalMs` after each run ends. The timer never keeps the process alive. */
  start(): void {
    if (this.active) return;
    this.active = true;
    this.stopping = false;
    if (!this.inFlight) this.tick();
  }

  /** Stops the timer and waits for a run in flight (it ends after its current batch), so the pool can be closed after it. */
  async stop(): Promise<void> {
    this.active = false;
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  /** Publishes everything due now, batch after batch; returns what it published. */
  async runOnce(): Promise<ScheduledPublication[]> {
    const published: ScheduledPublication[] = [];
    for (;;) {
      const batch = await this.publishBatch();
      published.push(...batch);
      if (batch.length < this.batchSize || this.stopping) return published;
    }
  }

  private tick(): void {
    this.timer = null;
    const run = this.runOnce().catch((error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      this.log(`scheduler: run failed, retrying in ${this.options.intervalMs} ms: ${reason.split('\n')[0]}`);
    });
    this.inFlight = run;
    void run.finally(() => {
      if (this.inFlight === run) this.inFlight = null;
      if (!this.active) return;
      this.timer = setTimeout(() => this.tick(), this.options.intervalMs);
      this.timer.unref();
    });
  }

  private publishBatch(): Promise<ScheduledPublication[]> {
    return runEdit(this.dataSource, SCHEDULER_ACTOR, async (edit) => {
      const rows = await edit.query<PublishedRow>(PUBLISH_DUE, [this.batchSize]);
      for (const row of rows) {
        edit.audit({
          action: 'publishIssue',
          entityType: 'ISSUE',
          entityId: row.id,
          issueId: row.id,
          changes: changedFields(
            { status: IssueStatus.SCHEDULED, ...publication({ publish_at: row.scheduled_for, published_at: row.published_before }) },
            { status: IssueStatus.PUBLISHED, ...publication({ publish_at: null, published_at: row.published_at }) },
          ),
        });
      }
      return rows.map((row) => ({
        id: row.id,
        newsletter: row.newsletter,
        date: row.date,
        version: row.version,
        publishedAt: row.published_at,
      }));
    }).then((published) => {
      // Logged after the commit, so a line never names a publication that rolled back.
      for (const issue of published) {
        this.log(`scheduler: published issue ${issue.id} (${issue.newsletter} ${issue.date}) at version ${issue.version}`);
      }
      return published;
    });
  }
}

import { withoutDeadline } from '../common/deadline';

export interface OutageLogger {
  error(message: string): void;
  log(message: string): void;
}

/** How often the database is tried while it is out. */
const PROBE_INTERVAL_MS = 250;

/**
 * Tells the log about a database outage once, not once per request: a line
 * when the first request is refused, and one when the database answers again,
 * with how long it lasted and how many requests were refused meanwhile.
 * It never refuses anything itself: every request still tries the database,
 * so service resumes as soon as the pool can connect again.
 */
export class OutageLog {
  private since: number | null = null;
  private recoveredAt = 0;
  private refusedCount = 0;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly probe: () => Promise<unknown>,
    private readonly logger: OutageLogger = console,
  ) {}

  /** Whether an outage is under way (a request was refused and the database has not answered since). */
  get active(): boolean {
    return this.since !== null;
  }

  /**
   * A request that arrived at `startedAt` was answered SERVICE_UNAVAILABLE; `reason` is what the driver said.
   * One that arrived before the last recovery belongs to the outage already reported.
   */
  refused(reason: string, startedAt: number): void {
    if (this.since === null && startedAt < this.recoveredAt) return;
    this.refusedCount += 1;
    if (this.since !== null || this.stopped) return;
    this.since = Date.now();
    this.logger.error(`database unreachable (${reason}): answering 503 SERVICE_UNAVAILABLE until it is back`);
    withoutDeadline(() => this.schedule());
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.attempt(), PROBE_INTERVAL_MS);
    this.timer.unref();
  }

  private async attempt(): Promise<void> {
    try {
      await this.probe();
    } catch {
      this.schedule();
      return;
    }
    const seconds = ((Date.now() - (this.since ?? Date.now())) / 1000).toFixed(1);
    const count = this.refusedCount.toLocaleString('en-US');
    this.logger.log(`database unreachable for ${seconds} s, ${count} ${this.refusedCount === 1 ? 'request' : 'requests'} refused`);
    this.since = null;
    this.recoveredAt = Date.now();
    this.refusedCount = 0;
  }
}

import type { Edit } from './edit';

/** Per-issue counts of a bulk write (a merge): what it changed in each issue it touched. */
export class IssueTally {
  private readonly rows = new Map<number, Record<string, number>>();

  constructor(private readonly counters: readonly string[]) {}

  /** Records the issue as touched, with every count at zero until `add` says otherwise. */
  include(issueId: number): Record<string, number> {
    let row = this.rows.get(issueId);
    if (!row) {
      row = Object.fromEntries(this.counters.map((name) => [name, 0]));
      this.rows.set(issueId, row);
    }
    return row;
  }

  /** Counts `n` changes of kind `counter` in the issue. */
  add(issueId: number, counter: string, n = 1): void {
    this.include(issueId)[counter] += n;
  }

  issueIds(): number[] {
    return [...this.rows.keys()].sort((a, b) => a - b);
  }

  countsOf(issueId: number): Record<string, number> {
    return { ...this.rows.get(issueId) };
  }

  totals(): Record<string, number> {
    const totals: Record<string, number> = Object.fromEntries(this.counters.map((name) => [name, 0]));
    for (const row of this.rows.values()) for (const name of this.counters) totals[name] += row[name];
    return { issues: this.rows.size, ...totals };
  }
}

/**
 * Bumps every issue in the tally once (id order; touchIssue skips those
 * already bumped) and gives each its one audit entry, with the counts and
 * `context` as its summary: one entry per issue, never one per row moved.
 */
export async function auditIssues(edit: Edit, action: string, tally: IssueTally, context: Record<string, unknown>): Promise<void> {
  await edit.touchIssues(tally.issueIds());
  for (const issueId of tally.issueIds()) {
    edit.audit({ action, entityType: 'ISSUE', entityId: issueId, issueId, summary: { ...context, ...tally.countsOf(issueId) } });
  }
}

/** Bumps, in id order, the issues a bulk write is about to change, so their row locks are taken before anything moves. */
export async function touchIssues(edit: Edit, tally: IssueTally, issueIds: readonly number[]): Promise<void> {
  for (const issueId of issueIds) tally.include(issueId);
  await edit.touchIssues(issueIds);
}

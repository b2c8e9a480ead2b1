/**
 * Yielding for fairness. The event loop is one thread, and GraphQL completes
 * every item of a batch its loader returns in one go: for a page of 26 issues
 * that is hundreds of links and their tags, tens of milliseconds during which no
 * other request gets a turn. A request's Turns hands a large batch out a slice
 * per turn of the event loop (other requests' I/O runs in between), and holds
 * back the request's next batches until every slice is out, so that yielding
 * never splits a batch: the statements a query runs stay the same.
 */

/** Items (rows) handed out per turn of the event loop. */
export const ITEMS_PER_TURN = 50;

/** Runs `job` when DataLoader would by default: after the promise jobs now pending. */
export function afterPendingJobs(job: () => void): void {
  void Promise.resolve().then(() => process.nextTick(job));
}

export class Turns {
  /** Batches still handing out slices. */
  private spreading = 0;
  private held: Array<() => void> = [];

  /** DataLoader's `batchScheduleFn`: dispatches as DataLoader does, unless slices of an earlier batch are still going out. */
  readonly schedule = (dispatch: () => void): void => {
    if (this.spreading > 0) this.held.push(dispatch);
    else afterPendingJobs(dispatch);
  };

  /**
   * A batch's values, `ITEMS_PER_TURN` items' worth (by `size`) as they are and
   * the rest as promises settled one slice per later turn of the event loop.
   */
  spread<V>(values: V[], size: (value: V) => number = () => 1): Array<V | Promise<V>> {
    const slices: Array<Array<() => void>> = [];
    const result: Array<V | Promise<V>> = [];
    let items = 0;
    for (const value of values) {
      items += Math.max(1, size(value));
      const slice = Math.floor((items - 1) / ITEMS_PER_TURN);
      if (slice === 0) {
        result.push(value);
      } else {
        result.push(new Promise<V>((resolve) => (slices[slice - 1] ??= []).push(() => resolve(value))));
      }
    }
    if (slices.length) {
      this.spreading += 1;
      this.release(slices.filter(Boolean), 0);
    }
    return result;
  }

  private release(slices: Array<Array<() => void>>, index: number): void {
    setImmediate(() => {
      for (const settle of slices[index]) settle();
      if (index + 1 < slices.length) this.release(slices, index + 1);
      else this.finished();
    });
  }

  private finished(): void {
    this.spreading -= 1;
    if (this.spreading > 0) return;
    const held = this.held;
    this.held = [];
    for (const dispatch of held) afterPendingJobs(dispatch);
  }
}

import type { HeavyQuerySettings } from './limits.config';

interface Waiter {
  grant: () => void;
  timer: NodeJS.Timeout;
}

export class LaneBusyError extends Error {
  constructor(readonly waitedMs: number) {
    super('busy');
  }
}

/**
 * The event loop is one thread: while heavy requests execute, a light one waits
 * for their CPU between its own steps. The lane lets only `concurrency` heavy
 * requests execute at once, so a light request never queues behind more than
 * that; the others wait, served in turn by caller (round robin over the callers
 * waiting, first come first served within one), so one caller sending many
 * cannot take every turn.
 */
export class HeavyLane {
  private running = 0;
  /** Waiters by caller, in the order callers get their next turn. */
  private readonly waiting = new Map<string, Waiter[]>();

  constructor(readonly settings: HeavyQuerySettings) {}

  isHeavy(cost: number): boolean {
    return cost >= this.settings.heavyCost;
  }

  /** Waits for a turn for `caller`'s heavy request; resolves with the function that ends it (call it once). */
  async enter(caller: string): Promise<() => void> {
    if (this.running < this.settings.concurrency && this.waiting.size === 0) {
      this.running += 1;
      return this.releaser();
    }
    const started = Date.now();
    await new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve();
        },
        timer: setTimeout(() => {
          this.remove(caller, waiter);
          reject(new LaneBusyError(Date.now() - started));
        }, this.settings.maxWaitMs),
      };
      const queue = this.waiting.get(caller);
      if (queue) queue.push(waiter);
      else this.waiting.set(caller, [waiter]);
    });
    return this.releaser();
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.next();
    };
  }

  /** Gives free turns to the caller at the front, which then goes to the back if it has more waiting. */
  private next(): void {
    while (this.running < this.settings.concurrency) {
      const first = this.waiting.entries().next();
      if (first.done) return;
      const [caller, queue] = first.value;
      const waiter = queue.shift()!;
      this.waiting.delete(caller);
      if (queue.length) this.waiting.set(caller, queue);
      this.running += 1;
      waiter.grant();
    }
  }

  private remove(caller: string, waiter: Waiter): void {
    const queue = this.waiting.get(caller);
    if (!queue) return;
    const index = queue.indexOf(waiter);
    if (index >= 0) queue.splice(index, 1);
    if (!queue.length) this.waiting.delete(caller);
  }
}

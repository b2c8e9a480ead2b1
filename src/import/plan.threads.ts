/**
 * Threads that read and plan issue files while the main thread writes: on a
 * machine with cores to spare, planning (parse, tags, sponsors) no longer
 * waits behind the writes. Used by batch imports from the compiled build; where
 * the compiled worker is absent (tests run the sources), files are planned in place.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { IssuePlan } from './issue.plan';

export interface PlanRequest {
  id: number;
  file: string;
  newsletter?: string;
}

export type PlanReply = { id: number; plan: IssuePlan } | { id: number; error: string };

const WORKER_FILE = path.join(__dirname, 'plan.worker.js');

/** One planning thread per core beyond the first (the main thread and Postgres need it), at most two. */
export const DEFAULT_PLAN_THREADS = Math.max(0, Math.min(2, os.availableParallelism() - 1));

export class PlanThreads {
  private readonly pending = new Map<number, { resolve: (plan: IssuePlan) => void; reject: (error: Error) => void }>();
  private nextId = 0;

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', (reply: PlanReply) => this.settle(reply));
      worker.on('error', (error) => this.failAll(error));
    }
  }

  /** `count` threads, or null when there are none to start (none asked, or no compiled worker). */
  static start(count: number): PlanThreads | null {
    if (count < 1 || !fs.existsSync(WORKER_FILE)) return null;
    return new PlanThreads(Array.from({ length: count }, () => new Worker(WORKER_FILE)));
  }

  /** The plan of one file, or a rejection with the reason it cannot be imported. */
  plan(file: string, newsletter?: string): Promise<IssuePlan> {
    const id = this.nextId++;
    const request: PlanRequest = { id, file, newsletter };
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[id % this.workers.length].postMessage(request);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.failAll(new Error('planning threads closed'));
  }

  private settle(reply: PlanReply): void {
    const waiting = this.pending.get(reply.id);
    this.pending.delete(reply.id);
    if ('plan' in reply) waiting?.resolve(reply.plan);
    else waiting?.reject(new Error(reply.error));
  }

  private failAll(error: Error): void {
    for (const { reject } of this.pending.values()) reject(error);
    this.pending.clear();
  }
}

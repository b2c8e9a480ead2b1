import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../auth/actor';
import { asError } from './import.errors';
import { Importer } from './importer';
import type { IssuePlan } from './issue.plan';
import type { ImportOutcome } from './issue.writer';
import { DEFAULT_PLAN_THREADS, PlanThreads } from './plan.threads';

const ISSUE_FILE = /\.(md|markdown|txt)$/i;

/** Files named by the arguments: files as given, folders walked recursively for .md/.markdown/.txt files, sorted. */
export function collectFiles(paths: string[]): string[] {
  const files: string[] = [];
  const walk = (entry: string, explicit: boolean) => {
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const child of fs.readdirSync(entry).sort()) {
        if (!child.startsWith('.')) walk(path.join(entry, child), false);
      }
    } else if (explicit || ISSUE_FILE.test(entry)) {
      files.push(entry);
    }
  };
  for (const entry of paths) walk(entry, true);
  return files;
}

/** Statements in flight at once: enough to keep both Postgres and the parser busy on a small machine. */
export const DEFAULT_CONCURRENCY = 3;

/** New issues written by one statement: Postgres pays a statement's and a commit's fixed cost once for all of them. */
export const DEFAULT_BATCH_SIZE = 8;

export interface BatchSummary {
  created: number;
  updated: number;
  unchanged: number;
  failed: Array<{ file: string; reason: string }>;
  /** Items left out of the imported files, and why, in file order. */
  warnings: Array<{ file: string; code: string; message: string }>;
  linksWritten: number;
  seconds: number;
}

export interface BatchOptions {
  /** Who the audit trail names for every issue of the batch. */
  actor: Actor;
  newsletter?: string;
  dryRun?: boolean;
  /** Statements in flight at once, each on its own connection (a dry run: issues, each in its own transaction). */
  concurrency?: number;
  /** New issues per statement. */
  batchSize?: number;
  /** Threads that read and plan files while the main thread writes (0: plan on the main thread). */
  planThreads?: number;
  onOutcome?: (file: string, outcome: ImportOutcome | Error, done: number) => void;
}

/**
 * Imports files; one file's failure never stops the others. Files are read and
 * planned in order while earlier ones are written: new issues a statement at a
 * time, `batchSize` together (each atomic with its audit entry), existing ones
 * compared and rewritten one by one. A dry run checks each issue in its own
 * rolled-back transaction.
 */
export async function importFiles(importer: Importer, files: string[], options: BatchOptions): Promise<BatchSummary> {
  const started = process.hrtime.bigint();
  const summary: BatchSummary = { created: 0, updated: 0, unchanged: 0, failed: [], warnings: [], linksWritten: 0, seconds: 0 };
  let done = 0;
  const record = (file: string, result: ImportOutcome | Error) => {
    if (result instanceof Error) {
      summary.failed.push({ file, reason: result.message });
    } else {
      summary[result.status === 'CREATED' ? 'created' : result.status === 'UPDATED' ? 'updated' : 'unchanged'] += 1;
      if (result.status !== 'UNCHANGED') summary.linksWritten += result.links;
      for (const warning of result.warnings) summary.warnings.push({ file, ...warning });
    }
    done += 1;
    options.onOutcome?.(file, result, done);
  };
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  if (options.dryRun) await checkEach(importer, files, options, concurrency, record);
  else await writeInBatches(importer, files, options, concurrency, record);
  summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Writes finish out of order; report failures and warnings in file order (a stable sort keeps each file's own order).
  const order = new Map(files.map((file, index) => [file, index]));
  summary.failed.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  summary.warnings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  return summary;
}

type Recorder = (file: string, result: ImportOutcome | Error) => void;

async function writeInBatches(importer: Importer, files: string[], options: BatchOptions, concurrency: number, record: Recorder) {
  const batchSize = Math.max(1, options.batchSize ?? DEFAULT_BATCH_SIZE);
  const threads = PlanThreads.start(options.planThreads ?? DEFAULT_PLAN_THREADS);
  // Plans asked for ahead of the writes, in file order: enough to fill the statements in flight and the next ones.
  const lookahead = threads ? batchSize * (concurrency + 1) : 1;
  const planned: Array<Promise<IssuePlan | Error>> = [];
  const plan = (file: string): Promise<IssuePlan | Error> =>
    (threads ? threads.plan(file, options.newsletter) : planInPlace(importer, file, options.newsletter)).catch(asError);
  const inFlight = new Set<Promise<void>>();
  let batch: Array<{ file: string; plan: IssuePlan }> = [];
  const flush = async () => {
    const taken = batch;
    batch = [];
    const written = importer.writeMany(taken.map((entry) => entry.plan), options.actor).then(
      (results) => results.forEach((result, index) => record(taken[index].file, result)),
      (error: unknown) => taken.forEach((entry) => record(entry.file, asError(error))),
    );
    const tracked = written.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
    while (inFlight.size >= concurrency) await Promise.race(inFlight);
  };
  try {
    for (const [index, file] of files.entries()) {
      while (planned.length < Math.min(files.length, index + lookahead)) planned.push(plan(files[planned.length]));
      const result = await planned[index];
      delete planned[index];
      if (result instanceof Error) record(file, result);
      else batch.push({ file, plan: result });
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length) await flush();
    await Promise.all(inFlight);
  } finally {
    await threads?.close();
  }
}

async function planInPlace(importer: Importer, file: string, newsletter: string | undefined): Promise<IssuePlan> {
  return importer.plan({ text: await fs.promises.readFile(file, 'utf8'), newsletter });
}

async function checkEach(importer: Importer, files: string[], options: BatchOptions, concurrency: number, record: Recorder) {
  let next = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      try {
        const text = await fs.promises.readFile(file, 'utf8');
        record(file, await importer.import({ text, newsletter: options.newsletter, dryRun: true, actor: options.actor }));
      } catch (error) {
        record(file, asError(error));
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}


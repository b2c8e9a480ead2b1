import fs from 'node:fs';
import path from 'node:path';
import type { Actor } from '../auth/actor';
import { Importer } from './importer';
import type { ImportOutcome } from './issue.writer';

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

/** Issues in flight at once: enough to keep both Postgres and the parser busy on a small machine. */
export const DEFAULT_CONCURRENCY = 6;

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
  /** Issues written at once, each on its own connection. */
  concurrency?: number;
  onOutcome?: (file: string, outcome: ImportOutcome | Error, done: number) => void;
}

/** Imports files with a few concurrent writers; one file's failure never stops the others. */
export async function importFiles(importer: Importer, files: string[], options: BatchOptions): Promise<BatchSummary> {
  const started = process.hrtime.bigint();
  const summary: BatchSummary = { created: 0, updated: 0, unchanged: 0, failed: [], warnings: [], linksWritten: 0, seconds: 0 };
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < files.length) {
      const file = files[next++];
      let result: ImportOutcome | Error;
      try {
        const text = await fs.promises.readFile(file, 'utf8');
        result = await importer.import({ text, newsletter: options.newsletter, dryRun: options.dryRun, actor: options.actor });
        summary[result.status === 'CREATED' ? 'created' : result.status === 'UPDATED' ? 'updated' : 'unchanged'] += 1;
        if (result.status !== 'UNCHANGED') summary.linksWritten += result.links;
        for (const warning of result.warnings) summary.warnings.push({ file, ...warning });
      } catch (error) {
        result = error instanceof Error ? error : new Error(String(error));
        summary.failed.push({ file, reason: result.message });
      }
      done += 1;
      options.onOutcome?.(file, result, done);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY) }, worker));
  summary.seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Writers finish out of order; report failures and warnings in file order (a stable sort keeps each file's own order).
  const order = new Map(files.map((file, index) => [file, index]));
  summary.failed.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  summary.warnings.sort((a, b) => (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0));
  return summary;
}

/** Where the shared real-issue corpus lives: `../shared` beside the project root, when present. */
import fs from 'node:fs';
import path from 'node:path';

export const SHARED_DIR = path.resolve(__dirname, '..', '..', '..', 'shared');
export const CORPUS_DIR = path.join(SHARED_DIR, 'corpus');
export const SEED_FILE = path.join(SHARED_DIR, 'seed', '000_9fafd9b5b05b6810.txt');

/** One line of EXPECTED.jsonl: what a faithful import of that file finds. */
export interface ExpectedIssue {
  file: string;
  newsletter: string;
  heading: string;
  date: string;
  sections: string[];
  links: number;
  sponsored: number;
  top_items: number;
  top_sponsored: number;
}

export function readExpected(): ExpectedIssue[] {
  return fs
    .readFileSync(path.join(CORPUS_DIR, 'EXPECTED.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ExpectedIssue);
}

/**
 * `describe(name, body)` when the path exists; otherwise one skipped test that says
 * plainly which path is missing (the body, which reads the files, never runs).
 */
export function describeWithShared(requiredPath: string, name: string, body: () => void): void {
  if (fs.existsSync(requiredPath)) {
    describe(name, body);
    return;
  }
  console.warn(`${name}: skipped, ${requiredPath} not found (expected at ../shared beside the project root)`);
  test.skip(`${name}: skipped, not found at ${requiredPath}`, () => undefined);
}

/** `npm run eval`: its arguments, the corpus it reads, and the lines it prints. */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusItems } from './corpus-items';
import { evaluate } from './evaluate';
import { isHeldOut, Split } from './judgments';
import { evaluateProbes } from './probes';
import { measureTopicSpeed, topicSpeedLines } from './topic-speed';

export const EVAL_USAGE =
  'usage: npm run eval -- [--corpus DIR] [--split held-out|dev|all] [--errors]\n' +
  '       npm run eval -- [--corpus DIR] --speed\n' +
  '       npm run eval -- --probes [--errors]\n' +
  '       npm run eval -- [--corpus DIR] --list tldr/ai/2024-05-17.md';

export interface CommandResult {
  code: number;
  lines: string[];
}

const SPLITS: readonly Split[] = ['held-out', 'dev', 'all'];

/**
 * Runs the command for a project root (holding eval/): the corpus defaults to
 * ../shared/corpus beside it; when it is absent nothing is measured and the exit code is 0.
 */
export function runEvalCommand(args: readonly string[], root: string): CommandResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        corpus: { type: 'string' },
        split: { type: 'string', default: 'held-out' },
        errors: { type: 'boolean', default: false },
        list: { type: 'string' },
        speed: { type: 'boolean', default: false },
        probes: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    return { code: 2, lines: [(error as Error).message, EVAL_USAGE] };
  }
  const split = values.split as Split;
  if (!SPLITS.includes(split)) return { code: 2, lines: [`unknown split "${split}"`, EVAL_USAGE] };
  if (values.probes) return { code: 0, lines: evaluateProbes(path.join(root, 'eval', 'probes.jsonl'), values.errors) };
  const corpusDir = path.resolve(values.corpus ?? path.join(root, '..', 'shared', 'corpus'));
  if (!fs.existsSync(corpusDir)) return { code: 0, lines: [`corpus not found at ${corpusDir}: nothing measured`] };
  if (values.list) return { code: 0, lines: listItems(corpusDir, values.list) };
  if (values.speed) return { code: 0, lines: topicSpeedLines(measureTopicSpeed(corpusDir)) };
  return { code: 0, lines: evaluate({ corpusDir, evalDir: path.join(root, 'eval'), split, errors: values.errors }) };
}

/** Each item of a file with its position and half, so a judgment can be keyed without ambiguity. */
function listItems(corpusDir: string, file: string): string[] {
  return corpusItems(corpusDir, file).map((item) => {
    const half = isHeldOut(item) ? 'held-out' : 'dev';
    return `${String(item.item).padStart(3)}  ${half.padEnd(8)}  [${item.section ?? 'top'}]  ${item.planned.title}`;
  });
}

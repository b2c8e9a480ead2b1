import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusItems } from '../evaluation/corpus-items';
import { evaluate } from '../evaluation/evaluate';
import { isHeldOut, Split } from '../evaluation/judgments';

const USAGE =
  'usage: npm run eval -- [--corpus DIR] [--split held-out|dev|all] [--errors]\n' +
  '       npm run eval -- [--corpus DIR] --list tldr/ai/2024-05-17.md';

/** The project root: the nearest folder above this file holding package.json (works from src/ and dist/). */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** `npm run eval`: topic and sponsor figures on the judged corpus items; `--list` numbers a file's items. */
function main(): number {
  let args;
  try {
    args = parseArgs({
      options: {
        corpus: { type: 'string' },
        split: { type: 'string', default: 'held-out' },
        errors: { type: 'boolean', default: false },
        list: { type: 'string' },
      },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const split = args.values.split as Split;
  if (!['held-out', 'dev', 'all'].includes(split)) {
    console.error(`unknown split "${split}"\n${USAGE}`);
    return 2;
  }
  const root = projectRoot();
  const corpusDir = path.resolve(args.values.corpus ?? path.join(root, '..', 'shared', 'corpus'));
  if (!fs.existsSync(corpusDir)) {
    console.log(`corpus not found at ${corpusDir}: nothing measured`);
    return 0;
  }
  if (args.values.list) {
    for (const item of corpusItems(corpusDir, args.values.list)) {
      const half = isHeldOut(item) ? 'held-out' : 'dev';
      console.log(`${String(item.item).padStart(3)}  ${half.padEnd(8)}  [${item.section ?? 'top'}]  ${item.planned.title}`);
    }
    return 0;
  }
  const lines = evaluate({ corpusDir, evalDir: path.join(root, 'eval'), split, errors: args.values.errors });
  console.log(lines.join('\n'));
  return 0;
}

process.exitCode = main();

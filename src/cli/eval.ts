import fs from 'node:fs';
import path from 'node:path';
import { runEvalCommand } from '../evaluation/eval-command';

/** The project root: the nearest folder above this file holding package.json (works from src/ and dist/). */
function projectRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** `npm run eval`: topic and sponsor figures on the judged corpus items; `--list` numbers a file's items. */
const result = runEvalCommand(process.argv.slice(2), projectRoot());
(result.code === 2 ? console.error : console.log)(result.lines.join('\n'));
process.exitCode = result.code;

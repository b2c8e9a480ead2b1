import { projectRoot } from '../common/project';
import { runEvalCommand } from '../evaluation/eval-command';

/** `npm run eval`: topic and sponsor figures on the judged corpus items; `--list` numbers a file's items. */
const result = runEvalCommand(process.argv.slice(2), projectRoot());
(result.code === 2 ? console.error : console.log)(result.lines.join('\n'));
process.exitCode = result.code;

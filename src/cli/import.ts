import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { cliActor } from '../auth/actor';
import { collectFiles, importFiles } from '../import/batch';
import { Importer } from '../import/importer';
import { runWithDatabase } from './cli-database';
import { ProgressBar } from './progress';

/** Issues written by one run past which the tables are analysed again. */
const ANALYZE_AFTER = 100;

const USAGE = 'usage: npm run import -- [--newsletter SLUG] [--dry-run] PATH...';

/** `npm run import`: imports issue files and folders, then prints a summary; exits 1 if any file failed. */
function main(): void {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: { newsletter: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (!args.positionals.length) {
    console.error(USAGE);
    process.exit(2);
  }
  const missing = args.positionals.filter((entry) => !fs.existsSync(entry));
  if (missing.length) {
    console.error(`no such file or folder: ${missing.join(', ')}\n${USAGE}`);
    process.exit(2);
  }
  const files = collectFiles(args.positionals);
  const dryRun = args.values['dry-run'];
  void runWithDatabase(async ({ dataSource }) => {
    const progress = new ProgressBar(files.length, 'issues');
    const summary = await importFiles(new Importer(dataSource), files, {
      actor: cliActor(),
      newsletter: args.values.newsletter,
      dryRun,
      onOutcome: (_file, _outcome, done) => progress.update(done),
    });
    progress.finish();
    if (!dryRun && summary.created + summary.updated >= ANALYZE_AFTER) {
      // Fresh statistics, so the planner does not treat a just-filled archive as empty.
      await dataSource.query('ANALYZE issue, section, link, link_tag, sponsor_placement');
    }
    for (const { file, code, message } of summary.warnings) console.error(`warning: ${file}: ${code}: ${message}`);
    for (const { file, reason } of summary.failed) console.error(`failed: ${file}: ${reason}`);
    const verb = dryRun ? 'would be ' : '';
    const warnings = summary.warnings.length ? `, ${summary.warnings.length} warnings` : '';
    console.log(
      `${summary.created} ${verb}created, ${summary.updated} ${verb}updated, ${summary.unchanged} unchanged, ` +
        `${summary.failed.length} failed${warnings}; ${summary.linksWritten} links ${dryRun ? 'would be written' : 'written'} ` +
        `in ${summary.seconds.toFixed(2)} s`,
    );
    return summary.failed.length ? 1 : 0;
  });
}

main();

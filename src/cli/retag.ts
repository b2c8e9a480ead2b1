import { cliActor } from '../auth/actor';
import { retagArchive } from '../import/retag';
import { recanonicalizeArchive } from '../modules/link/link-canonical';
import { runWithDatabase } from './cli-database';

/**
 * `npm run retag`: brings stored links up to today's rules: canonical URLs and
 * domains first (topics read the domain), then the topic taxonomy, keeping editors' tag decisions.
 */
void runWithDatabase(async ({ dataSource }) => {
  const started = Date.now();
  const actor = cliActor();
  const progress = (done: number) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${done} links checked`);
  };
  const urls = await recanonicalizeArchive(dataSource, actor, progress);
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(`${urls.changed} canonical URLs recomputed in ${urls.issues} issue${urls.issues === 1 ? '' : 's'}`);
  const summary = await retagArchive(dataSource, actor, progress);
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(
    `${summary.links} links checked, ${summary.changed} retagged in ${summary.issues} issue${summary.issues === 1 ? '' : 's'}, ` +
      `${summary.tagsCreated} taxonomy tags created in ${((Date.now() - started) / 1000).toFixed(2)} s`,
  );
  return 0;
});

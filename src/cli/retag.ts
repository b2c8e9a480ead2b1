import { cliActor } from '../auth/actor';
import { retagArchive } from '../import/retag';
import { runWithDatabase } from './cli-database';

/** `npm run retag`: re-applies the topic taxonomy to every stored link, keeping editors' tag decisions. */
void runWithDatabase(async ({ dataSource }) => {
  const started = Date.now();
  const summary = await retagArchive(dataSource, cliActor(), (done) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${done} links checked`);
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(
    `${summary.links} links checked, ${summary.changed} retagged in ${summary.issues} issue${summary.issues === 1 ? '' : 's'}, ` +
      `${summary.tagsCreated} taxonomy tags created in ${((Date.now() - started) / 1000).toFixed(2)} s`,
  );
  return 0;
});

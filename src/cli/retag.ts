import { retagArchive } from '../import/retag';
import { runWithDatabase } from './cli-database';

/** `npm run retag`: re-applies the topic taxonomy to every stored link. */
void runWithDatabase(async ({ dataSource }) => {
  const started = Date.now();
  const summary = await retagArchive(dataSource, (done) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${done} links checked`);
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  console.log(
    `${summary.links} links checked, ${summary.changed} retagged, ${summary.tagsRemoved} tags no longer in the taxonomy removed ` +
      `in ${((Date.now() - started) / 1000).toFixed(2)} s`,
  );
  return 0;
});

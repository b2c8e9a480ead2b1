import { runWithDatabase } from './cli-database';

/** `npm run migration:run`: opening the database applies pending migrations; report what is applied. */
void runWithDatabase(async ({ dataSource, description }) => {
  const applied: Array<{ name: string }> = await dataSource.query('SELECT name FROM migrations ORDER BY id');
  console.log(`${description}: ${applied.length} migrations applied (${applied.map((m) => m.name).join(', ')})`);
  return 0;
});

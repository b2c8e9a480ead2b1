import fs from 'node:fs';
import path from 'node:path';
import 'reflect-metadata';
import { createDataSource } from '../../src/db/data-source';
import { buildGraphQLSchema, schemaSdl } from '../../src/schema';
import { createTestDatabase } from '../support/harness';

it('schema.graphql matches the schema the code builds (run `npm run schema:emit` after an API change)', async () => {
  const committed = fs.readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
  expect(schemaSdl(await buildGraphQLSchema())).toBe(committed);
});

it('the migrations build exactly the schema the entities describe', async () => {
  const database = await createTestDatabase();
  const dataSource = createDataSource({ url: database.url, poolSize: 1 });
  await dataSource.initialize();
  try {
    expect(await dataSource.showMigrations()).toBe(false);
    const pending = await dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
});

it('every migration can be reverted and re-applied', async () => {
  const database = await createTestDatabase();
  const dataSource = createDataSource({ url: database.url, poolSize: 1 });
  await dataSource.initialize();
  try {
    while ((await dataSource.query(`SELECT count(*) AS n FROM migrations`))[0].n > 0) {
      await dataSource.undoLastMigration({ transaction: 'each' });
    }
    expect(await dataSource.query(`SELECT to_regclass('public.link') AS t`)).toEqual([{ t: null }]);
    await dataSource.runMigrations({ transaction: 'each' });
    expect((await dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
});

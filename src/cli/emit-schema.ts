import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildGraphQLSchema, schemaSdl } from '../schema';

/** Writes schema.graphql in the current folder (the project root under npm). */
async function main(): Promise<void> {
  const file = path.resolve('schema.graphql');
  fs.writeFileSync(file, schemaSdl(await buildGraphQLSchema()));
  console.log(`wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

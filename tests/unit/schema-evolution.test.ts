import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';

/**
 * The schema evolves by deprecation, never by breaking: schema/release.graphql is
 * the schema of the last release (replace it when releasing), schema.graphql the
 * current one (kept equal to the code by schema.test.ts).
 */
const read = (file: string) => buildSchema(fs.readFileSync(path.join(__dirname, '..', '..', file), 'utf8'));

it('changes nothing a client of the last release relies on (deprecating is fine, removing is not)', () => {
  const changes = findBreakingChanges(read('schema/release.graphql'), read('schema.graphql'));
  expect(changes.map((change) => `${change.type}: ${change.description}`)).toEqual([]);
});

it('would notice a breaking change', () => {
  const release = read('schema/release.graphql');
  const current = fs.readFileSync(path.join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
  const broken = buildSchema(current.replace(/^\s+links: \[Link!\]! @deprecated.*$/m, ''));
  expect(findBreakingChanges(release, broken).map((change) => change.description)).toEqual(['Sponsor.links was removed.']);
});

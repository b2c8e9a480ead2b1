import { buildSchema, OperationDefinitionNode, parse } from 'graphql';
import { MAX_VARIABLE_ENTRIES, variablesProblem } from '../../src/limits/variables.plugin';

const schema = buildSchema(`
  input Range { from: Int to: Int }
  input Filter { tags: [String!] range: Range ranges: [Range!] }
  type Query { links(filter: Filter, first: Int): Int }
`);
const operation = parse('query($f: Filter, $n: Int) { links(filter: $f, first: $n) }').definitions[0] as OperationDefinitionNode;
const problem = (variables: Record<string, unknown>) => variablesProblem(schema, operation, variables)?.message ?? null;

it('lets through variables whose objects hold only fields their types define', () => {
  expect(problem({ f: { tags: ['a'], range: { from: 1 }, ranges: [{ to: 2 }] }, n: 5 })).toBeNull();
  // Wrong types are graphql-js's to report: this walk looks for unknown fields only.
  expect(problem({ f: { tags: 7, range: 'x' }, n: 'five' })).toBeNull();
});

it('names the first unknown field, however deep, cut short', () => {
  expect(problem({ f: { ranges: [{ to: 1 }, { from: 1, nope: 1 }] } })).toBe('Variable "$f.ranges[1].nope" is not a field of its input type.');
  expect(problem({ f: { [`k${'x'.repeat(500)}`]: 1 } })).toMatch(/^Variable "\$f\.kx+…" \(504 characters\) is not a field/);
});

it('stops at the first of 50,000 junk keys, and past the entry limit', () => {
  const junk = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`f${i}`, i]));
  expect(problem({ f: junk })).toBe('Variable "$f.f0" is not a field of its input type.');
  expect(problem({ f: { tags: Array.from({ length: MAX_VARIABLE_ENTRIES + 1 }, () => 'a') } })).toBe(
    `Variables hold more than ${MAX_VARIABLE_ENTRIES} entries.`,
  );
});

import { Harness, startHarness } from '../../support/harness';
import { countByFamily, HostileCase, run } from '../../support/hostile';
import { aliasBombs, costBombs, directiveFloods, fragmentBombs, giantVariables, tokenFloods, wrongVariableTypes } from '../../support/hostile-documents';
import { seedHostileWorld } from '../../support/hostile-world';

/** Hostile GraphQL documents and variables: each answered under 500, with codes, bounded work and nothing leaked (tests/support/hostile.ts). */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await seedHostileWorld(h);
});

afterAll(() => h.close());

const CASES: HostileCase[] = [
  ...costBombs(),
  ...aliasBombs(),
  ...fragmentBombs(),
  ...directiveFloods(),
  ...tokenFloods(),
  ...giantVariables(),
  ...wrongVariableTypes(),
];

it('covers every family of hostile documents', () => {
  expect(countByFamily(CASES)).toEqual({
    'cost bomb': 18,
    'alias bomb': 18,
    'fragment bomb': 16,
    'directive flood': 10,
    'token flood': 19,
    'giant variables': 11,
    'wrong variable types': 37,
  });
});

it.each(CASES.map((c) => [c.family, c.name, c] as const))('%s: %s', async (_family, _name, c) => {
  await run(h, c);
});

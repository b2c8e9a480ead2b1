import { Harness, startHarness } from '../../support/harness';
import { countByFamily, HostileCase, run } from '../../support/hostile';
import { argumentJunk, literalJunk } from '../../support/hostile-arguments';
import { authJunk, badEncodings, getJunk, malformedJson } from '../../support/hostile-http';
import { seedHostileWorld } from '../../support/hostile-world';

/** Junk in every argument, encoding, body, query string and credential: each answered under 500, with codes, bounded work and nothing leaked. */
let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  await seedHostileWorld(h);
});

afterAll(() => h.close());

const CASES: HostileCase[] = [...argumentJunk(), ...literalJunk(), ...badEncodings(), ...malformedJson(), ...getJunk(), ...authJunk()];

it('covers every family of hostile inputs', () => {
  const { 'argument junk': argumentCases, ...others } = countByFamily(CASES);
  // Argument junk grows with the schema: three values for every argument and input field, and six literal cases.
  expect(argumentCases).toBeGreaterThanOrEqual(597);
  expect(others).toEqual({
    'bad encoding': 28,
    'malformed JSON': 26,
    'GET junk': 15,
    'auth junk': 16,
  });
});

it.each(CASES.map((c) => [c.family, c.name, c] as const))('%s: %s', async (_family, _name, c) => {
  await run(h, c);
});

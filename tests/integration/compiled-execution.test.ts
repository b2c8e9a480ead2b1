import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../../src/modules/api-key/role';
import { IssueStatus } from '../../src/modules/issue/issue-status';
import { Factory } from '../support/factories';
import { Harness, startHarness } from '../support/harness';

/**
 * Operations run through graphql-js on their first use and compiled from the
 * second (src/execution/compiled-executor.ts): both answer the same data, the
 * same errors with the same codes, with as many statements. (Every other test
 * runs compiled from the first use.)
 */
let h: Harness;

const operation = (file: string) => fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'operations', file), 'utf8');

beforeAll(async () => {
  h = await startHarness({ config: { compileOperationsAt: 2 } });
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  const sponsor = await f.sponsor('acme.dev');
  for (let day = 1; day <= 6; day += 1) {
    await f.issue(ai, {
      date: `2025-05-0${day}`,
      placements: [{ sponsor }],
      sections: [
        { title: 'Headlines', links: [{ tags: ['llm', 'security'] }, { tags: ['security'], sponsor, sponsored: true }] },
        { title: 'Quick Links', links: [{ tags: ['rust'] }] },
      ],
    });
  }
  await f.issue(ai, { date: '2025-05-07', status: IssueStatus.DRAFT, sections: [{ title: 'Secret', links: [{ tags: ['llm'] }] }] });
});

afterAll(() => h.close());

/** The answers and statement counts of three runs of one request: interpreted, then compiled twice. */
async function threeRuns(query: string, variables?: Record<string, unknown>, token?: string) {
  const runs = [];
  for (let run = 0; run < 3; run += 1) {
    h.statements.reset();
    const answer = await h.gql(query, variables, token);
    runs.push({ answer, statements: h.statements.count });
  }
  return runs;
}

it('answers the same data with as many statements, interpreted and compiled', async () => {
  const before = h.server.execution.compiled;
  const cases: Array<[string, Record<string, unknown>?]> = [
    [operation('front-page.graphql')],
    [operation('issue.graphql'), { newsletter: 'ai', date: '2025-05-03' }],
    [`{ a: links(first: 2) { edges { node { title tags { slug } } } } b: links(first: 2) { edges { node { issue { date } } } } }`],
    [`query($skip: Boolean!) { issues(first: 2) { edges { node { date sections @skip(if: $skip) { title } } } } }`, { skip: true }],
  ];
  for (const [query, variables] of cases) {
    const [interpreted, ...compiled] = await threeRuns(query, variables);
    expect(interpreted.answer.errors).toBeUndefined();
    for (const run of compiled) expect(run).toEqual(interpreted);
  }
  expect(h.server.execution.compiled - before).toBe(cases.length);
});

it('keeps drafts hidden and refuses what the caller may not read, compiled too', async () => {
  const draft = await threeRuns(`{ issue(newsletter: "ai", date: "2025-05-07") { id } }`);
  for (const run of draft) expect(run.answer.data).toEqual({ issue: null });
  const editor = await h.key(Role.EDITOR);
  const audit = await threeRuns(`{ auditLog(first: 1) { totalCount } }`, undefined, editor);
  expect(audit[0].answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  // Statements differ: the key's first use records when it was last used.
  for (const run of audit) expect(run.answer).toEqual(audit[0].answer);
});

it('answers the same errors with the same codes, interpreted and compiled', async () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    [`query($after: String) { links(after: $after) { totalCount } }`, { after: 'junk' }, 'BAD_USER_INPUT'],
    [`query($s: String!) { newsletter(slug: $s) { name } }`, { s: 'a\u0000b' }, 'BAD_USER_INPUT'],
    [`query($d: Date!) { issue(newsletter: "ai", date: $d) { id } }`, { d: '13/03/2025' }, 'BAD_USER_INPUT'],
    [`query($n: Int!) { links(first: $n) { totalCount } }`, { n: 100_000 }, 'BAD_USER_INPUT'],
  ];
  for (const [query, variables, code] of cases) {
    const runs = await threeRuns(query, variables);
    expect(runs[0].answer.errors?.[0].extensions?.code).toBe(code);
    for (const run of runs) expect(run).toEqual(runs[0]);
  }
});

it('interprets a document too long to keep compiled, every time', async () => {
  const before = h.server.execution.compiled;
  const long = `# ${'padding '.repeat(2100)}\n{ newsletters { slug } }`;
  const runs = await threeRuns(long);
  expect(runs[0].answer.data).toEqual({ newsletters: [{ slug: 'ai' }] });
  for (const run of runs) expect(run).toEqual(runs[0]);
  expect(h.server.execution.compiled).toBe(before);
});

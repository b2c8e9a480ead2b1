import fs from 'node:fs';
import path from 'node:path';
import { GraphQLSchema, NoDeprecatedCustomRule, parse, specifiedRules, validate } from 'graphql';
import { loadConfig } from '../../src/config';
import { collectFiles, importFiles } from '../../src/import/batch';
import { Importer } from '../../src/import/importer';
import { sampleFolder } from '../../src/import/sample';
import { Role } from '../../src/modules/api-key/role';
import { buildGraphQLSchema } from '../../src/schema';
import { Factory } from '../support/factories';
import { Harness, startHarness, TEST_ACTOR } from '../support/harness';


/** The operations a front end, a partner and the README run; the benchmark, typed client and reader reuse them. */
const FOLDER = path.join(__dirname, '..', '..', 'examples', 'operations');
const OPERATIONS = fs.readdirSync(FOLDER).filter((file) => file.endsWith('.graphql')).sort();
const read = (file: string) => fs.readFileSync(path.join(FOLDER, file), 'utf8');

/** Variables for the operations that take some; partner-topic-page.graphql gets its cursor from page 1. */
const VARIABLES: Record<string, Record<string, unknown>> = {
  'issue.graphql': { newsletter: 'ai', date: '2026-11-24' },
  'reader-archive.graphql': { newsletter: 'ai' },
  'reader-issue.graphql': { newsletter: 'ai', date: '2026-11-24' },
  'reader-tag.graphql': { tag: 'security' },
  'reader-search.graphql': { query: 'kubernetes security' },
};

const PUBLIC_BUDGET = loadConfig({}).costBudgets.PUBLIC;

let h: Harness;
let partner: string;
let schema: GraphQLSchema;

beforeAll(async () => {
  h = await startHarness();
  const summary = await importFiles(new Importer(h.dataSource), collectFiles([sampleFolder()]), { actor: TEST_ACTOR });
  expect(summary.failed).toEqual([]);
  // Enough security links for a second page of 50.
  const f = new Factory(h.dataSource);
  const infosec = await f.newsletter('infosec', 'TLDR InfoSec');
  for (let day = 1; day <= 3; day += 1) {
    await f.issue(infosec, {
      date: `2026-11-0${day}`,
      sections: [{ title: 'Attacks & Vulnerabilities', links: Array.from({ length: 25 }, () => ({ tags: ['security'] })) }],
    });
  }
  partner = await h.key(Role.PARTNER);
  schema = await buildGraphQLSchema();
});

afterAll(() => h.close());

it('keeps the example operations in one folder', () => {
  expect(OPERATIONS).toEqual(
    expect.arrayContaining(['front-page.graphql', 'partner-topic-page.graphql', 'issue.graphql', 'readme-issue.graphql']),
  );
});

it.each(OPERATIONS)('%s is valid and uses no deprecated field', (file) => {
  expect(validate(schema, parse(read(file)), [...specifiedRules, NoDeprecatedCustomRule]).map((error) => error.message)).toEqual([]);
});

it.each(OPERATIONS.filter((file) => file !== 'partner-topic-page.graphql'))(
  '%s runs for the public with no errors, within the public budget',
  async (file) => {
    const response = await h.gql(read(file), VARIABLES[file]);
    expect(response.errors).toBeUndefined();
    expect(Object.values(response.data ?? {}).some((value) => value !== null)).toBe(true);
    expect(response.extensions?.cost.limit).toBe(PUBLIC_BUDGET);
    expect(response.extensions?.cost.requested).toBeLessThanOrEqual(PUBLIC_BUDGET);
  },
);

it('the front page holds the newest issues (all 7 here), nested to tags and sponsor blocks', async () => {
  const { data } = await h.gql(read('front-page.graphql'));
  const issues = data?.issues.edges.map((edge: any) => edge.node);
  expect(issues).toHaveLength(7);
  const ai = issues.find((issue: any) => issue.date === '2026-11-24' && issue.newsletter.slug === 'ai');
  expect(ai.sponsorPlacements[0].sponsor.name).toBeTruthy();
  expect(ai.sections.flatMap((section: any) => section.links).some((link: any) => link.tags.length > 0)).toBe(true);
});

it('the partner topic page pages by cursor through links tagged security, within the public budget', async () => {
  const query = read('partner-topic-page.graphql');
  const first = await h.gql(query, { after: null }, partner);
  expect(first.errors).toBeUndefined();
  expect(first.data?.links.totalCount).toBeGreaterThan(50);
  expect(first.data?.links.edges).toHaveLength(50);
  expect(first.data?.links.pageInfo.hasNextPage).toBe(true);
  const second = await h.gql(query, { after: first.data?.links.pageInfo.endCursor }, partner);
  expect(second.errors).toBeUndefined();
  const node = second.data?.links.edges[0].node;
  expect(node.tags.map((tag: any) => tag.slug)).toContain('security');
  expect(node.issue.newsletter.slug).toBeTruthy();
  const ids = new Set(first.data?.links.edges.map((edge: any) => edge.node.id));
  expect(second.data?.links.edges.some((edge: any) => ids.has(edge.node.id))).toBe(false);
  expect(second.extensions?.cost.requested).toBeLessThanOrEqual(PUBLIC_BUDGET);
});

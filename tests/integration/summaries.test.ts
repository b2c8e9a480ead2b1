import fs from 'node:fs';
import path from 'node:path';
import { summaryText } from '../../src/content/summary';
import { Factory } from '../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../support/harness';

// The fixture issue, with one summary given inline links and escapes.
const FIXTURE = fs
  .readFileSync(path.join(__dirname, '..', 'fixtures', 'issues', 'tldr-ai-2024-01-02.md'), 'utf8')
  .replace('lifts a teacup.', 'lifts a [teacup](https://cups.example/tea?utm_source=tldr) in SELECT \\* mode.');
const MARKDOWN = 'Kettle ships a [free tier](https://kettle.dev/free?utm_source=tldr&plan=team) for **teams** \\& O\\_DIRECT fans.';

let h: Harness;
let linkId: string;

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const acme = await f.sponsor('acme.dev');
  await f.issue(await f.newsletter('ai'), {
    date: '2025-03-04',
    sections: [{ title: 'Headlines', links: [{ title: 'Kettle', summary: MARKDOWN }] }],
    placements: [{ sponsor: acme, title: 'Acme' }],
  });
  const { data } = await h.gql(`{ links { edges { node { id } } } }`);
  linkId = data?.links.edges[0].node.id;
});

afterAll(() => h.close());

const storedText = async (id: string) =>
  (await h.dataSource.query('SELECT summary_text FROM link WHERE id = $1', [Number(id)]))[0].summary_text as string;

it('gives the summary as markdown by default, as sanitised HTML or as plain text on request', async () => {
  const { data, errors } = await h.gql(`{ links { edges { node {
    summary markdown: summary(format: MARKDOWN) html: summary(format: HTML) text: summary(format: TEXT) } } } }`);
  expect(errors).toBeUndefined();
  expect(data?.links.edges[0].node).toEqual({
    summary: MARKDOWN,
    markdown: MARKDOWN,
    html: '<p>Kettle ships a <a href="https://kettle.dev/free?plan=team" rel="nofollow noopener noreferrer">free tier</a> for <strong>teams</strong> &amp; O_DIRECT fans.</p>',
    text: 'Kettle ships a free tier for teams & O_DIRECT fans.',
  });
});

it('renders sponsor placement bodies the same way', async () => {
  const { data, errors } = await h.gql(`{ issues { edges { node { sponsorPlacements { body html: body(format: HTML) text: body(format: TEXT) } } } } }`);
  expect(errors).toBeUndefined();
  expect(data?.issues.edges[0].node.sponsorPlacements[0]).toEqual({
    body: 'Try it **today**:\n\n- fast\n- cheap',
    html: '<p>Try it <strong>today</strong>:</p>\n<ul>\n<li>fast</li>\n<li>cheap</li>\n</ul>',
    text: 'Try it today:\nfast\ncheap',
  });
});

it('refuses an unknown format with a validation error', async () => {
  const { errors } = await h.gql(`{ links { edges { node { summary(format: RTF) } } } }`);
  expect(errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
});

it('stores the plain text of every imported summary', async () => {
  const { data, errors } = await h.gql(
    `mutation($input: ImportIssueInput!) { importIssue(input: $input) { issue { sections { links { id summary } } } } }`,
    { input: { markdown: FIXTURE } },
    ADMIN_TOKEN,
  );
  expect(errors).toBeUndefined();
  const links = data?.importIssue.issue.sections.flatMap((section: { links: unknown[] }) => section.links) as Array<{ id: string; summary: string }>;
  expect(links.length).toBeGreaterThan(2);
  for (const link of links) expect(await storedText(link.id)).toBe(summaryText(link.summary));
  const origami = links.find((link) => link.summary.includes('teacup'));
  expect(await storedText(origami!.id)).toBe(
    'Origami Labs showed a robot arm made from folded paper that lifts a teacup in SELECT * mode.\nThe team says the design costs <$2 to print.',
  );
});

it('keeps the plain text in step when an editor changes a summary', async () => {
  const { data: before } = await h.gql(`{ links(filter: { newsletters: ["ai"] }) { edges { node { id issue { version } } } } }`);
  const version = before?.links.edges.find((edge: { node: { id: string } }) => edge.node.id === linkId).node.issue.version;
  const { errors } = await h.gql(
    `mutation($input: UpdateLinkInput!) { updateLink(input: $input) { id } }`,
    { input: { id: linkId, expectedVersion: version, summary: 'Now *plain*: see [docs](https://kettle.dev/docs).' } },
    ADMIN_TOKEN,
  );
  expect(errors).toBeUndefined();
  expect(await storedText(linkId)).toBe('Now plain: see docs.');
});

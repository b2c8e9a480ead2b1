import { Role } from '../../src/modules/api-key/role';
import { IssueStatus } from '../../src/modules/issue/issue-status';
import { Factory } from '../support/factories';
import { Harness, startHarness } from '../support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  const acme = await f.sponsor('acme.dev');
  const beta = await f.sponsor('beta.io');
  const secret = await f.sponsor('secret.dev');
  await f.issue(ai, { date: '2025-05-01', placements: [{ sponsor: acme, title: 'Acme one' }] });
  await f.issue(ai, {
    date: '2025-05-02',
    placements: [{ sponsor: acme, title: 'Acme two' }],
    sections: [{ title: 'Quick Links', links: [{ title: 'Beta link', sponsored: true, sponsor: beta }] }],
  });
  await f.issue(ai, {
    date: '2025-05-03',
    status: IssueStatus.DRAFT,
    placements: [{ sponsor: secret, title: 'Secret' }, { sponsor: acme, title: 'Acme draft' }],
  });
});

afterAll(() => h.close());

it('lists sponsors seen in published issues with their placements and links, newest first', async () => {
  const { data, errors } = await h.gql(`{ sponsors { totalCount edges { node {
    domain placements { title issue { date } } links { title }
  } } } }`);
  expect(errors).toBeUndefined();
  expect(data?.sponsors.totalCount).toBe(2);
  expect(data?.sponsors.edges.map((edge: any) => edge.node)).toEqual([
    {
      domain: 'acme.dev',
      placements: [
        { title: 'Acme two', issue: { date: '2025-05-02' } },
        { title: 'Acme one', issue: { date: '2025-05-01' } },
      ],
      links: [],
    },
    { domain: 'beta.io', placements: [], links: [{ title: 'Beta link' }] },
  ]);
});

it('pages through sponsors by name', async () => {
  const first = await h.gql(`{ sponsors(first: 1) { edges { node { domain } } pageInfo { hasNextPage endCursor } } }`);
  expect(first.data?.sponsors.pageInfo.hasNextPage).toBe(true);
  const second = await h.gql(`query($after: String) { sponsors(first: 1, after: $after) { edges { node { domain } } pageInfo { hasNextPage } } }`, {
    after: first.data?.sponsors.pageInfo.endCursor,
  });
  expect(second.data?.sponsors).toEqual({ edges: [{ node: { domain: 'beta.io' } }], pageInfo: { hasNextPage: false } });
});

describe('sponsors of a draft', () => {
  const ASKING = [
    `{ issue(newsletter: "ai", date: "2025-05-03", preview: true) { sponsorPlacements { title sponsor { domain } } } }`,
    `{ issues(filter: { statuses: [DRAFT] }) { edges { node { sponsorPlacements { title sponsor { domain name } } } } } }`,
  ];

  it.each([
    ['the public', false, 'UNAUTHENTICATED'],
    ['a partner', true, 'FORBIDDEN'],
  ])('stay out of sight of %s asking by preview or status', async (_who, withKey, code) => {
    const token = withKey ? await h.key(Role.PARTNER) : undefined;
    for (const query of ASKING) {
      const response = await h.gql(query, undefined, token);
      expect(response.errors?.[0].extensions?.code).toBe(code);
      expect(JSON.stringify(response.data ?? null)).not.toMatch(/secret|Acme draft/i);
    }
    const list = await h.gql(`{ sponsors { totalCount edges { node { domain placements { title } } } } }`, undefined, token);
    expect(list.data?.sponsors.totalCount).toBe(2);
    expect(JSON.stringify(list.data)).not.toMatch(/secret|Acme draft/i);
  });

  it('are shown to an editor previewing the draft, while the sponsor list stays that of published issues', async () => {
    const editor = await h.key(Role.EDITOR);
    const { data, errors } = await h.gql(
      `{ issue(newsletter: "ai", date: "2025-05-03", preview: true) {
           status sponsorPlacements { title sponsor { domain } issue { date status } } } }`,
      undefined,
      editor,
    );
    expect(errors).toBeUndefined();
    expect(data?.issue).toEqual({
      status: 'DRAFT',
      sponsorPlacements: [
        { title: 'Secret', sponsor: { domain: 'secret.dev' }, issue: { date: '2025-05-03', status: 'DRAFT' } },
        { title: 'Acme draft', sponsor: { domain: 'acme.dev' }, issue: { date: '2025-05-03', status: 'DRAFT' } },
      ],
    });
    const list = await h.gql(`{ sponsors { totalCount edges { node { domain placements { title } } } } }`, undefined, editor);
    expect(list.data?.sponsors.totalCount).toBe(2);
    expect(JSON.stringify(list.data)).not.toMatch(/secret|Acme draft/i);
  });
});

import { Role } from '../../../src/modules/api-key/role';
import { IssueStatus } from '../../../src/modules/issue/issue-status';
import { Factory } from '../../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../../support/harness';

const DRAFT_PREVIEW = `{
  issue(newsletter: "ai", date: "2025-03-02", preview: true) {
    date status headline newsletter { slug }
    sections { title category { slug } links { title issue { date status } section { title } tags { slug } sponsor { domain } } }
    links { title }
    tags { slug }
    sponsorPlacements { title sponsor { domain } issue { date } }
    previous { date status } next { date status }
  }
}`;

const ISSUE_KEYS = (data: any) => data.issues.edges.map((edge: any) => `${edge.node.newsletter.slug} ${edge.node.date} ${edge.node.status}`);

let h: Harness;
let editor: string;

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  const hidden = await f.newsletter('hidden', 'Hidden Weekly');
  const secret = await f.sponsor('secret.dev');
  await f.issue(ai, { date: '2025-03-01', sections: [{ title: 'News', links: [{ title: 'Public one', tags: ['llm'] }] }] });
  await f.issue(ai, {
    date: '2025-03-02',
    status: IssueStatus.DRAFT,
    headline: 'Draft headline',
    sections: [
      { title: 'Secret Plans', links: [{ title: 'Leak', tags: ['leak', 'llm'] }, { title: 'Paid', sponsored: true, sponsor: secret }] },
    ],
    placements: [{ sponsor: secret, title: 'Secret placement' }],
  });
  await f.issue(ai, { date: '2025-03-03', sections: [{ title: 'News', links: [{ title: 'Public two' }] }] });
  await f.issue(ai, { date: '2025-03-04', status: IssueStatus.SCHEDULED, sections: [{ title: 'Soon', links: [{ title: 'Later' }] }] });
  await f.issue(hidden, { date: '2025-03-02', status: IssueStatus.DRAFT });
  editor = await h.key(Role.EDITOR);
});

afterAll(() => h.close());

describe('issue(preview: true)', () => {
  it.each([
    ['an editor', () => editor],
    ['an admin', () => ADMIN_TOKEN],
  ])('gives %s a draft with every nested field; its neighbours are the published issues readers will see', async (_who, token) => {
    const { data, errors } = await h.gql(DRAFT_PREVIEW, undefined, token());
    expect(errors).toBeUndefined();
    expect(data?.issue).toEqual({
      date: '2025-03-02',
      status: 'DRAFT',
      headline: 'Draft headline',
      newsletter: { slug: 'ai' },
      sections: [
        {
          title: 'Secret Plans',
          category: { slug: 'secret-plans' },
          links: [
            { title: 'Leak', issue: { date: '2025-03-02', status: 'DRAFT' }, section: { title: 'Secret Plans' }, tags: [{ slug: 'leak' }, { slug: 'llm' }], sponsor: null },
            { title: 'Paid', issue: { date: '2025-03-02', status: 'DRAFT' }, section: { title: 'Secret Plans' }, tags: [], sponsor: { domain: 'secret.dev' } },
          ],
        },
      ],
      links: [{ title: 'Leak' }, { title: 'Paid' }],
      tags: [{ slug: 'leak' }, { slug: 'llm' }],
      sponsorPlacements: [{ title: 'Secret placement', sponsor: { domain: 'secret.dev' }, issue: { date: '2025-03-02' } }],
      previous: { date: '2025-03-01', status: 'PUBLISHED' },
      next: { date: '2025-03-03', status: 'PUBLISHED' },
    });
  });

  it('gives a scheduled issue with its publishAt, a published one as it is, and a draft of a newsletter with nothing published', async () => {
    const scheduled = await h.gql(`{ issue(newsletter: "ai", date: "2025-03-04", preview: true) { status publishAt previous { date } next { date } } }`, undefined, editor);
    expect(scheduled.data?.issue).toMatchObject({ status: 'SCHEDULED', previous: { date: '2025-03-03' }, next: null });
    expect(scheduled.data?.issue.publishAt).not.toBeNull();
    const published = await h.gql(`{ issue(newsletter: "ai", date: "2025-03-03", preview: true) { status } }`, undefined, editor);
    expect(published.data?.issue).toEqual({ status: 'PUBLISHED' });
    const lonely = await h.gql(`{ issue(newsletter: "hidden", date: "2025-03-02", preview: true) { status newsletter { name } previous { date } } }`, undefined, editor);
    expect(lonely.data?.issue).toEqual({ status: 'DRAFT', newsletter: { name: 'Hidden Weekly' }, previous: null });
  });

  it('without preview, gives an editor published issues only', async () => {
    const { data } = await h.gql(`{ issue(newsletter: "ai", date: "2025-03-02") { id } }`, undefined, editor);
    expect(data?.issue).toBeNull();
  });
});

describe('issues(filter: { statuses })', () => {
  it('lists drafts and scheduled issues for an editor, with a total of exactly those', async () => {
    const { data, errors } = await h.gql(
      `{ issues(filter: { statuses: [DRAFT, SCHEDULED] }) { totalCount edges { node { date status newsletter { slug } } } } }`,
      undefined,
      editor,
    );
    expect(errors).toBeUndefined();
    expect(data?.issues.totalCount).toBe(3);
    // Two issues share 2025-03-02: the later-created one (higher id) comes first.
    expect(ISSUE_KEYS(data)).toEqual(['ai 2025-03-04 SCHEDULED', 'hidden 2025-03-02 DRAFT', 'ai 2025-03-02 DRAFT']);
  });

  it('combines with the other filters and pages across every status', async () => {
    const filtered = await h.gql(
      `{ issues(filter: { statuses: [DRAFT], newsletters: ["ai"], tags: { any: ["leak"] } }) { totalCount edges { node { headline } } } }`,
      undefined,
      ADMIN_TOKEN,
    );
    expect(filtered.data?.issues).toEqual({ totalCount: 1, edges: [{ node: { headline: 'Draft headline' } }] });
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await h.gql(
        `query($after: String) { issues(first: 2, after: $after, orderBy: OLDEST_FIRST, filter: { statuses: [PUBLISHED, DRAFT, SCHEDULED] }) {
          totalCount edges { node { date status newsletter { slug } } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        editor,
      );
      expect(page.data.issues.totalCount).toBe(5);
      seen.push(...ISSUE_KEYS(page.data));
      if (!page.data.issues.pageInfo.hasNextPage) break;
      after = page.data.issues.pageInfo.endCursor;
    }
    expect(seen).toEqual([
      'ai 2025-03-01 PUBLISHED',
      'ai 2025-03-02 DRAFT',
      'hidden 2025-03-02 DRAFT',
      'ai 2025-03-03 PUBLISHED',
      'ai 2025-03-04 SCHEDULED',
    ]);
  });

  it('gives an editor published issues only when statuses are left out, empty, or PUBLISHED', async () => {
    for (const filter of ['', '(filter: { statuses: [] })', '(filter: { statuses: [PUBLISHED] })']) {
      const { data } = await h.gql(`{ issues${filter} { totalCount } }`, undefined, editor);
      expect(data?.issues.totalCount).toBe(2);
    }
  });

  it('refuses more statuses than there are', async () => {
    const { errors } = await h.gql(`{ issues(filter: { statuses: [DRAFT, DRAFT, DRAFT, DRAFT] }) { totalCount } }`, undefined, editor);
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.statuses' });
  });
});

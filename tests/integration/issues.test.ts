import { ApiKeyService } from '../../src/modules/api-key/api-key.service';
import { Role } from '../../src/modules/api-key/role';
import { IssueStatus } from '../../src/modules/issue/issue-status';
import { LinkKind } from '../../src/modules/link/link-kind';
import { Factory } from '../support/factories';
import { Harness, startHarness } from '../support/harness';

let h: Harness;

const ISSUE_DATES = (data: any) => data.issues.edges.map((edge: any) => edge.node.date);

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai', 'TLDR AI');
  const tech = await f.newsletter('tech', 'TLDR');
  const acme = await f.sponsor('acme.dev');
  await f.issue(ai, {
    date: '2025-01-06',
    sections: [
      { title: 'Headlines & Launches', links: [{ tags: ['llm'] }, { tags: ['llm', 'funding'] }] },
      { title: 'Quick Links', links: [{ tags: ['robotics'], kind: LinkKind.REPO, domain: 'github.com' }] },
    ],
    placements: [{ sponsor: acme }],
  });
  await f.issue(ai, {
    date: '2025-01-07',
    sections: [{ title: 'Research & Innovation', links: [{ tags: ['llm', 'security'] }] }],
  });
  await f.issue(ai, {
    date: '2025-01-08',
    status: IssueStatus.DRAFT,
    sections: [{ title: 'Secret Plans', links: [{ tags: ['llm', 'leak'] }] }],
  });
  await f.issue(ai, { date: '2025-01-09', sections: [{ title: 'Quick Links', links: [{ tags: ['security'] }] }] });
  const hidden = await f.newsletter('hidden', 'Hidden Weekly');
  await f.issue(hidden, { date: '2025-01-07', status: IssueStatus.SCHEDULED, sections: [{ title: 'Soon', links: [{ tags: ['leak'] }] }] });
  await f.issue(tech, { date: '2025-01-07', sections: [{ title: 'Big Tech & Startups', links: [{ tags: ['funding'] }] }] });
});

afterAll(() => h.close());

describe('issue(newsletter, date)', () => {
  it('returns one published issue with its newsletter, sections and neighbours', async () => {
    const { data, errors } = await h.gql(`{
      issue(newsletter: "ai", date: "2025-01-07") {
        date headline status newsletter { slug name }
        sections { position title category { slug name } links { title tags { slug } } }
        tags { slug }
        previous { date } next { date }
      }
    }`);
    expect(errors).toBeUndefined();
    expect(data?.issue).toMatchObject({
      date: '2025-01-07',
      status: 'PUBLISHED',
      newsletter: { slug: 'ai', name: 'TLDR AI' },
      sections: [{ position: 0, title: 'Research & Innovation', category: { slug: 'research-and-innovation' } }],
      tags: [{ slug: 'llm' }, { slug: 'security' }],
      previous: { date: '2025-01-06' },
      // The draft of 2025-01-08 is skipped.
      next: { date: '2025-01-09' },
    });
  });

  it('has no previous before the first issue and no next after the last', async () => {
    const first = await h.gql(`{ issue(newsletter: "ai", date: "2025-01-06") { previous { date } next { date } } }`);
    expect(first.data?.issue).toEqual({ previous: null, next: { date: '2025-01-07' } });
    const last = await h.gql(`{ issue(newsletter: "ai", date: "2025-01-09") { next { date } } }`);
    expect(last.data?.issue).toEqual({ next: null });
  });

  it('lists sponsor placements with their sponsor', async () => {
    const { data } = await h.gql(`{
      issue(newsletter: "ai", date: "2025-01-06") { sponsorPlacements { position body sponsor { domain } } links { title } }
    }`);
    expect(data?.issue.sponsorPlacements).toEqual([
      { position: 0, body: expect.stringContaining('- fast'), sponsor: { domain: 'acme.dev' } },
    ]);
    expect(data?.issue.links).toHaveLength(3);
  });

  it('returns null for a date without an issue', async () => {
    const { data, errors } = await h.gql(`{ issue(newsletter: "ai", date: "2024-12-25") { id } }`);
    expect(errors).toBeUndefined();
    expect(data?.issue).toBeNull();
  });
});

describe('issues(filter)', () => {
  it('lists published issues newest first with a total', async () => {
    const { data } = await h.gql(`{ issues { totalCount edges { node { date newsletter { slug } } } } }`);
    expect(data?.issues.totalCount).toBe(4);
    expect(ISSUE_DATES(data)).toEqual(['2025-01-09', '2025-01-07', '2025-01-07', '2025-01-06']);
  });

  it('orders oldest first on request', async () => {
    const { data } = await h.gql(`{ issues(orderBy: OLDEST_FIRST) { edges { node { date } } } }`);
    expect(ISSUE_DATES(data)).toEqual(['2025-01-06', '2025-01-07', '2025-01-07', '2025-01-09']);
  });

  it('filters by newsletter', async () => {
    const { data } = await h.gql(`{ issues(filter: { newsletters: ["tech"] }) { totalCount edges { node { date } } } }`);
    expect(data?.issues.totalCount).toBe(1);
    expect(ISSUE_DATES(data)).toEqual(['2025-01-07']);
  });

  it('filters by an inclusive date range, open on either side', async () => {
    const both = await h.gql(`{ issues(filter: { date: { from: "2025-01-07", to: "2025-01-09" }, newsletters: ["ai"] }) { edges { node { date } } } }`);
    expect(ISSUE_DATES(both.data)).toEqual(['2025-01-09', '2025-01-07']);
    const from = await h.gql(`{ issues(filter: { date: { from: "2025-01-08" } }) { edges { node { date } } } }`);
    expect(ISSUE_DATES(from.data)).toEqual(['2025-01-09']);
    const to = await h.gql(`{ issues(filter: { date: { to: "2025-01-06" } }) { edges { node { date } } } }`);
    expect(ISSUE_DATES(to.data)).toEqual(['2025-01-06']);
  });

  it('filters by category', async () => {
    const { data } = await h.gql(`{ issues(filter: { categories: ["quick-links"] }) { edges { node { date } } } }`);
    expect(ISSUE_DATES(data)).toEqual(['2025-01-09', '2025-01-06']);
  });

  it('filters by tags: any, all and none', async () => {
    const any = await h.gql(`{ issues(filter: { tags: { any: ["robotics", "security"] } }) { edges { node { date } } } }`);
    expect(ISSUE_DATES(any.data)).toEqual(['2025-01-09', '2025-01-07', '2025-01-06']);
    const all = await h.gql(`{ issues(filter: { tags: { all: ["llm", "funding"] } }) { edges { node { date } } } }`);
    expect(ISSUE_DATES(all.data)).toEqual(['2025-01-06']);
    const none = await h.gql(`{ issues(filter: { tags: { none: ["llm"] } }) { edges { node { date newsletter { slug } } } } }`);
    expect(none.data?.issues.edges.map((e: any) => `${e.node.newsletter.slug} ${e.node.date}`)).toEqual([
      'ai 2025-01-09',
      'tech 2025-01-07',
    ]);
  });
});

describe('drafts', () => {
  it('never appear, whichever query asks', async () => {
    const byDate = await h.gql(`{ issue(newsletter: "ai", date: "2025-01-08") { id } }`);
    expect(byDate.data?.issue).toBeNull();
    const inRange = await h.gql(`{ issues(filter: { date: { from: "2025-01-08", to: "2025-01-08" } }) { totalCount edges { node { id } } } }`);
    expect(inRange.data?.issues).toEqual({ totalCount: 0, edges: [] });
    const links = await h.gql(`{ links(filter: { tags: { any: ["leak"] } }) { totalCount } }`);
    expect(links.data?.links.totalCount).toBe(0);
    const categories = await h.gql(`{ categories { slug linkCount } }`);
    expect(categories.data?.categories.map((c: any) => c.slug)).not.toContain('secret-plans');
    expect(categories.data?.categories).toContainEqual({ slug: 'quick-links', linkCount: 2 });
    const tags = await h.gql(`{ tags { slug linkCount } }`);
    expect(tags.data?.tags.map((t: any) => t.slug)).not.toContain('leak');
    expect(tags.data?.tags).toContainEqual({ slug: 'llm', linkCount: 3 });
  });

  it('keep a newsletter with no published issue out of sight', async () => {
    const { data } = await h.gql(`{ newsletters { slug } newsletter(slug: "hidden") { name } }`);
    expect(data?.newsletters).toEqual([{ slug: 'ai' }, { slug: 'tech' }]);
    expect(data?.newsletter).toBeNull();
    const filtered = await h.gql(`{ issues(filter: { newsletters: ["hidden"] }) { totalCount } links(filter: { newsletters: ["hidden"] }) { totalCount } }`);
    expect(filtered.data).toEqual({ issues: { totalCount: 0 }, links: { totalCount: 0 } });
  });

  it('stay hidden even to a caller holding the admin token or asking by tag', async () => {
    const { data } = await h.gql(
      `{ issues(filter: { tags: { all: ["leak"] } }) { totalCount } }`,
      undefined,
      'test-admin-token-0123456789',
    );
    expect(data?.issues.totalCount).toBe(0);
  });

  describe('asked for by preview or by status', () => {
    let partner: string;
    let editor: string;
    let revoked: string;
    /** What the public sees with no argument: every answer below must match it or be refused. */
    const PUBLIC_VIEW = `{
      issues(first: 50) { totalCount edges { node { date headline newsletter { slug } previous { date } next { date } } } }
      links(first: 100) { totalCount }
      tags { slug linkCount } categories { slug linkCount } newsletters { slug } sponsors { totalCount }
    }`;

    beforeAll(async () => {
      partner = await h.key(Role.PARTNER);
      editor = await h.key(Role.EDITOR);
      const keys = new ApiKeyService(h.dataSource, 60);
      const cli = { kind: 'CLI' as const, keyId: null, name: 'test' };
      const { key, secret } = await keys.create({ name: 'revoked editor', role: Role.EDITOR }, cli);
      await keys.revoke(key.id, cli);
      revoked = secret;
    });

    /** Queries that name a draft or scheduled issue through the new arguments. */
    const ASKING = [
      `{ issue(newsletter: "ai", date: "2025-01-08", preview: true) { id headline sections { title links { title } } tags { slug } } }`,
      `{ issue(newsletter: "hidden", date: "2025-01-07", preview: true) { id newsletter { name } } }`,
      // Asking is refused even where the answer would be a published issue.
      `{ issue(newsletter: "ai", date: "2025-01-07", preview: true) { id } }`,
      `{ issues(filter: { statuses: [DRAFT] }) { totalCount edges { node { headline } } } }`,
      `{ issues(filter: { statuses: [SCHEDULED], newsletters: ["hidden"] }) { totalCount } }`,
      `{ issues(filter: { statuses: [PUBLISHED, DRAFT, SCHEDULED], tags: { any: ["leak"] } }) { totalCount } }`,
      `{ links(filter: { statuses: [DRAFT, SCHEDULED] }) { totalCount edges { node { title tags { slug linkCount } } } } }`,
    ];

    it.each([
      ['the public', () => undefined, 'UNAUTHENTICATED'],
      ['a partner', () => partner, 'FORBIDDEN'],
    ])('refuse %s, who never sees a draft, a scheduled issue or a count including one', async (_who, token, code) => {
      const before = await h.rowCounts();
      for (const query of ASKING) {
        const response = await h.gql(query, undefined, token());
        expect(response.errors?.[0].extensions?.code).toBe(code);
        expect(JSON.stringify(response.data ?? null)).not.toMatch(/Secret|Soon|leak|2025-01-08|hidden/);
      }
      const published = await h.gql(`{ issues(filter: { statuses: [PUBLISHED] }) { totalCount } }`, undefined, token());
      expect(published.data?.issues.totalCount).toBe(4);
      const plain = await h.gql(PUBLIC_VIEW, undefined, token());
      expect(plain.data).toEqual((await h.gql(PUBLIC_VIEW)).data);
      expect(JSON.stringify(plain.data)).not.toMatch(/Secret|Soon|leak|2025-01-08|hidden/);
      expect(await h.rowCounts()).toEqual(before);
    });

    it('refuse a revoked key at the request level', async () => {
      const response = await h.gql(ASKING[0], undefined, revoked);
      expect(response.status).toBe(401);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(response.data ?? null).toBeNull();
    });

    it('stay out of what an editor sees without asking: the same answers and counts as the public', async () => {
      const asEditor = await h.gql(PUBLIC_VIEW, undefined, editor);
      expect(asEditor.errors).toBeUndefined();
      expect(asEditor.data).toEqual((await h.gql(PUBLIC_VIEW)).data);
      const byDate = await h.gql(`{ issue(newsletter: "ai", date: "2025-01-08") { id } }`, undefined, editor);
      expect(byDate.data?.issue).toBeNull();
    });
  });
});

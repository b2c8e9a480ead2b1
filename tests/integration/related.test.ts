import { Role } from '../../src/modules/api-key/role';
import { IssueStatus } from '../../src/modules/issue/issue-status';
import { Factory } from '../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../support/harness';

/** Link.related and Issue.related through GraphQL on a small archive around one story about Postgres vacuum. */
let h: Harness;

const RELATED = `query($filter: LinkFilter, $first: Int) {
  links(first: 100, filter: $filter) { edges { node { title related(first: $first) { title issue { date } } } } }
}`;

async function relatedOf(title: string, first = 10, token?: string): Promise<string[]> {
  const response = await h.gql(RELATED, { first }, token);
  expect(response.errors).toBeUndefined();
  const node = response.data!.links.edges.map((edge: any) => edge.node).find((candidate: any) => candidate.title === title);
  return node.related.map((link: any) => link.title);
}

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const tech = await f.newsletter('tech');
  const ai = await f.newsletter('ai');
  await f.issue(tech, {
    date: '2025-01-01',
    headline: 'Postgres vacuum and Rust',
    sections: [
      {
        title: 'Headlines',
        links: [
          { title: 'Postgres 17 vacuum improvements', tags: ['databases'] },
          { title: 'Postgres replication deep dive', tags: ['databases'] },
          { title: 'Rust 2.0 released', tags: ['rust'] },
          { title: 'Kubernetes 1.30 changelog', tags: ['kubernetes', 'cloud'] },
        ],
      },
    ],
  });
  await f.issue(tech, {
    date: '2025-01-02',
    sections: [
      {
        title: 'Headlines',
        links: [
          { title: 'Postgres vacuum tuning guide', tags: ['databases'] },
          { title: 'A story about MySQL', tags: ['databases'] },
          { title: 'Vacuum cleaners ranked' },
          { title: 'Postgres 17 vacuum improvements, again', tags: ['databases'] },
        ],
      },
    ],
  });
  await f.issue(ai, {
    date: '2025-01-02',
    headline: 'Vectors in Postgres',
    sections: [{ title: 'Research', links: [{ title: 'Postgres with pgvector for embeddings', tags: ['databases', 'ai'] }] }],
  });
  await f.issue(tech, {
    date: '2025-01-03',
    status: IssueStatus.DRAFT,
    sections: [{ title: 'Headlines', links: [{ title: 'Postgres vacuum secrets', tags: ['databases'] }] }],
  });
  // The same story linked again: same canonical URL as the first link.
  await h.dataSource.query(
    `UPDATE link SET canonical_url = (SELECT canonical_url FROM link WHERE title = 'Postgres 17 vacuum improvements')
      WHERE title = 'Postgres 17 vacuum improvements, again'`,
  );
});

afterAll(() => h.close());

describe('Link.related', () => {
  it('ranks links of other issues by shared tags, then shared words', async () => {
    const related = await relatedOf('Postgres 17 vacuum improvements');
    expect(related[0]).toBe('Postgres vacuum tuning guide');
    expect(new Set(related.slice(1, 3))).toEqual(new Set(['Postgres with pgvector for embeddings', 'A story about MySQL']));
    expect(related.indexOf('Postgres with pgvector for embeddings')).toBeLessThan(related.indexOf('A story about MySQL'));
    // No shared tag, one shared word.
    expect(related[3]).toBe('Vacuum cleaners ranked');
    expect(related).toHaveLength(4);
  });

  it('leaves out the same story, its own issue, drafts and links sharing neither tag nor word', async () => {
    const related = await relatedOf('Postgres 17 vacuum improvements');
    for (const title of [
      'Postgres 17 vacuum improvements, again',
      'Postgres replication deep dive',
      'Postgres vacuum secrets',
      'Rust 2.0 released',
      'Kubernetes 1.30 changelog',
    ]) {
      expect(related).not.toContain(title);
    }
  });

  it('gives as many as `first` asks, at most 20', async () => {
    expect(await relatedOf('Postgres 17 vacuum improvements', 2)).toEqual((await relatedOf('Postgres 17 vacuum improvements')).slice(0, 2));
    const refused = await h.gql(RELATED, { first: 21 });
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('stays within a partner scope', async () => {
    const { data } = await h.gql(
      `mutation { createApiKey(input: { name: "ai partner", role: PARTNER, scope: { newsletters: ["ai"] } }) { secret } }`,
      {},
      ADMIN_TOKEN,
    );
    const token = data!.createApiKey.secret;
    expect(await relatedOf('Postgres with pgvector for embeddings', 10, token)).toEqual([]);
    expect(await relatedOf('Postgres with pgvector for embeddings')).toContain('Postgres vacuum tuning guide');
  });

  it('is one statement for every link of a page, whatever the page size', async () => {
    const count = async (first: number) => {
      h.statements.reset();
      const response = await h.gql(`query($first: Int) { links(first: $first) { edges { node { id related(first: 3) { id } } } } }`, { first });
      expect(response.errors).toBeUndefined();
      return h.statements.count;
    };
    expect(await count(1)).toBe(await count(50));
  });
});

describe('Issue.related', () => {
  const ISSUES = `{ issues(first: 10) { edges { node { date newsletter { slug } related(first: 5) { date newsletter { slug } } } } } }`;

  it('lists other published issues sharing the topics of their links, most shared first', async () => {
    const response = await h.gql(ISSUES);
    expect(response.errors).toBeUndefined();
    const byKey = new Map(
      response.data!.issues.edges.map(({ node }: any) => [`${node.newsletter.slug} ${node.date}`, node.related.map((r: any) => `${r.newsletter.slug} ${r.date}`)]),
    );
    expect(byKey.get('tech 2025-01-01')).toEqual(['tech 2025-01-02', 'ai 2025-01-02']);
    expect(byKey.get('ai 2025-01-02')).toEqual(['tech 2025-01-02', 'tech 2025-01-01']);
    expect(JSON.stringify([...byKey.values()])).not.toContain('2025-01-03');
  });

  it('is one statement for every issue of a page', async () => {
    const count = async (first: number) => {
      h.statements.reset();
      await h.gql(`query($first: Int) { issues(first: $first) { edges { node { id related { id } } } } }`, { first });
      return h.statements.count;
    };
    expect(await count(1)).toBe(await count(3));
  });

  it('answers an editor previewing a draft with published issues only', async () => {
    const editor = await h.key(Role.EDITOR);
    const { data } = await h.gql(`{ issue(newsletter: "tech", date: "2025-01-03", preview: true) { related { date status } } }`, {}, editor);
    expect(data!.issue.related.map((issue: any) => issue.status)).toEqual(['PUBLISHED', 'PUBLISHED', 'PUBLISHED']);
  });
});

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gathering, readRows } from '../../src/db/statements';
import { IssueStatus } from '../../src/modules/issue/issue-status';
import { IssueService } from '../../src/modules/issue/issue.service';
import { LinkService } from '../../src/modules/link/link.service';
import { NewsletterService } from '../../src/modules/newsletter/newsletter.service';
import { TagService } from '../../src/modules/tag/tag.service';
import { Factory } from '../support/factories';
import { Harness, startHarness } from '../support/harness';

/**
 * Reads gathered into one statement (src/db/gather.ts) give each caller the
 * rows a statement of its own gives, and a read ahead sends one statement per
 * level of the query.
 */
let h: Harness;
let issueIds: number[];

beforeAll(async () => {
  h = await startHarness();
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai');
  const sponsor = await f.sponsor('acme.dev');
  const issues = [];
  for (let day = 1; day <= 4; day += 1) {
    issues.push(
      await f.issue(ai, {
        date: `2025-06-0${day}`,
        status: day === 4 ? IssueStatus.DRAFT : IssueStatus.PUBLISHED,
        placements: [{ sponsor }],
        sections: [
          { title: 'Headlines', category: 'News', links: [{ tags: ['llm', 'security'], readMinutes: null }, { tags: ['rust'], sponsor, sponsored: true }] },
          { title: 'Quick Links', links: [{ tags: [] }] },
        ],
      }),
    );
  }
  issueIds = issues.map((issue) => issue.id);
});

afterAll(() => h.close());

/** What the reads give, each as a statement of its own and gathered, with the statements each way sent. */
async function bothWays<T>(reads: () => Promise<T>): Promise<{ alone: T; gathered: T; statements: [number, number] }> {
  h.statements.reset();
  const alone = await reads();
  const aloneCount = h.statements.count;
  h.statements.reset();
  const gathered = await gathering(reads);
  return { alone, gathered, statements: [aloneCount, h.statements.count] };
}

it('gives every read of a turn its own rows, as pg gives them, from one statement', async () => {
  const issues = new IssueService(h.dataSource);
  const links = new LinkService(h.dataSource);
  const tags = new TagService(h.dataSource);
  const newsletters = new NewsletterService(h.dataSource);
  const viewer = { canSeeDrafts: true, scope: null };
  const { alone, gathered, statements } = await bothWays(() =>
    Promise.all([
      issues.byIds(issueIds, viewer),
      issues.neighbours(issueIds, ['previous', 'next'], null),
      links.byIssueIds(issueIds, null),
      tags.byIssueIds(issueIds, null, ['slug']),
      newsletters.byIds([-1]),
    ]),
  );
  expect(statements).toEqual([5, 1]);
  expect(gathered).toEqual(alone);
  const [byIds, , linkRows, , none] = gathered;
  expect(byIds[0].publishedAt).toBeInstanceOf(Date);
  expect(byIds[0].createdAt).toBeInstanceOf(Date);
  expect(byIds.find((issue) => issue.status === IssueStatus.DRAFT)?.publishedAt).toBeNull();
  expect(typeof byIds[0].date).toBe('string');
  expect(linkRows.some(({ value }) => value.readMinutes === null)).toBe(true);
  expect(none).toEqual([]);
});

it('sends a lone read as it is, and reads started in later turns in statements of their own', async () => {
  const newsletters = new NewsletterService(h.dataSource);
  const issues = new IssueService(h.dataSource);
  h.statements.reset();
  await gathering(async () => {
    await newsletters.byIds([1]);
    await issues.byIds(issueIds, { canSeeDrafts: false, scope: null });
  });
  expect(h.statements.count).toBe(2);
  expect(h.statements.statements.every((sql) => !/json_agg/.test(sql))).toBe(true);
});

it('fails every read of a statement that fails, each with the error', async () => {
  const newsletters = new NewsletterService(h.dataSource);
  const reads = gathering(() => [newsletters.byIds([1]), readRows(h.dataSource, 'SELECT no_such_column FROM newsletter', [], { parsed: [] })]);
  const settled = await Promise.allSettled(reads);
  expect(settled.map((result) => result.status)).toEqual(['rejected', 'rejected']);
  const [first, second] = settled as PromiseRejectedResult[];
  expect(first.reason).toBe(second.reason);
  expect(String(first.reason)).toMatch(/no_such_column/);
});

it('reads one issue with everything in it in one statement per level', async () => {
  const query = readFileSync(path.join(__dirname, '..', '..', 'examples', 'operations', 'issue.graphql'), 'utf8');
  h.statements.reset();
  const { data, errors } = await h.gql(query, { newsletter: 'ai', date: '2025-06-02' });
  expect(errors).toBeUndefined();
  expect(data?.issue.sections[0].links[1].sponsor).toEqual({ name: 'acme', domain: 'acme.dev' });
  expect(data?.issue.previous.date).toBe('2025-06-01');
  expect(data?.issue.next.date).toBe('2025-06-03');
  expect(data?.issue.publishedAt).toBe('2025-06-02T06:00:00.000Z');
  // the issue; its newsletter, sections, placements, tags and neighbours; their links, categories and sponsors; the links' tags and sponsors
  expect(h.statements.count).toBe(4);
});

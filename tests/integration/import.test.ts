import fs from 'node:fs';
import path from 'node:path';
import { Role } from '../../src/modules/api-key/role';
import { Harness, startHarness, ADMIN_TOKEN } from '../support/harness';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'issues', 'tldr-ai-2024-01-02.md'), 'utf8');

const IMPORT = `mutation Import($input: ImportIssueInput!) {
  importIssue(input: $input) {
    status dryRun newsletter date linkCount changes
    issue { id date headline version
      sections { title links { id title canonicalUrl kind sponsored sponsor { domain } tags { slug } } }
      sponsorPlacements { title body url sponsor { domain name } }
    }
  }
}`;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h.close());

const importAs = (markdown: string, token: string | null = ADMIN_TOKEN, extra: Record<string, unknown> = {}) =>
  h.gql(IMPORT, { input: { markdown, ...extra } }, token ?? undefined);

async function rowCounts() {
  const [counts] = await h.dataSource.query(`SELECT
    (SELECT count(*) FROM issue) AS issues, (SELECT count(*) FROM section) AS sections,
    (SELECT count(*) FROM link) AS links, (SELECT count(*) FROM sponsor_placement) AS placements,
    (SELECT count(*) FROM link_tag) AS tags`);
  return counts;
}

describe('importIssue', () => {
  it('refuses callers without a key, with a bad key or with a partner key, and writes nothing', async () => {
    const anonymous = await importAs(FIXTURE, null);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(anonymous.errors?.[0].message).toMatch(/Authorization: Bearer/);
    expect(anonymous.data).toBeNull();
    const wrong = await importAs(FIXTURE, 'wrong-token-wrong-token');
    expect(wrong.status).toBe(401);
    expect(wrong.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const partner = await importAs(FIXTURE, await h.key(Role.PARTNER));
    expect(partner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await rowCounts()).issues).toBe(0);
  });

  it('accepts an editor key', async () => {
    const { data, errors } = await importAs(FIXTURE, await h.key(Role.EDITOR), { dryRun: true });
    expect(errors).toBeUndefined();
    expect(data?.importIssue.status).toBe('CREATED');
  });

  it('on a dry run reports what would be created and writes nothing', async () => {
    const { data, errors } = await importAs(FIXTURE, ADMIN_TOKEN, { dryRun: true });
    expect(errors).toBeUndefined();
    expect(data?.importIssue).toMatchObject({ status: 'CREATED', dryRun: true, issue: null, date: '2024-01-02' });
    expect(await rowCounts()).toMatchObject({ issues: 0, links: 0, placements: 0 });
    expect(await h.dataSource.query('SELECT count(*) AS n FROM category')).toEqual([{ n: 0 }]);
  });

  it('creates the issue with sections, links, tags and the sponsor placement', async () => {
    const { data, errors } = await importAs(FIXTURE);
    expect(errors).toBeUndefined();
    const result = data?.importIssue;
    expect(result).toMatchObject({ status: 'CREATED', dryRun: false, newsletter: 'ai', date: '2024-01-02' });
    expect(result.issue.sponsorPlacements).toEqual([
      expect.objectContaining({ sponsor: { domain: 'kettlebench.io', name: 'Kettlebench' } }),
    ]);
    expect(result.issue.sponsorPlacements[0].body).toMatch(/Run 10,000 evals in parallel/);
    const links = result.issue.sections.flatMap((section: any) => section.links);
    expect(links).toHaveLength(result.linkCount);
    expect(links.every((link: any) => !/utm_/.test(link.canonicalUrl))).toBe(true);
    expect(links.some((link: any) => link.tags.length > 0)).toBe(true);
    const sponsored = links.filter((link: any) => link.sponsored);
    expect(sponsored.length).toBeGreaterThan(0);
    expect(sponsored.every((link: any) => link.sponsor?.domain)).toBe(true);
  });

  it('is idempotent: the same issue again is reported unchanged and nothing moves', async () => {
    const before = await rowCounts();
    const { data } = await importAs(FIXTURE);
    expect(data?.importIssue).toMatchObject({ status: 'UNCHANGED', changes: [] });
    expect(data?.importIssue.issue.version).toBe(1);
    expect(await rowCounts()).toEqual(before);
  });

  it('updates a corrected issue in place, keeping the ids of the links that stayed', async () => {
    const original = (await importAs(FIXTURE)).data?.importIssue.issue;
    const originalLinks = original.sections.flatMap((section: any) => section.links);
    const [first, second] = originalLinks;
    const corrected = FIXTURE.replaceAll('Quiet compilers', 'Loud compilers').replace(
      '### Headlines & Launches\n\n',
      '### Headlines & Launches\n\n[### A brand new item (2 minute read)](https://fresh.example.com/new)\n\nFresh summary.\n\n',
    );
    const dryRun = await importAs(corrected, ADMIN_TOKEN, { dryRun: true });
    expect(dryRun.data?.importIssue).toMatchObject({ status: 'UPDATED', dryRun: true });
    expect((await importAs(FIXTURE)).data?.importIssue.status).toBe('UNCHANGED');

    const { data } = await importAs(corrected);
    const result = data?.importIssue;
    expect(result.status).toBe('UPDATED');
    // The title of one link names the compilers too.
    expect(result.changes).toEqual(['headline changed', '1 link added', '1 link updated']);
    expect(result.issue.id).toBe(original.id);
    expect(result.issue.version).toBe(2);
    expect(result.issue.headline).toMatch(/Loud compilers/);
    const links = result.issue.sections.flatMap((section: any) => section.links);
    expect(links).toHaveLength(originalLinks.length + 1);
    expect(links.find((link: any) => link.canonicalUrl === first.canonicalUrl).id).toBe(first.id);
    expect(links.find((link: any) => link.canonicalUrl === second.canonicalUrl).id).toBe(second.id);
    expect((await rowCounts()).issues).toBe(1);
  });

  it.each([
    ['an empty page', '   \n', /empty/i],
    ['a page reading just "None"', 'None\n', /None/],
    ['an HTML error page', '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>Bad gateway</body></html>', /HTML/i],
    ['a truncated issue without items', FIXTURE.slice(0, FIXTURE.indexOf('### ')), /item/i],
  ])('refuses %s with a reason, writing nothing', async (_name, markdown, reason) => {
    const before = await rowCounts();
    const { errors } = await importAs(markdown.replace('2024-01-02', '2024-01-03'));
    expect(errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0].message).toMatch(reason);
    expect(await rowCounts()).toEqual(before);
  });

  it('refuses an issue whose newsletter cannot be told, unless one is named', async () => {
    const unknown = FIXTURE.replace('# TLDR AI 2024-01-02', '# Kettle Weekly 2024-01-09');
    const refused = await importAs(unknown);
    expect(refused.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0].message).toMatch(/newsletter/);
    const named = await importAs(unknown, ADMIN_TOKEN, { newsletter: 'kettle' });
    expect(named.data?.importIssue).toMatchObject({ status: 'CREATED', newsletter: 'kettle', date: '2024-01-09' });
    const bad = await importAs(unknown, ADMIN_TOKEN, { newsletter: 'Not A Slug!' });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('importIssue on an issue with malformed lines', () => {
  const LINES = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'issues', 'tldr-lines-2031-05-06.md'), 'utf8');
  const LINES_IMPORT = `mutation($input: ImportIssueInput!) {
    importIssue(input: $input) {
      status warnings { code message }
      issue { id sections { title links { title url kind readMinutes sponsored tags { slug } } } sponsorPlacements { sponsor { name } } }
    }
  }`;

  it('reports each item left out with a code, on a dry run and for real, and stores none of them', async () => {
    const dryRun = await h.gql(LINES_IMPORT, { input: { markdown: LINES, dryRun: true } }, ADMIN_TOKEN);
    expect(dryRun.errors).toBeUndefined();
    const codes = dryRun.data?.importIssue.warnings.map((warning: any) => warning.code);
    expect(codes).toEqual(['EMPTY_TITLE', 'EMPTY_TITLE']);

    const { data, errors } = await h.gql(LINES_IMPORT, { input: { markdown: LINES } }, ADMIN_TOKEN);
    expect(errors).toBeUndefined();
    const result = data?.importIssue;
    expect(result.status).toBe('CREATED');
    expect(result.warnings[0]).toEqual({
      code: 'EMPTY_TITLE',
      message: 'item 4 of section "Big Tech & Startups" has no title ("[### )](…)"), so it was left out; it pointed to https://teapot.news/broken',
    });
    const links = result.issue.sections.flatMap((section: any) => section.links);
    expect(links.map((link: any) => link.url)).not.toContain('https://teapot.news/broken');
    expect(links.map((link: any) => link.url)).not.toContain('https://ads.kettle.example/offer');
    expect(links.every((link: any) => /\w/.test(link.title))).toBe(true);
    const [entry] = await h.dataSource.query(`SELECT summary FROM audit_entry WHERE action = 'importIssue' AND issue_id = $1`, [
      Number(result.issue.id),
    ]);
    expect(entry.summary.warnings).toEqual(['EMPTY_TITLE', 'EMPTY_TITLE']);
  });

  it('stores durations in minutes, job kinds, and the doubled-link ads as the sponsored items they are', async () => {
    const { data } = await h.gql(LINES_IMPORT, { input: { markdown: LINES } }, ADMIN_TOKEN);
    const result = data?.importIssue;
    expect(result.status).toBe('UNCHANGED');
    const section = (title: string) => result.issue.sections.find((candidate: any) => candidate.title === title);
    expect(section('Big Tech & Startups').links.map((link: any) => [link.kind, link.readMinutes, link.sponsored])).toEqual([
      ['ARTICLE', 1, false],
      ['PODCAST', 12, false],
      ['PODCAST', 60, false],
      ['OTHER', null, true],
      ['VIDEO', 2, false],
    ]);
    expect(section('Jobs').links.map((link: any) => link.kind)).toEqual(['JOB', 'JOB', 'JOB', 'JOB', 'REPO']);
    expect(result.issue.sponsorPlacements).toEqual([{ sponsor: { name: 'Kettlecloud' } }]);
  });
});

describe('importIssue on a server without an admin token', () => {
  let closed: Harness;

  beforeAll(async () => {
    closed = await startHarness({ adminToken: null });
  });

  afterAll(() => closed.close());

  it('takes the would-be admin token for what it is there: an unknown key', async () => {
    const response = await closed.gql(IMPORT, { input: { markdown: FIXTURE } }, ADMIN_TOKEN);
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(response.errors?.[0].message).toMatch(/not valid/);
    expect(await closed.dataSource.query('SELECT count(*) AS n FROM issue')).toEqual([{ n: 0 }]);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cliActor } from '../../src/auth/actor';
import { collectFiles, importFiles } from '../../src/import/batch';
import { Importer } from '../../src/import/importer';
import { planIssue } from '../../src/import/issue.plan';
import { IssueWriter } from '../../src/import/issue.writer';
import { Harness, startHarness } from '../support/harness';
import { CORPUS_DIR, describeWithShared, readExpected } from '../support/shared-corpus';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'issues');
const FIXTURE = fs.readFileSync(path.join(FIXTURES, 'tldr-ai-2024-01-02.md'), 'utf8');

const actor = cliActor(['node', 'import-batch.test']);

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h.close());

const count = async (table: string) => (await h.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n;

describe('a failed write', () => {
  it('leaves a new issue absent, with none of its rows', async () => {
    const plan = planIssue(new Importer(h.dataSource).parse({ text: FIXTURE.replace('2024-01-02', '2024-02-02') }));
    // Postgres refuses NUL in text, so the write fails on the issue's last link.
    plan.sections.at(-1)!.links.at(-1)!.summary = 'broken \u0000 summary';
    await expect(new IssueWriter(h.dataSource).write(plan, { actor })).rejects.toThrow();
    expect(await count(`issue WHERE date = '2024-02-02'`)).toBe(0);
    expect(await count('link')).toBe(0);
    expect(await count('section')).toBe(0);
  });

  it('leaves a stored issue exactly as it was', async () => {
    const importer = new Importer(h.dataSource);
    await importer.import({ text: FIXTURE, actor });
    const before = await h.gql(`{ issue(newsletter: "ai", date: "2024-01-02") { headline version links { id title summary } } }`);
    const plan = planIssue(importer.parse({ text: FIXTURE.replaceAll('Quiet compilers', 'Broken compilers') }));
    plan.sections[0].links[0].summary = 'broken \u0000 summary';
    await expect(new IssueWriter(h.dataSource).write(plan, { actor })).rejects.toThrow();
    const after = await h.gql(`{ issue(newsletter: "ai", date: "2024-01-02") { headline version links { id title summary } } }`);
    expect(after.data).toEqual(before.data);
  });
});

describe('new issues written together', () => {
  const onDay = (date: string) => FIXTURE.replace('2024-01-02', date);
  const auditCount = async (date: string) =>
    count(`audit_entry a JOIN issue i ON i.id = a.issue_id WHERE a.action = 'importIssue' AND i.date = '${date}'`);

  it('creates each with its rows and audit entry, and writes an issue already stored or met twice on its own', async () => {
    const importer = new Importer(h.dataSource);
    await importer.import({ text: onDay('2024-04-01'), actor });
    const plans = ['2024-04-02', '2024-04-01', '2024-04-03', '2024-04-02'].map((date) => importer.plan({ text: onDay(date) }));
    const results = await importer.writeMany(plans, actor);
    expect(results.map((result) => (result instanceof Error ? result.message : result.status))).toEqual([
      'CREATED',
      'UNCHANGED',
      'CREATED',
      'UNCHANGED',
    ]);
    for (const date of ['2024-04-01', '2024-04-02', '2024-04-03']) {
      expect(await count(`issue WHERE date = '${date}'`)).toBe(1);
      expect(await auditCount(date)).toBe(1);
    }
    const [created] = results as Array<{ issueId: number; links: number }>;
    expect(await count(`link l JOIN section s ON s.id = l.section_id WHERE s.issue_id = ${created.issueId}`)).toBe(created.links);
  });

  it('when one issue cannot be written, writes the others and fails only that one', async () => {
    const importer = new Importer(h.dataSource);
    const plans = ['2024-05-01', '2024-05-02', '2024-05-03'].map((date) => importer.plan({ text: onDay(date) }));
    plans[1].sections.at(-1)!.links.at(-1)!.summary = 'broken \u0000 summary';
    const results = await importer.writeMany(plans, actor);
    expect(results.map((result) => (result instanceof Error ? 'failed' : result.status))).toEqual(['CREATED', 'failed', 'CREATED']);
    expect(await count(`issue WHERE date = '2024-05-02'`)).toBe(0);
    expect(await auditCount('2024-05-02')).toBe(0);
    expect(await count(`issue WHERE date IN ('2024-05-01', '2024-05-03')`)).toBe(2);
  });
  it("creates a batch's new sponsors in one statement, each named as first mentioned", async () => {
    const importer = new Importer(h.dataSource);
    const plans = ['2024-07-01', '2024-07-02', '2024-07-03'].map((date) => importer.plan({ text: onDay(date) }));
    const sponsoredLink = (plan: (typeof plans)[number]) => plan.sections.flatMap((section) => section.links).find((link) => link.sponsor)!;
    sponsoredLink(plans[0]).sponsor = { domain: 'together-one.dev', name: 'Together One' };
    sponsoredLink(plans[1]).sponsor = { domain: 'together-two.dev', name: 'Together Two' };
    sponsoredLink(plans[2]).sponsor = { domain: 'together-one.dev', name: 'Renamed One' };
    h.statements.reset();
    const results = await importer.writeMany(plans, actor);
    expect(results.map((result) => (result instanceof Error ? String(result) : result.status))).toEqual(['CREATED', 'CREATED', 'CREATED']);
    expect(h.statements.statements.filter((sql) => /INSERT INTO sponsor/.test(sql))).toEqual([expect.stringContaining('unnest(')]);
    expect(await h.dataSource.query(`SELECT domain, name FROM sponsor WHERE domain LIKE 'together-%' ORDER BY domain`)).toEqual([
      { domain: 'together-one.dev', name: 'Together One' },
      { domain: 'together-two.dev', name: 'Together Two' },
    ]);
  });

  it("finds or creates a batch's sponsors together, each named as first mentioned, and fails only an issue whose sponsor cannot be stored", async () => {
    const importer = new Importer(h.dataSource);
    const plans = ['2024-06-01', '2024-06-02', '2024-06-03'].map((date) => importer.plan({ text: onDay(date) }));
    const sponsoredLink = (plan: (typeof plans)[number]) => plan.sections.flatMap((section) => section.links).find((link) => link.sponsor)!;
    sponsoredLink(plans[0]).sponsor = { domain: 'batch-sponsor.dev', name: 'Batch Sponsor' };
    sponsoredLink(plans[1]).sponsor = { domain: `${'x'.repeat(300)}.dev`, name: 'Too Long' };
    sponsoredLink(plans[2]).sponsor = { domain: 'batch-sponsor.dev', name: 'Another Name' };
    const results = await importer.writeMany(plans, actor);
    expect(results.map((result) => (result instanceof Error ? 'failed' : result.status))).toEqual(['CREATED', 'failed', 'CREATED']);
    expect(await h.dataSource.query(`SELECT name FROM sponsor WHERE domain = 'batch-sponsor.dev'`)).toEqual([{ name: 'Batch Sponsor' }]);
    expect(
      await count(`link l JOIN sponsor sp ON sp.id = l.sponsor_id JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
        WHERE sp.domain = 'batch-sponsor.dev' AND i.date IN ('2024-06-01', '2024-06-03')`),
    ).toBe(2);
  });
});

describe('importing a batch of files', () => {
  let folder: string;

  beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-batch-'));
    fs.mkdirSync(path.join(folder, 'nested'));
    fs.writeFileSync(path.join(folder, 'good.md'), FIXTURE.replace('2024-01-02', '2024-03-01'));
    fs.writeFileSync(path.join(folder, 'nested', 'good-too.md'), FIXTURE.replace('2024-01-02', '2024-03-02'));
    fs.writeFileSync(path.join(folder, 'empty.md'), '');
    fs.writeFileSync(path.join(folder, 'none.md'), 'None');
    fs.writeFileSync(path.join(folder, 'notes.json'), '{}');
  });

  afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('walks folders recursively, imports the good files and lists each failure with its reason', async () => {
    const files = collectFiles([folder]);
    expect(files.map((file) => path.relative(folder, file))).toEqual(['empty.md', 'good.md', 'nested/good-too.md', 'none.md']);
    const summary = await importFiles(new Importer(h.dataSource), files, { actor });
    expect(summary).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    expect(summary.failed).toEqual([
      { file: path.join(folder, 'empty.md'), reason: expect.stringMatching(/empty/i) },
      { file: path.join(folder, 'none.md'), reason: expect.stringMatching(/None/) },
    ]);
    const again = await importFiles(new Importer(h.dataSource), files, { actor, dryRun: true });
    expect(again).toMatchObject({ created: 0, unchanged: 2, linksWritten: 0 });
  });

  it('lists the items a file left out, with the file and a code', async () => {
    const file = path.join(folder, 'lines.md');
    fs.writeFileSync(file, fs.readFileSync(path.join(FIXTURES, 'tldr-lines-2031-05-06.md'), 'utf8'));
    const summary = await importFiles(new Importer(h.dataSource), [file], { actor });
    expect(summary).toMatchObject({ created: 1, failed: [] });
    expect(summary.warnings.map((warning) => [warning.file, warning.code])).toEqual([
      [file, 'EMPTY_TITLE'],
      [file, 'EMPTY_TITLE'],
    ]);
  });
});

describeWithShared(CORPUS_DIR, 'importing the shared corpus', () => {
  const ISSUE = `query($newsletter: String!, $date: Date!) { issue(newsletter: $newsletter, date: $date) {
    headline sections { title links { title summary sponsored } } sponsorPlacements { title body }
  } }`;

  beforeAll(async () => {
    const files = readExpected().map((expected) => path.join(CORPUS_DIR, expected.file));
    const summary = await importFiles(new Importer(h.dataSource), files, { actor });
    expect(summary.failed).toEqual([]);
  });

  it.each(readExpected().map((expected) => [expected.file, expected] as const))(
    '%s is stored as EXPECTED.jsonl says',
    async (_file, expected) => {
      const { data } = await h.gql(ISSUE, { newsletter: expected.newsletter, date: expected.date });
      const issue = data?.issue;
      const named = issue.sections.filter((section: any) => section.title !== null);
      const links = issue.sections.flatMap((section: any) => section.links);
      expect(named.map((section: any) => section.title)).toEqual(expected.sections);
      expect(links.length + issue.sponsorPlacements.length).toBe(expected.links);
      expect(links.filter((link: any) => link.sponsored).length + issue.sponsorPlacements.length).toBe(
        expected.sponsored,
      );
    },
  );

  it('stores the seed as the clean TLDR AI issue of 2025-03-13', async () => {
    const { data } = await h.gql(ISSUE, { newsletter: 'ai', date: '2025-03-13' });
    const issue = data?.issue;
    expect(issue.headline).toMatch(/^Google’s Gemma 3 model 🚀/);
    expect(issue.sections).toHaveLength(5);
    const links = issue.sections.flatMap((section: any) => section.links);
    expect(links).toHaveLength(16);
    expect(issue.sponsorPlacements).toHaveLength(1);
    expect(links.filter((link: any) => link.sponsored)).toHaveLength(1);
    const texts = [issue.headline, ...links.flatMap((l: any) => [l.title, l.summary]), issue.sponsorPlacements[0].body];
    expect(texts.filter((text) => /‚Ä|√|Ã|â€|ü|Â/.test(text))).toEqual([]);
  });

  it('is unchanged when the whole corpus is imported again', async () => {
    const files = readExpected().map((expected) => path.join(CORPUS_DIR, expected.file));
    const summary = await importFiles(new Importer(h.dataSource), files, { actor });
    expect(summary).toMatchObject({ created: 0, updated: 0, unchanged: files.length, failed: [] });
  });
});

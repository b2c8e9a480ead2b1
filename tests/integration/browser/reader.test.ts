import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { IssueStatus } from '../../../src/modules/issue/issue-status';
import { LinkKind } from '../../../src/modules/link/link-kind';
import { Newsletter } from '../../../src/modules/newsletter/newsletter.entity';
import { BuiltFile, buildReader } from '../../../src/web/reader-build';
import { describeInBrowser, launchChromium, screenshot, scrollWidth, Watch, watchContext } from '../../support/browser';
import { Factory } from '../../support/factories';
import { Harness, startHarness } from '../../support/harness';

/**
 * The reader (/read/) end to end in headless Chromium, on fixture content:
 * each page shows the right things, links move between pages without a
 * reload, nothing goes wrong in the console, no request goes to another host,
 * and at a phone's 390 px nothing scrolls sideways.
 */

const PHONE = { width: 390, height: 844 };
const LONG_WORD = 'Observability-without-the-three-in-the-morning-pages-for-every-pipeline-run';

let h: Harness;
let origin: string;
let build: string;
let built: BuiltFile[];
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: Watch;

async function fixtures(h: Harness): Promise<void> {
  const f = new Factory(h.dataSource);
  const ai = await f.newsletter('ai', 'TLDR AI');
  await h.dataSource.getRepository(Newsletter).update(ai.id, { tagline: 'The most important AI stories in five minutes' });
  const devops = await f.newsletter('devops', 'TLDR DevOps');
  const pipely = await f.sponsor('pipely.test');
  await f.issue(ai, { date: '2026-11-20', headline: 'Older AI news', sections: [{ title: 'Headlines', links: [{ title: 'Oldest story' }] }] });
  await f.issue(ai, {
    date: '2026-11-23',
    headline: 'Regulators publish AI guidance',
    placements: [{ sponsor: pipely, title: 'Your data platform, without the pages' }],
    sections: [
      {
        title: 'Headlines & Launches',
        links: [
          { title: 'Final guidance for general-purpose models', readTimeLabel: '8 minute read', readMinutes: 8, tags: ['policy'] },
          { title: 'Robot hand learns to turn keys', readTimeLabel: '5 minute read', readMinutes: 5, tags: ['robotics', 'kubernetes'] },
        ],
      },
      {
        title: 'Quick Links',
        links: [
          { title: 'Pipely watches your pipelines', sponsored: true, sponsor: pipely, readTimeLabel: 'Sponsor', readMinutes: null },
          { title: LONG_WORD, domain: `${'very-long-subdomain-'.repeat(4)}example.com`, kind: LinkKind.REPO, readTimeLabel: 'GitHub Repo', readMinutes: null },
        ],
      },
    ],
  });
  await f.issue(ai, { date: '2026-11-24', headline: 'Newest AI news', sections: [{ title: 'Headlines', links: [{ title: 'Newest story' }] }] });
  await f.issue(ai, { date: '2026-11-25', headline: 'A secret draft', status: IssueStatus.DRAFT, sections: [{ title: 'Draft', links: [{ title: 'Draft story', tags: ['kubernetes'] }] }] });
  await f.issue(devops, {
    date: '2026-11-22',
    headline: 'Clusters everywhere',
    sections: [{ title: 'Tools', links: [{ title: 'A kinder kubectl', tags: ['kubernetes'], readTimeLabel: '4 minute read', readMinutes: 4 }] }],
  });
}

/** Waits for the reader to finish rendering the page at `address` (the body says which it shows). */
async function ready(address: string): Promise<void> {
  await page.waitForURL((url) => url.pathname + url.search === address);
  await page.waitForSelector(`body[data-state="ready"][data-shown="${address}"]`);
}

async function checkPhoneWidth(): Promise<void> {
  expect(await scrollWidth(page)).toBeLessThanOrEqual(PHONE.width);
}

const texts = (selector: string) => page.locator(selector).allInnerTexts();

describeInBrowser('the reader in Chromium', () => {
  beforeAll(async () => {
    build = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-reader-'));
    built = await buildReader(build);
    h = await startHarness({ parts: { readerBuild: build } });
    origin = new URL(h.url).origin;
    await fixtures(h);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1 });
    watch = await watchContext(context, origin);
    page = await context.newPage();
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
    fs.rmSync(build, { recursive: true, force: true });
  });

  it('is small: its script is under 100 KB gzipped', () => {
    const script = built.find((file) => file.file === 'assets/reader.js');
    expect(script?.gzipBytes).toBeLessThan(100 * 1024);
  });

  it('front page: the newsletters, the newest published issues and the topics', async () => {
    await page.goto(`${origin}/read/`);
    await ready('/read/');
    await page.evaluate(() => ((globalThis as any).loadedOnce = true));
    expect(await page.locator('h1').innerText()).toBe('Newsletters');
    expect(await texts('.newsletters li > a')).toEqual(['TLDR AI', 'TLDR DevOps']);
    expect(await page.locator('.newsletters').innerText()).toContain('The most important AI stories in five minutes');
    expect(await texts('.issues li > a')).toEqual(['Newest AI news', 'Regulators publish AI guidance', 'Clusters everywhere', 'Older AI news']);
    expect(await page.locator('.cloud').innerText()).toMatch(/KUBERNETES\s*2/);
    expect(await page.content()).not.toContain('secret draft');
    await checkPhoneWidth();
    await screenshot(page, 'reader-home');
  });

  it('archive: one newsletter, newest first, reached by a link without a reload', async () => {
    await page.locator('.newsletters a', { hasText: 'TLDR AI' }).click();
    await ready('/read/ai/');
    expect(await page.evaluate(() => (globalThis as any).loadedOnce)).toBe(true);
    expect(await page.locator('h1').innerText()).toBe('TLDR AI');
    expect(await page.locator('.meta').first().innerText()).toBe('3 issues');
    expect(await texts('.issues li > a')).toEqual(['Newest AI news', 'Regulators publish AI guidance', 'Older AI news']);
    await checkPhoneWidth();
    await screenshot(page, 'reader-archive');
  });

  it('issue: sponsor blocks marked, sections, links with read times and tags, previous and next', async () => {
    await page.locator('.issues a', { hasText: 'Regulators publish AI guidance' }).click();
    await ready('/read/ai/2026-11-23');
    expect(await page.title()).toBe('Regulators publish AI guidance · TLDR AI · Newsletter reader');
    expect(await page.locator('h1').innerText()).toBe('Regulators publish AI guidance');
    expect(await page.locator('article > .meta').innerText()).toBe('Mon, 23 November 2026 · 4 links · about 13 minutes of reading');
    const block = page.locator('aside.sponsor-block');
    expect(await block.count()).toBe(1);
    expect(await block.locator('.badge').innerText()).toMatch(/^sponsor · pipely$/i);
    expect(await block.locator('h2').innerText()).toBe('Your data platform, without the pages');
    // The body's markdown as plain text (body(format: TEXT)): no asterisks, one line per item.
    expect(await block.locator('p').innerText()).toBe('Try it today:\nfast\ncheap');
    expect(await texts('section > h2')).toEqual(['Headlines & Launches', 'Quick Links']);
    const first = page.locator('li.link').first();
    expect(await first.locator('h3 a').getAttribute('href')).toMatch(/^https:\/\/example\.com\//);
    expect(await first.locator('.meta').innerText()).toBe('example.com · 8 minute read');
    expect(await texts('li.link.sponsored h3')).toEqual(['Pipely watches your pipelines']);
    expect(await page.locator('li.link.sponsored .badge').innerText()).toMatch(/^sponsor · pipely$/i);
    expect(await page.locator('li.link:not(.sponsored) .badge').count()).toBe(0);
    expect(await page.locator('a[rel="prev"]').innerText()).toContain('Older AI news');
    expect(await page.locator('a[rel="next"]').innerText()).toContain('Newest AI news');
    await checkPhoneWidth();
    await screenshot(page, 'reader-issue');
  });

  it('previous and next move between issues, and Back returns', async () => {
    await page.locator('a[rel="next"]').click();
    await ready('/read/ai/2026-11-24');
    expect(await page.locator('h1').innerText()).toBe('Newest AI news');
    // The newest published issue has no next: the draft after it stays out of sight.
    expect(await page.locator('a[rel="next"]').count()).toBe(0);
    await page.goBack();
    await ready('/read/ai/2026-11-23');
    expect(await page.locator('h1').innerText()).toBe('Regulators publish AI guidance');
    await page.locator('a[rel="prev"]').click();
    await ready('/read/ai/2026-11-20');
    expect(await page.locator('h1').innerText()).toBe('Older AI news');
    expect(await page.locator('a[rel="prev"]').count()).toBe(0);
    await page.goBack();
    await ready('/read/ai/2026-11-23');
  });

  it('tag: the links of a topic across newsletters, each with its issue', async () => {
    await page.locator('li.link .tags a', { hasText: 'KUBERNETES' }).click();
    await ready('/read/tags/kubernetes');
    expect(await page.locator('h1').innerText()).toMatch(/KUBERNETES/);
    expect(await page.locator('.meta').first().innerText()).toBe('2 links');
    expect(await texts('li.link h3')).toEqual(['Robot hand learns to turn keys', 'A kinder kubectl']);
    expect(await texts('li.link .from')).toEqual(['From TLDR AI, Mon, 23 November 2026', 'From TLDR DevOps, Sun, 22 November 2026']);
    await checkPhoneWidth();
    await screenshot(page, 'reader-tag');
    await page.locator('.from a', { hasText: 'TLDR DevOps' }).click();
    await ready('/read/devops/2026-11-22');
    expect(await page.locator('h1').innerText()).toBe('Clusters everywhere');
    expect(await page.evaluate(() => (globalThis as any).loadedOnce)).toBe(true);
  });

  it('says "not found" for a newsletter, issue or topic that does not exist, without an error', async () => {
    for (const address of ['/read/nope/', '/read/ai/2026-02-30', '/read/ai/2026-11-25', '/read/tags/nothing-here', '/read/a/b/c']) {
      await page.goto(`${origin}${address}`);
      await ready(address);
      expect(await page.locator('h1').innerText()).toBe('Not found');
      await checkPhoneWidth();
    }
    await screenshot(page, 'reader-not-found');
  });

  it('shows a search box exactly when the reader has search turned on for a schema that has it', async () => {
    const schemaHasSearch = /\n {2}search\(/.test(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'schema.graphql'), 'utf8'));
    await page.goto(`${origin}/read/`);
    await ready('/read/');
    const boxes = await page.locator('form.search').count();
    if (schemaHasSearch && boxes === 0) {
      throw new Error('schema.graphql has Query.search: turn search on in the reader as web/reader/features.ts says.');
    }
    expect(boxes).toBe(schemaHasSearch ? 1 : 0);
    if (!boxes) return;
    await page.locator('form.search input').fill('kubectl');
    await page.locator('form.search button').click();
    await ready('/read/search?q=kubectl');
    expect(await texts('li.link h3')).toContain('A kinder kubectl');
    await checkPhoneWidth();
    await screenshot(page, 'reader-search');
  });

  it('made no request to another host, got no error answer, and logged no error', () => {
    expect(watch.foreign).toEqual([]);
    expect(watch.failedAnswers).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.requests.length).toBeGreaterThan(10);
    expect(watch.requests.every((url) => new URL(url).origin === origin)).toBe(true);
  });
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchChromium, screenshot, Watch, watchContext } from '../../support/browser';
import { Factory } from '../../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../../support/harness';

/**
 * GraphiQL as a person opens it: /graphql in Chromium, with docs, history and
 * a header editor for keys, and nothing loaded from any other host.
 */

let h: Harness;
let origin: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let watch: Watch;

/** Sets a GraphiQL editor's text as typing would leave it. */
async function setEditor(selector: string, text: string): Promise<void> {
  await page.locator(selector).first().click();
  // Runs in the page (no DOM types here): the editor's CodeMirror instance hangs on its element.
  await page.evaluate(([selector, text]) => (globalThis as any).document.querySelector(selector).CodeMirror.setValue(text), [`${selector} .CodeMirror`, text]);
}

/** Runs the editor's query and waits until the result pane shows `expected` (the previous result stays until then). */
async function run(expected: string): Promise<string> {
  await page.locator('.graphiql-execute-button').click();
  await page.waitForFunction((text) => ((globalThis as any).document.querySelector('.result-window')?.textContent ?? '').includes(text), expected);
  return page.locator('.result-window').innerText();
}

describeInBrowser('GraphiQL in Chromium', () => {
  beforeAll(async () => {
    h = await startHarness();
    origin = new URL(h.url).origin;
    const f = new Factory(h.dataSource);
    await f.issue(await f.newsletter('ai', 'TLDR AI'), { date: '2026-11-24', headline: 'Robot hands', sections: [{ title: 'Headlines', links: [{}] }] });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    watch = await watchContext(context, origin);
    page = await context.newPage();
  }, 120000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('opens at /graphql and runs its welcome query', async () => {
    await page.goto(`${origin}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    expect(await page.title()).toBe('Newsletter API · GraphiQL');
    const result = await run('Robot hands');
    expect(result).toContain('"headline": "Robot hands"');
    expect(result).toContain('"slug": "ai"');
  });

  it('documents the schema from introspection', async () => {
    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    const docs = page.locator('.graphiql-doc-explorer');
    await docs.getByText('Query', { exact: true }).first().click();
    await docs.getByText('newsletters', { exact: true }).first().waitFor();
    expect(await docs.innerText()).toMatch(/issues/);
    await screenshot(page, 'graphiql-docs');
  });

  it('sends the key written in the header editor', async () => {
    // Named as the welcome query was: GraphiQL reads a new operation name only after a pause in typing.
    await setEditor('.graphiql-query-editor', 'query Welcome { apiKeys { name } }');
    expect(await run('UNAUTHENTICATED')).not.toContain('"apiKeys": [');
    await page.getByRole('button', { name: 'Headers' }).click();
    await setEditor('.graphiql-editor-tool .graphiql-editor:not(.hidden)', JSON.stringify({ Authorization: `Bearer ${ADMIN_TOKEN}` }));
    const result = await run('"apiKeys": []');
    expect(result).toContain('"apiKeys": []');
    expect(result).not.toContain('UNAUTHENTICATED');
    await screenshot(page, 'graphiql-headers');
  });

  it('keeps a history of the queries run', async () => {
    await page.getByRole('button', { name: 'Show History' }).click();
    const history = page.locator('.graphiql-history');
    await history.waitFor();
    expect(await history.innerText()).toMatch(/Welcome|apiKeys/);
    await screenshot(page, 'graphiql-history');
  });

  it('loaded nothing from another host and logged no error', () => {
    expect(watch.foreign).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.pageErrors).toEqual([]);
    expect(watch.requests.some((url) => url.endsWith('/graphiql/graphiql.min.js'))).toBe(true);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/**
 * Headless Chromium for the browser tests: Debian's `chromium` package driven
 * by playwright-core (which downloads no browser of its own). Without it the
 * tests say so and skip; .ci/run installs it when apt is there.
 */

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];

export const CHROMIUM = CANDIDATES.find((file): file is string => Boolean(file) && fs.existsSync(file as string)) ?? null;

/** `describe`, or `describe.skip` with a line saying why, when there is no Chromium to run. */
export function describeInBrowser(name: string, body: () => void): void {
  if (CHROMIUM) {
    describe(name, body);
    return;
  }
  console.warn(`SKIPPED "${name}": no Chromium found (${CANDIDATES.filter(Boolean).join(', ')}); install it with \`apt-get install -y chromium\`.`);
  describe.skip(name, body);
}

export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM) throw new Error('no Chromium');
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
}

/** Screenshots are kept under test-artifacts/ (ignored by git) for a person to look at. */
export const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'browser');

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** Everything a page did that a test asserts on: requests, answers of 400 and up, console errors, uncaught errors. */
export interface Watch {
  requests: string[];
  /** Requests to any host but the server's, refused before they left. */
  foreign: string[];
  failedAnswers: string[];
  consoleErrors: string[];
  pageErrors: string[];
}

/**
 * Watches a browser context: every request to another host than `origin` is
 * recorded and aborted (so none leaves the machine even if one is made).
 */
export async function watchContext(context: BrowserContext, origin: string): Promise<Watch> {
  const watch: Watch = { requests: [], foreign: [], failedAnswers: [], consoleErrors: [], pageErrors: [] };
  await context.route('**/*', async (route) => {
    const url = route.request().url();
    watch.requests.push(url);
    if (new URL(url).origin === origin) await route.continue();
    else {
      watch.foreign.push(url);
      await route.abort('blockedbyclient');
    }
  });
  context.on('page', (page) => observe(page, watch));
  for (const page of context.pages()) observe(page, watch);
  return watch;
}

function observe(page: Page, watch: Watch): void {
  page.on('console', (message) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => watch.pageErrors.push(error.message));
  page.on('response', (response) => {
    if (response.status() >= 400) watch.failedAnswers.push(`${response.status()} ${response.url()}`);
  });
}

/** The widest the document is, to compare with the viewport: more means it scrolls sideways. */
export function scrollWidth(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth');
}

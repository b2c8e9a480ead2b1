import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildReader } from '../../src/web/reader-build';
import { Harness, startHarness } from '../support/harness';

/** The reader's routes over HTTP: one static page for every address, its assets, and no data. */
let h: Harness;
let base: string;
let build: string;

beforeAll(async () => {
  build = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-reader-'));
  await buildReader(build);
  h = await startHarness({ parts: { readerBuild: build } });
  base = h.url.replace('/graphql', '');
});

afterAll(async () => {
  await h.close();
  fs.rmSync(build, { recursive: true, force: true });
});

it('answers every reader address with the same static page, under the self-only policy', async () => {
  const index = fs.readFileSync(path.join(build, 'index.html'), 'utf8');
  for (const address of ['/read/', '/read/ai/', '/read/ai/2026-11-24', '/read/tags/security?after=abc', '/read/a/b/c']) {
    const response = await fetch(`${base}${address}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(await response.text()).toBe(index);
  }
});

it('sends /read to /read/', async () => {
  const response = await fetch(`${base}/read`, { redirect: 'manual' });
  expect(response.status).toBe(301);
  expect(response.headers.get('location')).toBe('/read/');
});

it('serves the bundled script and styles, and nothing else from the build folder', async () => {
  const script = await fetch(`${base}/read/assets/reader.js`);
  expect(script.status).toBe(200);
  expect(script.headers.get('content-type')).toMatch(/javascript/);
  const style = await fetch(`${base}/read/assets/reader.css`);
  expect(style.headers.get('content-type')).toMatch(/^text\/css/);
  for (const address of ['/read/assets/nope.js', '/read/assets/..%2Findex.html', '/read/assets/reader.js.map']) {
    const response = await fetch(`${base}${address}`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  }
});

it('says the reader is not built when it is not', async () => {
  const bare = await startHarness({ parts: { readerBuild: path.join(build, 'missing') } });
  try {
    const response = await fetch(`${bare.url.replace('/graphql', '')}/read/`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as any).errors[0].message).toMatch(/npm run build/);
  } finally {
    await bare.close();
  }
});

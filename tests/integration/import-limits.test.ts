import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_LINKS_PER_SECTION, MAX_SECTIONS_PER_ISSUE } from '../../src/content/limits';
import { collectFiles, importFiles } from '../../src/import/batch';
import { Importer } from '../../src/import/importer';
import { ADMIN_TOKEN, Harness, startHarness, TEST_ACTOR } from '../support/harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h.close());

/** A rendered issue with `sections` sections of `links` links each. */
function issueMarkdown(sections: number, links: number): string {
  const lines = ['# TLDR AI 2026-12-01', '', '## A big day', ''];
  for (let s = 1; s <= sections; s += 1) {
    lines.push('🚀', '', `### Section ${s}`, '');
    for (let l = 1; l <= links; l += 1) {
      lines.push(`[### Story ${s}.${l} (3 minute read)](https://example.com/${s}/${l})`, '', `Summary of story ${s}.${l}.`, '');
    }
  }
  return lines.join('\n');
}

const IMPORT = `mutation($input: ImportIssueInput!) { importIssue(input: $input) { status linkCount } }`;

it('imports an issue at the maxima', async () => {
  const { data, errors } = await h.gql(IMPORT, { input: { markdown: issueMarkdown(3, MAX_LINKS_PER_SECTION), dryRun: true } }, ADMIN_TOKEN);
  expect(errors).toBeUndefined();
  expect(data?.importIssue).toEqual({ status: 'CREATED', linkCount: 3 * MAX_LINKS_PER_SECTION });
});

it.each([
  ['sections', issueMarkdown(MAX_SECTIONS_PER_ISSUE + 1, 1), /it has 13 sections; an issue holds at most 12/],
  ['links in a section', issueMarkdown(1, MAX_LINKS_PER_SECTION + 1), /section "Section 1" has 31 links; a section holds at most 30/],
  ['links in the issue', issueMarkdown(4, MAX_LINKS_PER_SECTION), /it has 120 links; an issue holds at most 100/],
])('refuses an issue with too many %s, with the reason, writing nothing', async (_what, markdown, reason) => {
  const before = await h.rowCounts();
  for (const dryRun of [true, false]) {
    const { data, errors } = await h.gql(IMPORT, { input: { markdown, dryRun } }, ADMIN_TOKEN);
    expect(data).toBeNull();
    expect(errors?.[0].extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'ISSUE_TOO_LARGE' });
    expect(errors?.[0].message).toMatch(reason);
  }
  expect(await h.rowCounts()).toEqual(before);
});

it('lists an oversized file among the failures of a batch, and imports the rest', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'import-limits-'));
  try {
    fs.writeFileSync(path.join(folder, 'big.md'), issueMarkdown(MAX_SECTIONS_PER_ISSUE + 1, 1));
    fs.writeFileSync(path.join(folder, 'fine.md'), issueMarkdown(2, 2).replace('2026-12-01', '2026-12-02'));
    const summary = await importFiles(new Importer(h.dataSource), collectFiles([folder]), { actor: TEST_ACTOR });
    expect(summary.created).toBe(1);
    expect(summary.failed).toEqual([
      { file: path.join(folder, 'big.md'), reason: 'issue too large: it has 13 sections; an issue holds at most 12' },
    ]);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

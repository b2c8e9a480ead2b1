import path from 'node:path';
import { runEvalCommand } from '../../src/evaluation/eval-command';

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'eval');
const PROJECT = path.join(FIXTURES, 'project');
const CORPUS = path.join(FIXTURES, 'corpus');

describe('npm run eval', () => {
  test('says so and measures nothing when the corpus is absent', () => {
    const result = runEvalCommand([], path.join(FIXTURES, 'nowhere'));
    expect(result.code).toBe(0);
    expect(result.lines).toEqual([`corpus not found at ${path.join(FIXTURES, 'shared', 'corpus')}: nothing measured`]);
  });

  test('numbers every item of a file in reading order, with its half', () => {
    const result = runEvalCommand(['--corpus', CORPUS, '--list', 'tldr/tech/2031-02-03.md'], PROJECT);
    expect(result.code).toBe(0);
    expect(result.lines.map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
      '0 held-out',
      '1 held-out',
      '2 dev',
      '3 held-out',
    ]);
  });

  test('prints micro precision and recall, per-tag lines and the sponsor figures', () => {
    const result = runEvalCommand(['--corpus', CORPUS, '--split', 'all'], PROJECT);
    expect(result.code).toBe(0);
    const text = result.lines.join('\n');
    expect(text).toMatch(/Topics: 2 links, 4 judged \(link, tag\) pairs/);
    expect(text).toMatch(/micro precision \d\.\d{3} {2}recall \d\.\d{3}/);
    expect(text).toMatch(/Sponsors: 2 appearances \(1 advertisers' ads, 1 house ads and job posts\)/);
    expect(text).toMatch(/advertiser's own name \(or nobody, for house ads\): \d\/2/);
    expect(text).toMatch(/credited to a shortener \d+, a tracker \d+, an event or form platform \d+, a hosting platform \d+, the newsletter itself \d+/);
  });

  test('evaluates the held-out half by default', () => {
    const text = runEvalCommand(['--corpus', CORPUS], PROJECT).lines.join('\n');
    expect(text).toMatch(/held-out half/);
    expect(text).toMatch(/Topics: 1 links/);
  });

  test('times the topic classifier over every corpus link', () => {
    const result = runEvalCommand(['--corpus', CORPUS, '--speed'], PROJECT);
    expect(result.code).toBe(0);
    expect(result.lines.join('\n')).toMatch(/^Topic classifier: \d+ corpus links × \d+ passes in \d+ ms = \d+ links\/s/);
  });

  test('scores the probes the project wrote, listing the wrong ones on request', () => {
    const result = runEvalCommand(['--probes', '--errors'], PROJECT);
    expect(result.code).toBe(0);
    const text = result.lines.join('\n');
    expect(text).toMatch(/Topics: 2 links, 2 judged \(link, tag\) pairs/);
    expect(text).toMatch(/micro precision 1\.000 {2}recall 0\.500/);
    expect(text).toMatch(/probes\.jsonl:2 Nobody likes cold tea: missing \[science\] extra \[\]/);
  });

  test('refuses an unknown split with usage and exit code 2', () => {
    const result = runEvalCommand(['--corpus', CORPUS, '--split', 'everything'], PROJECT);
    expect(result.code).toBe(2);
    expect(result.lines.join('\n')).toMatch(/usage: npm run eval/);
  });
});

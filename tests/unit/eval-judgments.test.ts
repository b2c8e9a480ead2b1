import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { TOPICS } from '../../src/content/taxonomy';
import { isHeldOut, readJsonLines, SponsorJudgment, TopicJudgment } from '../../src/evaluation/judgments';

const EVAL_DIR = path.resolve(__dirname, '..', '..', 'eval');

/** The held-out lines of a judgment file, exactly as committed before any rule was tuned. */
function heldOutDigest(file: string): { lines: number; digest: string } {
  const lines = fs
    .readFileSync(path.join(EVAL_DIR, file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && isHeldOut(JSON.parse(line)));
  return { lines: lines.length, digest: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

describe('the judged evaluation sets', () => {
  test('held-out judgments never change after they were committed', () => {
    expect(heldOutDigest('topics.jsonl')).toEqual({
      lines: 210,
      digest: '4f90abe6e74e4daed96e39bb73c0a4b9bcae3945171edf6f227534a45de0a974',
    });
    expect(heldOutDigest('sponsors.jsonl')).toEqual({
      lines: 59,
      digest: '93833a176716a23adf96fa0728f84464d4404c826d6a56b8911968a259eaccd6',
    });
  });

  test('topic judgments use known slugs, and every AI sub-topic comes with ai', () => {
    const slugs = new Set(TOPICS.map((topic) => topic.slug));
    const judgments = readJsonLines<TopicJudgment>(path.join(EVAL_DIR, 'topics.jsonl'));
    expect(judgments.length).toBeGreaterThanOrEqual(300);
    expect(judgments.flatMap((entry) => entry.tags.filter((tag) => !slugs.has(tag)))).toEqual([]);
    const orphans = judgments.filter(
      (entry) => entry.tags.some((tag) => ['llm', 'ai-agents', 'generative-media', 'ai-safety'].includes(tag)) && !entry.tags.includes('ai'),
    );
    expect(orphans).toEqual([]);
  });

  test('each item is judged once, and sponsor judgments name an advertiser or a house kind', () => {
    for (const file of ['topics.jsonl', 'sponsors.jsonl']) {
      const keys = readJsonLines(path.join(EVAL_DIR, file)).map((entry) => `${entry.file}#${entry.item}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    const sponsors = readJsonLines<SponsorJudgment>(path.join(EVAL_DIR, 'sponsors.jsonl'));
    expect(sponsors.every((entry) => ['SPONSOR', 'HOUSE_AD', 'HOUSE_JOB'].includes(entry.kind))).toBe(true);
    expect(sponsors.filter((entry) => entry.kind !== 'SPONSOR' && entry.sponsor !== undefined)).toEqual([]);
  });
});

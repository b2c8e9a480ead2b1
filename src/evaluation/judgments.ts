/**
 * Hand judgments of corpus items (eval/*.jsonl), keyed by issue file and item
 * position, and the fixed split of them into a dev half and a held-out half.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** Where a judged item lives: `tldr/ai/2024-05-17.md`, item 7 (0-based, reading order). */
export interface ItemKey {
  file: string;
  item: number;
}

/** The topics a person judged right for a link. */
export interface TopicJudgment extends ItemKey {
  tags: string[];
}

/** What a sponsor appearance is: an advertiser's ad, or the newsletter's own house ad or job post. */
export type AppearanceKind = 'SPONSOR' | 'HOUSE_AD' | 'HOUSE_JOB';

export interface SponsorJudgment extends ItemKey {
  kind: AppearanceKind;
  /** The advertiser's name as the ad writes it; null when the ad never names its advertiser. */
  sponsor?: string | null;
  /** Other spellings the ad itself uses for the same advertiser ("Tonic" beside "Tonic.ai"). */
  also?: string[];
}

export type Split = 'held-out' | 'dev' | 'all';

export function itemId({ file, item }: ItemKey): string {
  return `${file}#${item}`;
}

/** The fixed split: an item is held out when the first byte of sha256(`file#item`) is even. */
export function isHeldOut(key: ItemKey): boolean {
  return createHash('sha256').update(itemId(key)).digest()[0] % 2 === 0;
}

export function inSplit(key: ItemKey, split: Split): boolean {
  return split === 'all' || isHeldOut(key) === (split === 'held-out');
}

/** Parses a JSON-lines file, naming the line of the first malformed entry. */
export function readJsonLines<T extends ItemKey>(file: string): T[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (line.trim() === '') return [];
      const entry = JSON.parse(line) as T;
      if (typeof entry.file !== 'string' || !Number.isInteger(entry.item)) {
        throw new Error(`${file}:${index + 1}: each line needs "file" and an integer "item"`);
      }
      return [entry];
    });
}

/**
 * Compares what the importer derives for judged corpus items (topics, sponsors)
 * with the judgments in eval/, and renders the figures as report lines.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PlannedLink, PlannedPlacement } from '../import/issue.plan';
import { CorpusItem, corpusItems } from './corpus-items';
import { inSplit, itemId, ItemKey, readJsonLines, Split, SponsorJudgment, TopicJudgment } from './judgments';
import { DerivedSponsor, scoreSponsors, SponsorPair } from './sponsor-metrics';
import { Counts, precision, recall, scoreTopics, TopicPair } from './topic-metrics';

export interface EvaluationOptions {
  corpusDir: string;
  /** Folder holding topics.jsonl and sponsors.jsonl. */
  evalDir: string;
  split: Split;
  /** Also list every wrong item (use on the dev half only: the held-out half is not for tuning). */
  errors?: boolean;
}

/** Tags with fewer judged positives than this get no line of their own. */
const MIN_TAG_POSITIVES = 10;

export function evaluate(options: EvaluationOptions): string[] {
  const items = new ItemLookup(options.corpusDir);
  const topics = readJsonLines<TopicJudgment>(path.join(options.evalDir, 'topics.jsonl')).filter((key) =>
    inSplit(key, options.split),
  );
  const sponsors = readJsonLines<SponsorJudgment>(path.join(options.evalDir, 'sponsors.jsonl')).filter((key) =>
    inSplit(key, options.split),
  );
  const topicPairs = topics.map((judged) => topicPair(judged, items.get(judged)));
  const sponsorPairs = sponsors.map((judged) => ({ id: itemId(judged), judged, derived: derivedSponsor(items.get(judged)) }));
  return [
    `Evaluation of ${options.corpusDir} (${options.split === 'all' ? 'both halves' : `${options.split} half`})`,
    ...topicReport(topicPairs, options.errors ?? false),
    ...sponsorReport(sponsorPairs, options.errors ?? false),
  ];
}

/** Reads each corpus file once. */
class ItemLookup {
  private readonly files = new Map<string, CorpusItem[]>();

  constructor(private readonly corpusDir: string) {}

  get(key: ItemKey): CorpusItem {
    let items = this.files.get(key.file);
    if (!items) {
      if (!fs.existsSync(path.join(this.corpusDir, key.file))) throw new Error(`${itemId(key)}: ${key.file} is not in ${this.corpusDir}`);
      items = corpusItems(this.corpusDir, key.file);
      this.files.set(key.file, items);
    }
    const found = items[key.item];
    if (!found) throw new Error(`${itemId(key)}: the file has ${items.length} items`);
    return found;
  }
}

function topicPair(judged: TopicJudgment, item: CorpusItem): TopicPair {
  const derived = item.placement ? [] : (item.planned as PlannedLink).tags;
  return { id: itemId(judged), judged: judged.tags, derived };
}

function derivedSponsor(item: CorpusItem): DerivedSponsor | null {
  return item.placement ? (item.planned as PlannedPlacement).sponsor : (item.planned as PlannedLink).sponsor;
}

export function topicReport(pairs: readonly TopicPair[], errors: boolean): string[] {
  const scores = scoreTopics(pairs);
  const judged = scores.overall.tp + scores.overall.fn;
  const tags = [...scores.byTag.entries()]
    .filter(([, counts]) => counts.positives >= MIN_TAG_POSITIVES)
    .sort(([a, x], [b, y]) => y.positives - x.positives || (a < b ? -1 : 1));
  return [
    `Topics: ${scores.links} links, ${judged} judged (link, tag) pairs`,
    `  micro precision ${fixed(precision(scores.overall))}  recall ${fixed(recall(scores.overall))}  ${countsText(scores.overall)}`,
    `  ${'tag'.padEnd(22)} positives  precision  recall`,
    ...tags.map(
      ([slug, counts]) =>
        `  ${slug.padEnd(22)} ${String(counts.positives).padStart(9)}  ${fixed(precision(counts)).padStart(9)}  ${fixed(recall(counts)).padStart(6)}`,
    ),
    ...(errors ? topicErrors(pairs) : []),
  ];
}

function topicErrors(pairs: readonly TopicPair[]): string[] {
  return pairs.flatMap(({ id, judged, derived }) => {
    const missing = judged.filter((slug) => !derived.includes(slug));
    const extra = derived.filter((slug) => !judged.includes(slug));
    if (!missing.length && !extra.length) return [];
    return [`  ${id}: missing [${missing.join(' ')}] extra [${extra.join(' ')}]`];
  });
}

function sponsorReport(pairs: readonly SponsorPair[], errors: boolean): string[] {
  const scores = scoreSponsors(pairs);
  const advertisers = pairs.filter((pair) => pair.judged.kind === 'SPONSOR').length;
  const { SHORTENER, TRACKER, EVENT_PLATFORM, HOSTING_PLATFORM, NEWSLETTER } = scores.credited;
  return [
    `Sponsors: ${scores.appearances} appearances (${advertisers} advertisers' ads, ${scores.appearances - advertisers} house ads and job posts)`,
    `  advertiser's own name (or nobody, for house ads): ${scores.correct}/${scores.appearances} = ${fixed(scores.correct / Math.max(1, scores.appearances))}`,
    `  credited to a shortener ${SHORTENER}, a tracker ${TRACKER}, an event or form platform ${EVENT_PLATFORM}, ` +
      `a hosting platform ${HOSTING_PLATFORM}, the newsletter itself ${NEWSLETTER}`,
    ...(errors
      ? scores.wrong.map(
          ({ id, judged, derived }) =>
            `  ${id}: judged ${judged.kind === 'SPONSOR' ? JSON.stringify(judged.sponsor) : judged.kind}, derived ${derived ? `"${derived.name}" (${derived.domain})` : 'nobody'}`,
        )
      : []),
  ];
}

function countsText({ tp, fp, fn }: Counts): string {
  return `(tp ${tp}, fp ${fp}, fn ${fn})`;
}

function fixed(value: number): string {
  return value.toFixed(3);
}

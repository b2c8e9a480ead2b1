/** Micro precision and recall of derived topics against judged ones, over (link, tag) pairs. */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface TopicScores {
  links: number;
  overall: Counts;
  /** Per tag, for every tag judged or derived at least once. */
  byTag: Map<string, Counts & { positives: number }>;
}

export interface TopicPair {
  id: string;
  judged: readonly string[];
  derived: readonly string[];
}

export function scoreTopics(pairs: readonly TopicPair[]): TopicScores {
  const overall: Counts = { tp: 0, fp: 0, fn: 0 };
  const byTag = new Map<string, Counts & { positives: number }>();
  const tag = (slug: string) => {
    const found = byTag.get(slug) ?? { tp: 0, fp: 0, fn: 0, positives: 0 };
    byTag.set(slug, found);
    return found;
  };
  for (const { judged, derived } of pairs) {
    const wanted = new Set(judged);
    const got = new Set(derived);
    for (const slug of wanted) {
      tag(slug).positives++;
      const outcome = got.has(slug) ? 'tp' : 'fn';
      overall[outcome]++;
      tag(slug)[outcome]++;
    }
    for (const slug of got) {
      if (wanted.has(slug)) continue;
      overall.fp++;
      tag(slug).fp++;
    }
  }
  return { links: pairs.length, overall, byTag };
}

export function precision({ tp, fp }: Counts): number {
  return tp + fp === 0 ? 1 : tp / (tp + fp);
}

export function recall({ tp, fn }: Counts): number {
  return tp + fn === 0 ? 1 : tp / (tp + fn);
}

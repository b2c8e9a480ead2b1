/** Whether each sponsor appearance is credited to the advertiser the ad names. */
import { IntermediaryKind, intermediaryKind } from '../content/sponsor-hosts';
import type { SponsorJudgment } from './judgments';

/** The sponsor the importer derived for an appearance; null when it credits nobody. */
export interface DerivedSponsor {
  domain: string;
  name: string;
}

export interface SponsorPair {
  id: string;
  judged: SponsorJudgment;
  derived: DerivedSponsor | null;
}

export interface SponsorScores {
  appearances: number;
  correct: number;
  /** Appearances credited to a go-between instead of an advertiser, by kind of go-between. */
  credited: Record<IntermediaryKind, number>;
  wrong: SponsorPair[];
}

export function scoreSponsors(pairs: readonly SponsorPair[]): SponsorScores {
  const credited: Record<IntermediaryKind, number> = {
    SHORTENER: 0,
    TRACKER: 0,
    EVENT_PLATFORM: 0,
    HOSTING_PLATFORM: 0,
    NEWSLETTER: 0,
  };
  const wrong: SponsorPair[] = [];
  for (const pair of pairs) {
    const kind = pair.derived ? intermediaryKind(pair.derived.domain) : null;
    if (kind) credited[kind]++;
    if (!isCorrect(pair)) wrong.push(pair);
  }
  return { appearances: pairs.length, correct: pairs.length - wrong.length, credited, wrong };
}

/** An advertiser's ad must carry its name; a house ad, a job post or an unnamed advertiser must credit nobody. */
function isCorrect({ judged, derived }: SponsorPair): boolean {
  if (judged.kind !== 'SPONSOR' || !judged.sponsor) return derived === null;
  if (!derived) return false;
  return [judged.sponsor, ...(judged.also ?? [])].some((name) => sameName(name, derived.name));
}

function sameName(a: string, b: string): boolean {
  const fold = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
  return fold(a) === fold(b);
}

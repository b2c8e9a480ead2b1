/**
 * Deterministic synthetic archives in the rendered-markdown format the
 * importer reads: same seed, same bytes. Used by the import benchmark.
 * `syntheticIssue` is a plain, regular shape; `realShapedIssue` follows the
 * statistics of the real corpus (../shared/corpus, 66 issues, 982 items).
 */

const NEWSLETTERS = ['TLDR', 'TLDR AI', 'TLDR DevOps', 'TLDR InfoSec', 'TLDR Data'];
const SECTIONS = [
  ['🚀', 'Headlines & Launches'],
  ['🧠', 'Research & Innovation'],
  ['🧑‍💻', 'Engineering & Resources'],
  ['🎁', 'Miscellaneous'],
  ['⚡', 'Quick Links'],
];
/** Mostly plain words with a few topic words, so links carry about as many tags as real ones (about 3). */
export const FILLER = (
  'the a new team report shows how users faster better first year more than its our their after with ' +
  'about into over update version plan feature teams company people work week review guide notes story ' +
  'build run ship scale cost simple small large early late open read write test fix change move'
).split(' ');
export const TOPICS = (
  'model agent cluster kernel rust python compiler database query vector cloud kubernetes ' +
  'security breach patch funding startup chip gpu robot benchmark privacy regulation quantum battery satellite'
).split(' ');
const WORD_POOL = [...FILLER, ...FILLER, ...FILLER, ...FILLER, ...FILLER, ...FILLER, ...TOPICS];
const DOMAINS = ['github.com', 'example.com', 'blog.example.org', 'news.example.net', 'youtube.com', 'arxiv.org'];
const LABELS = ['2 minute read', '5 minute read', '12 minute read', 'GitHub Repo', '1 hour read', '3 minute video'];

/** mulberry32: a tiny seeded PRNG, enough for reproducible test data. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isoDay(index: number): string {
  return new Date(Date.UTC(2020, 0, 1) + index * 86400000).toISOString().slice(0, 10);
}

export interface SyntheticIssue {
  name: string;
  markdown: string;
  /** Links the importer writes (a sponsor block naming its advertiser is a placement, not a link). */
  links: number;
}

/** Issue `n` of the archive: newsletters take turns, each on its own run of days. */
export function syntheticIssue(n: number, linksPerIssue = 15): SyntheticIssue {
  const next = random(n + 1);
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const words = (count: number) => Array.from({ length: count }, () => pick(WORD_POOL)).join(' ');
  const newsletter = NEWSLETTERS[n % NEWSLETTERS.length];
  const date = isoDay(Math.floor(n / NEWSLETTERS.length));
  const lines = [
    `${words(4)} 🚀`,
    '',
    `# ${newsletter} ${date}`,
    '',
    `## ${words(3)} 🚀, ${words(3)} 🤖`,
    '',
    '### ',
    '',
    `[### ${words(5)} (Sponsor)](https://www.sponsor${n % 40}.test/offer?utm_source=tldr&amp;utm_medium=newsletter)`,
    '',
    `${words(20)}.`,
    '',
    `- ${words(6)}`,
    `- ${words(6)}`,
    '',
  ];
  for (let item = 0; item < linksPerIssue; item += 1) {
    if (item % 3 === 0) {
      const [emoji, title] = SECTIONS[(item / 3) % SECTIONS.length];
      lines.push(emoji, '', `### ${title}`, '');
    }
    const domain = pick(DOMAINS);
    lines.push(
      `[### ${words(6)} (${pick(LABELS)})](https://${domain}/${n}/${item}?utm_source=tldr&amp;ref=x${item})`,
      '',
      `${words(35)}.`,
      '',
    );
  }
  lines.push('Love TLDR? Tell your friends and get rewards!', '');
  return { name: `${newsletter.replace(/\s+/g, '-').toLowerCase()}-${date}.md`, markdown: lines.join('\n'), links: linksPerIssue };
}

export { realShapedIssue } from './real-shaped-archive';

/**
 * Topic tagging of links against the project's taxonomy. A link belongs to a
 * topic when the evidence for it adds up to DECIDES: a specific term anywhere,
 * a broader clue in the title, or two clues (or a clue and the site) in the
 * summary. Fast enough for bulk imports: every term is filed under the (up to
 * three) letters it must start with, the text is scanned once, and at each word
 * start only the terms filed under that word's first letters are tried, in place.
 */
import { TOPIC_DEFINITIONS, TopicDefinition } from './taxonomy.topics';

export interface Topic {
  slug: string;
  name: string;
}

export interface TaggableLink {
  title: string;
  /** Markdown; link targets are ignored, so a `utm_source=tldr-ai` never reads as "AI". */
  summary: string;
  domain: string;
}

/** How much one mention of a term weighs, in the title and in the summary. */
type TermKind = 'term' | 'clue' | 'name' | 'hint' | 'title';

const WEIGHTS: Readonly<Record<TermKind, readonly [title: number, lead: number, rest: number]>> = {
  term: [2, 2, 1],
  clue: [2, 0.75, 0.5],
  name: [1.5, 1, 0.5],
  hint: [1, 0.5, 0.5],
  title: [2, 0, 0],
};

/** The evidence a topic needs; a second mention of a term already counted adds REPEAT, later ones nothing. */
const DECIDES = 2;
const REPEAT = 0.5;
/** What the weightiest mention of a decided topic must weigh: passing words in the summary's body never add up to a topic. */
const STRONGEST = 1;

/** Where a mention is: the title, the summary's first sentence, or the rest of the summary. */
type Region = 0 | 1 | 2;

/** Terms of one topic and kind that share a starting key, compiled to one sticky pattern. */
interface TermGroup {
  /** Lower-case letters and digits every match starts with. */
  key: string;
  topic: number;
  pattern: RegExp;
  weights: readonly [number, number, number];
  /** Whether a second mention adds REPEAT (hints never add up on repetition). */
  repeats: boolean;
  /** Tells the group's mentions apart from another group's mentions of the same words. */
  id: number;
}

/**
 * Term groups by their key's first characters, folded into a number (no string is
 * built per word): index n holds keys of length n + 1, or of `FILE_LENGTH` and more.
 */
type TermIndex = ReadonlyArray<Map<number, TermGroup[]>>;

/** Evidence gathered while scanning one link: a score per topic and the terms already counted. */
interface Evidence {
  score: Float64Array;
  /** The weight of each topic's weightiest mention (or site). */
  strongest: Float64Array;
  /** By term group: how often each matched text was seen (a plural counts as its singular). */
  seen: Map<number, Map<string, number>>;
  /** By topic: where its last mention ended, so that overlapping mentions (`AI chatbots`, `chatbots`) count once. */
  ends: Map<number, number>;
  /** Every mention counted, when the caller asked why (explainTopics). */
  log?: Array<{ topic: number; term: string; weight: number }>;
}

const FILE_LENGTH = 3;
const DIGITS = Array.from({ length: 10 }, (_, digit) => String(digit));
const ASCII = 128;
const LEAD_END = /[.!?](?=\s+[A-Z"'“‘(]|\s*$)/g;
const LINK_TARGET = /\]\([^)\s]*\)|<?https?:\/\/\S+/g;
/** A term written `=AI` is matched case-sensitively. */
const CASED = '=';

const DEFINITIONS = [...TOPIC_DEFINITIONS].sort((a, b) => (a.slug < b.slug ? -1 : 1));

/** Every topic, in slug order. */
export const TOPICS: readonly Topic[] = DEFINITIONS.map(({ slug, name }) => ({ slug, name }));

const TERM_INDEX: TermIndex = indexTerms(DEFINITIONS);
const DOMAIN_INDEX: ReadonlyMap<string, ReadonlyArray<readonly [number, number]>> = indexDomains(DEFINITIONS);
const PARENTS: ReadonlyArray<readonly number[]> = indexRelated(DEFINITIONS, 'parents');
const EXCLUDED_BY: ReadonlyArray<readonly number[]> = indexRelated(DEFINITIONS, 'excludedBy');

/** Slugs of the topics the link belongs to, sorted, without duplicates; a topic's parents come with it. */
export function matchTopics(link: TaggableLink): string[] {
  const { score, strongest } = gather(link, newEvidence());
  const kept = new Array<boolean>(TOPICS.length);
  for (let topic = 0; topic < TOPICS.length; topic++) {
    kept[topic] = score[topic] >= DECIDES && strongest[topic] >= STRONGEST && !EXCLUDED_BY[topic].some((other) => score[other] >= DECIDES);
  }
  addParents(kept);
  const slugs: string[] = [];
  for (let topic = 0; topic < TOPICS.length; topic++) if (kept[topic]) slugs.push(TOPICS[topic].slug);
  return slugs;
}

/** Why a link gets its topics: each topic's score and the mentions that made it (for tuning the taxonomy). */
export function explainTopics(link: TaggableLink): Array<{ slug: string; score: number; terms: string[] }> {
  const evidence = gather(link, { ...newEvidence(), log: [] });
  return TOPICS.flatMap((topic, index) => {
    const terms = (evidence.log ?? []).filter((entry) => entry.topic === index).map((entry) => `${entry.term}:${entry.weight}`);
    return evidence.score[index] > 0 ? [{ slug: topic.slug, score: evidence.score[index], terms }] : [];
  });
}

function newEvidence(): Evidence {
  return { score: new Float64Array(TOPICS.length), strongest: new Float64Array(TOPICS.length), seen: new Map(), ends: new Map() };
}

function gather(link: TaggableLink, evidence: Evidence): Evidence {
  markDomainTopics(link.domain.toLowerCase(), evidence);
  const text = `${link.title}\n${link.summary.replace(LINK_TARGET, ']')}`;
  const leadEnd = endOfLead(text, link.title.length + 1);
  for (let at = 0; at < text.length; at++) {
    if (isWordCode(text.charCodeAt(at)) && !isWordCode(text.charCodeAt(at - 1))) {
      markTermTopics(text, at, at < link.title.length ? 0 : at < leadEnd ? 1 : 2, evidence);
    }
  }
  return evidence;
}

/** Where the summary's first sentence ends: ". " (or "!", "?") followed by a capital or the end. */
function endOfLead(text: string, from: number): number {
  LEAD_END.lastIndex = from;
  const match = LEAD_END.exec(text);
  return match ? match.index + 1 : text.length;
}

/** Adds the weight of the domain and of each parent domain (`blog.cloudflare.com`, `cloudflare.com`). */
function markDomainTopics(domain: string, evidence: Evidence): void {
  for (let start = 0; start >= 0; start = nextLabel(domain, start)) {
    for (const [topic, weight] of DOMAIN_INDEX.get(domain.slice(start)) ?? []) {
      evidence.score[topic] += weight;
      evidence.strongest[topic] = Math.max(evidence.strongest[topic], weight);
    }
  }
}

function nextLabel(domain: string, start: number): number {
  const dot = domain.indexOf('.', start);
  return dot < 0 ? -1 : dot + 1;
}

function addParents(found: boolean[]): void {
  for (let changed = true; changed; ) {
    changed = false;
    PARENTS.forEach((parents, topic) => {
      if (!found[topic]) return;
      for (const parent of parents) {
        if (!found[parent]) changed = found[parent] = true;
      }
    });
  }
}

/** Tries, at a word start, the term groups filed under the word's first one, two and three characters. */
function markTermTopics(text: string, at: number, region: Region, evidence: Evidence): void {
  let folded = 0;
  for (let length = 1; length <= FILE_LENGTH; length++) {
    const code = text.charCodeAt(at + length - 1);
    if (!isWordCode(code)) return;
    folded = folded * ASCII + lowerCode(code);
    tryGroups(TERM_INDEX[length - 1].get(folded), text, at, region, evidence);
  }
}

function tryGroups(groups: readonly TermGroup[] | undefined, text: string, at: number, region: Region, evidence: Evidence): void {
  for (const group of groups ?? []) {
    const weight = group.weights[region];
    if (weight === 0 || evidence.score[group.topic] >= DECIDES || !startsWithKey(text, at, group.key)) continue;
    group.pattern.lastIndex = at;
    const match = group.pattern.exec(text);
    if (!match || at < (evidence.ends.get(group.topic) ?? 0)) continue;
    evidence.ends.set(group.topic, Math.max(evidence.ends.get(group.topic) ?? 0, at + match[0].length));
    const counts = counted(evidence, group, group.repeats ? match[0].toLowerCase().replace(/s$/, '') : '', weight);
    evidence.score[group.topic] += counts;
    if (counts > evidence.strongest[group.topic]) evidence.strongest[group.topic] = counts;
  }
}

/**
 * The weight of a mention: in full the first time the group sees the words, REPEAT the second time, then
 * nothing. A hint group counts once, whichever of its words it sees (`term` is '' for hints).
 */
function counted(evidence: Evidence, group: TermGroup, term: string, weight: number): number {
  let seen = evidence.seen.get(group.id);
  if (!seen) evidence.seen.set(group.id, (seen = new Map()));
  const times = seen.get(term) ?? 0;
  const counts = times === 0 ? weight : times === 1 && group.repeats ? Math.min(weight, REPEAT) : 0;
  seen.set(term, times + 1);
  evidence.log?.push({ topic: group.topic, term, weight: counts });
  return counts;
}

function startsWithKey(text: string, at: number, key: string): boolean {
  for (let i = 0; i < key.length; i++) {
    if (lowerCode(text.charCodeAt(at + i)) !== key.charCodeAt(i)) return false;
  }
  return true;
}

/** `[A-Za-z0-9_]`, the characters of a word; NaN (out of range) is not one. */
function isWordCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
}

function lowerCode(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

function indexTerms(definitions: readonly TopicDefinition[]): TermIndex {
  let groupCount = 0;
  const index = Array.from({ length: FILE_LENGTH }, () => new Map<number, TermGroup[]>());
  definitions.forEach((definition, topic) => {
    const lists: ReadonlyArray<readonly [readonly string[] | undefined, TermKind]> = [
      [definition.terms, 'term'],
      [definition.clues, 'clue'],
      [definition.names, 'name'],
      [definition.hints, 'hint'],
      [definition.titleTerms, 'title'],
    ];
    for (const [terms, kind] of lists) {
      for (const cased of [false, true]) {
        const chosen = (terms ?? []).filter((term) => term.startsWith(CASED) === cased).map((term) => (cased ? term.slice(1) : term));
        for (const [key, sameKey] of groupByKey(chosen, definition.slug)) {
          const pattern = new RegExp(`(?:${sameKey.join('|')})(?![A-Za-z0-9_])`, cased ? 'y' : 'iy');
          const filed = key.slice(0, FILE_LENGTH);
          const folded = Array.from(filed).reduce((sum, char) => sum * ASCII + char.charCodeAt(0), 0);
          const files = index[filed.length - 1];
          files.set(folded, [...(files.get(folded) ?? []), { key, topic, pattern, weights: WEIGHTS[kind], repeats: kind !== 'hint', id: groupCount++ }]);
        }
      }
    }
  });
  return index;
}

function groupByKey(terms: readonly string[], slug: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const term of terms.flatMap(expandLeadingGroup)) {
    const key = literalPrefix(term);
    if (key === '') throw new Error(`taxonomy term /${term}/ of "${slug}" must start with a letter or digit`);
    groups.set(key, [...(groups.get(key) ?? []), term]);
  }
  return groups;
}

/**
 * `(?:coding|research) agents?` → `coding agents?`, `research agents?`; `(?:info)?stealer` → `infostealer`,
 * `stealer`; `\\d+B` → `0\\d*B` … `9\\d*B`; a leading lookbehind (`(?<!\\$)`) is kept on each variant:
 * each variant then starts with a literal and can be indexed.
 */
function expandLeadingGroup(term: string): string[] {
  const behind = /^\(\?<[!=][^()]*\)/.exec(term)?.[0];
  if (behind) return expandLeadingGroup(term.slice(behind.length)).map((variant) => `${behind}${variant}`);
  const digits = /^\\d(\+?)/.exec(term);
  if (digits) return DIGITS.map((digit) => `${digit}${digits[1] ? '\\d*' : ''}${term.slice(digits[0].length)}`);
  const group = /^\(\?:([^()]*)\)(\??)(?![*{])/.exec(term);
  if (!group) return [term];
  const rest = term.slice(group[0].length);
  return [...group[1].split('|').map((variant) => `${variant}${rest}`), ...(group[2] ? [rest] : [])].flatMap(expandLeadingGroup);
}

/** The letters and digits every match of the term starts with: `gpus?` → "gpu", `neural net` → "neural". */
function literalPrefix(term: string): string {
  let prefix = '';
  for (let i = /^\(\?<[!=][^()]*\)/.exec(term)?.[0].length ?? 0; i < term.length; i++) {
    const char = term[i].toLowerCase();
    if (!isWordCode(char.charCodeAt(0)) || /[?*{]/.test(term[i + 1] ?? '')) break;
    prefix += char;
  }
  return prefix;
}

/** Topic weights by domain: a site devoted to the topic decides, a site often about it is one clue. */
function indexDomains(definitions: readonly TopicDefinition[]): Map<string, Array<readonly [number, number]>> {
  const index = new Map<string, Array<readonly [number, number]>>();
  const add = (domain: string, topic: number, weight: number) => index.set(domain, [...(index.get(domain) ?? []), [topic, weight]]);
  definitions.forEach((definition, topic) => {
    for (const domain of definition.sites ?? []) add(domain, topic, DECIDES);
    for (const domain of definition.domains ?? []) add(domain, topic, 1);
  });
  return index;
}

/** Each topic's parents (or excluders) as topic indexes. */
function indexRelated(definitions: readonly TopicDefinition[], field: 'parents' | 'excludedBy'): number[][] {
  const slugs = definitions.map((definition) => definition.slug);
  return definitions.map((definition) =>
    (definition[field] ?? []).map((slug) => {
      const index = slugs.indexOf(slug);
      if (index < 0) throw new Error(`taxonomy topic "${definition.slug}" names an unknown topic "${slug}" in ${field}`);
      return index;
    }),
  );
}

/**
 * Topic tagging of links against the project's taxonomy, fast enough for bulk
 * imports: every term is filed under the (up to three) letters it must start with,
 * the text is scanned once, and at each word start only the terms filed under
 * that word's first letters are tried, in place.
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

/** Terms of one topic that share a starting key, compiled to one sticky pattern. */
interface TermGroup {
  /** Lower-case letters and digits every match starts with. */
  key: string;
  topic: number;
  pattern: RegExp;
  titleOnly: boolean;
}

/**
 * Term groups by their key's first characters, folded into a number (no string is
 * built per word): index n holds keys of length n + 1, or of `FILE_LENGTH` and more.
 */
type TermIndex = ReadonlyArray<Map<number, TermGroup[]>>;

const FILE_LENGTH = 3;
const ASCII = 128;
const LINK_TARGET = /\]\([^)\s]*\)|<?https?:\/\/\S+/g;

const DEFINITIONS = [...TOPIC_DEFINITIONS].sort((a, b) => (a.slug < b.slug ? -1 : 1));

/** Every topic, in slug order. */
export const TOPICS: readonly Topic[] = DEFINITIONS.map(({ slug, name }) => ({ slug, name }));

const TERM_INDEX: TermIndex = indexTerms(DEFINITIONS);
const DOMAIN_INDEX: ReadonlyMap<string, readonly number[]> = indexDomains(DEFINITIONS);

/** Slugs of the topics the link belongs to, sorted, without duplicates. */
export function matchTopics(link: TaggableLink): string[] {
  const found = new Array<boolean>(TOPICS.length).fill(false);
  markDomainTopics(link.domain.toLowerCase(), found);
  const text = `${link.title}\n${link.summary.replace(LINK_TARGET, ']')}`;
  for (let at = 0; at < text.length; at++) {
    if (isWordCode(text.charCodeAt(at)) && !isWordCode(text.charCodeAt(at - 1))) {
      markTermTopics(text, at, at < link.title.length, found);
    }
  }
  return TOPICS.filter((_, index) => found[index]).map((topic) => topic.slug);
}

/** Marks the topics of the domain and of each parent domain (`blog.cloudflare.com`, `cloudflare.com`). */
function markDomainTopics(domain: string, found: boolean[]): void {
  for (let start = 0; start >= 0; start = nextLabel(domain, start)) {
    for (const topic of DOMAIN_INDEX.get(domain.slice(start)) ?? []) found[topic] = true;
  }
}

function nextLabel(domain: string, start: number): number {
  const dot = domain.indexOf('.', start);
  return dot < 0 ? -1 : dot + 1;
}

/** Tries, at a word start, the term groups filed under the word's first one, two and three characters. */
function markTermTopics(text: string, at: number, inTitle: boolean, found: boolean[]): void {
  let folded = 0;
  for (let length = 1; length <= FILE_LENGTH; length++) {
    const code = text.charCodeAt(at + length - 1);
    if (!isWordCode(code)) return;
    folded = folded * ASCII + lowerCode(code);
    tryGroups(TERM_INDEX[length - 1].get(folded), text, at, inTitle, found);
  }
}

function tryGroups(groups: readonly TermGroup[] | undefined, text: string, at: number, inTitle: boolean, found: boolean[]): void {
  for (const group of groups ?? []) {
    if (found[group.topic] || (group.titleOnly && !inTitle) || !startsWithKey(text, at, group.key)) continue;
    group.pattern.lastIndex = at;
    found[group.topic] = group.pattern.test(text);
  }
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
  const index = Array.from({ length: FILE_LENGTH }, () => new Map<number, TermGroup[]>());
  definitions.forEach((definition, topic) => {
    const lists: ReadonlyArray<readonly [readonly string[] | undefined, string, boolean]> = [
      [definition.terms, 'iy', false],
      [definition.cased, 'y', false],
      [definition.titleTerms, 'iy', true],
    ];
    for (const [terms, flags, titleOnly] of lists) {
      for (const [key, sameKey] of groupByKey(terms ?? [], definition.slug)) {
        const pattern = new RegExp(`(?:${sameKey.join('|')})(?![A-Za-z0-9_])`, flags);
        const filed = key.slice(0, FILE_LENGTH);
        const folded = Array.from(filed).reduce((sum, char) => sum * ASCII + char.charCodeAt(0), 0);
        const files = index[filed.length - 1];
        files.set(folded, [...(files.get(folded) ?? []), { key, topic, pattern, titleOnly }]);
      }
    }
  });
  return index;
}

function groupByKey(terms: readonly string[], slug: string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const term of terms) {
    const key = literalPrefix(term);
    if (key === '') throw new Error(`taxonomy term /${term}/ of "${slug}" must start with a letter or digit`);
    groups.set(key, [...(groups.get(key) ?? []), term]);
  }
  return groups;
}

/** The letters and digits every match of the term starts with: `gpus?` → "gpu", `neural net` → "neural". */
function literalPrefix(term: string): string {
  let prefix = '';
  for (let i = 0; i < term.length; i++) {
    const char = term[i].toLowerCase();
    if (!isWordCode(char.charCodeAt(0)) || /[?*{]/.test(term[i + 1] ?? '')) break;
    prefix += char;
  }
  return prefix;
}

function indexDomains(definitions: readonly TopicDefinition[]): Map<string, number[]> {
  const index = new Map<string, number[]>();
  definitions.forEach((definition, topic) => {
    for (const domain of definition.domains ?? []) index.set(domain, [...(index.get(domain) ?? []), topic]);
  });
  return index;
}

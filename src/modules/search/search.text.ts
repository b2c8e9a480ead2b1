/**
 * The words of a search query (websearch syntax: "quoted phrases", -excluded
 * words, `or`) that the typo fallback may correct, and the query with
 * corrections put in their place; everything else is kept as typed.
 */

/** A word of the query, where it stands in the text. */
export interface QueryWord {
  word: string;
  start: number;
  end: number;
}

/** Shorter words match too many others to correct safely. */
const MIN_CORRECTABLE = 4;

const TOKEN = /(-?)"([^"]*)"?|(\S+)/g;
const WORD = /[\p{L}\p{N}]+/gu;

function wordsIn(text: string, offset: number): QueryWord[] {
  return [...text.matchAll(WORD)].map((match) => ({
    word: match[0].toLowerCase(),
    start: offset + match.index,
    end: offset + match.index + match[0].length,
  }));
}

/** The words the query looks for: in phrases or alone, not excluded (`-word`), not the `or` operator. */
export function wantedWords(query: string): QueryWord[] {
  const words: QueryWord[] = [];
  for (const token of query.matchAll(TOKEN)) {
    const [whole, negated, phrase, plain] = token;
    if (phrase !== undefined) {
      if (!negated) words.push(...wordsIn(phrase, token.index + whole.indexOf('"') + 1));
    } else if (!plain.startsWith('-') && plain.toLowerCase() !== 'or') {
      words.push(...wordsIn(plain, token.index));
    }
  }
  return words;
}

/** The wanted words a typo correction may replace: not numbers, 4+ characters. */
export function correctableWords(query: string): QueryWord[] {
  return wantedWords(query).filter(({ word }) => word.length >= MIN_CORRECTABLE && !/^\p{N}+$/u.test(word));
}

/** The wanted words as a websearch query matching any of them: what highlights mark, word by word. */
export function anyWordQuery(query: string): string {
  return [...new Set(wantedWords(query).map(({ word }) => word))].filter((word) => word !== 'or').join(' or ');
}

/** The query with each word that has a correction replaced by it; null when nothing changed. */
export function withCorrections(query: string, words: readonly QueryWord[], corrections: ReadonlyMap<string, string>): string | null {
  let text = '';
  let at = 0;
  for (const { word, start, end } of words) {
    const correction = corrections.get(word);
    if (correction === undefined || correction === word) continue;
    text += query.slice(at, start) + correction;
    at = end;
  }
  return at === 0 ? null : text + query.slice(at);
}

/**
 * Repairs mojibake: UTF-8 text that was decoded as Mac Roman, Windows-1252 or
 * Latin-1 ("Google‚Äôs" for "Google’s"), once or several times over, through the
 * same charset or different ones. For each charset, every run of non-ASCII
 * characters is turned back into the bytes it came from and each well-formed
 * UTF-8 sequence in them is decoded, where the result is a plausible character;
 * the charset that removes the most unambiguous markers wins, and text in which
 * no charset finds any is returned untouched. Each pass undoes one mangling.
 */
import { MOJIBAKE_CHARSETS, SingleByteCharset } from './text-repair.charsets';

/** A run of characters that could be the bytes of a mangled UTF-8 sequence. */
const NON_ASCII_RUN = /[\u0080-\uffff]{2,}/g;

/** Text mangled twice (or three times) is undone by repeating the repair, a pass per mangling. */
const MAX_PASSES = 3;

/**
 * Characters no real text holds, but which a first mangling leaves behind for the next to
 * mangle again: C1 controls (Latin-1's 0x80-0x9F, Windows-1252's unassigned bytes) and the
 * private-use Apple logo (Mac Roman's 0xF0, the lead byte of every emoji).
 */
const IN_TRANSIT = /[\u0080-\u009f\uf8ff]/;
const IN_TRANSIT_ALL = /[\u0080-\u009f\uf8ff]/g;

type ByteTable = ReadonlyMap<string, number>;

interface Candidate {
  text: string;
  /** How many sequences decoded to an unambiguous character: the mojibake markers removed. */
  evidence: number;
}

/** A run after repair, with its count of clear and of ambiguous sequences. */
interface RunRepair {
  text: string;
  evidence: number;
  ambiguous: number;
}

/** One decoded UTF-8 sequence: its code point, and how many bytes it spanned. */
interface Sequence {
  codePoint: number;
  length: number;
}

/**
 * How believable a decoded character is as the original text; `transit` is a character
 * only a further repair pass can explain (see IN_TRANSIT).
 */
type Verdict = 'clear' | 'ambiguous' | 'transit' | 'reject';

const BYTE_TABLES: readonly ByteTable[] = MOJIBAKE_CHARSETS.map(byteTable);

/** Characters some charset maps to a UTF-8 lead byte, and to a continuation byte (all in the BMP). */
const LEAD_CHARS = charCodesMapping(0xc2, 0xf4);
const CONTINUATION_CHARS = charCodesMapping(0x80, 0xbf);

/**
 * The text with its mojibake undone; clean text (accents, dashes, emoji) comes back as it was.
 * Characters in transit are decoded only if later passes decode them away; if any is left
 * over, the repair is redone without them.
 */
export function repairMojibake(text: string): string {
  if (!mayHoldMojibake(text)) return text;
  const repaired = repairPasses(text, true);
  if (repaired === text || !IN_TRANSIT.test(repaired) || countInTransit(repaired) <= countInTransit(text)) return repaired;
  return repairPasses(text, false);
}

function repairPasses(text: string, allowTransit: boolean): string {
  let current = text;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const repaired = repairOnce(current, allowTransit);
    if (repaired === current) return current;
    current = repaired;
  }
  return current;
}

function countInTransit(text: string): number {
  return text.match(IN_TRANSIT_ALL)?.length ?? 0;
}

/** Repairs with the charset that removes the most markers, or returns the text unchanged. */
function repairOnce(text: string, allowTransit: boolean): string {
  if (!mayHoldMojibake(text)) return text;
  let best: Candidate = { text, evidence: 0 };
  for (const table of BYTE_TABLES) {
    const candidate = repairWith(text, table, allowTransit);
    if (candidate.evidence > best.evidence) best = candidate;
  }
  return best.text;
}

/**
 * Ambiguous sequences (a lone Cyrillic letter can be a real "’é") are decoded only
 * when the same charset has more unambiguous evidence elsewhere in the text.
 */
function repairWith(text: string, table: ByteTable, allowTransit: boolean): Candidate {
  let evidence = 0;
  let ambiguous = 0;
  const repaired = text.replace(NON_ASCII_RUN, (run) => {
    const result = repairRun(run, table, allowTransit);
    evidence += result.evidence;
    ambiguous += result.ambiguous;
    return result.text;
  });
  if (evidence === 0) return { text, evidence: 0 };
  if (ambiguous === 0 || ambiguous >= evidence) return { text: repaired, evidence };
  return { text: text.replace(NON_ASCII_RUN, (run) => repairRun(run, table, allowTransit, true).text), evidence };
}

/** Decodes the sequences of one run that the verdicts allow, keeping every other character. */
function repairRun(run: string, table: ByteTable, allowTransit: boolean, acceptAmbiguous = false): RunRepair {
  const chars = Array.from(run);
  const bytes = chars.map((char) => table.get(char) ?? -1);
  const out: RunRepair = { text: '', evidence: 0, ambiguous: 0 };
  let previousDecoded = false;
  for (let i = 0; i < chars.length; ) {
    const sequence = decodeSequence(bytes, i);
    const inWord: boolean = sequence !== null && (previousDecoded || decodeSequence(bytes, i + sequence.length) !== null);
    const verdict: Verdict = sequence ? judge(sequence, inWord) : 'reject';
    if (verdict === 'clear' || (verdict === 'transit' && allowTransit)) out.evidence++;
    if (verdict === 'ambiguous') out.ambiguous++;
    previousDecoded = verdict === 'clear' || (verdict === 'ambiguous' && acceptAmbiguous) || (verdict === 'transit' && allowTransit);
    if (sequence && previousDecoded) {
      out.text += String.fromCodePoint(sequence.codePoint);
      i += sequence.length;
    } else {
      out.text += chars[i];
      i++;
    }
  }
  return out;
}

/** Decodes the well-formed UTF-8 multi-byte sequence starting at `start`, if any. */
function decodeSequence(bytes: readonly number[], start: number): Sequence | null {
  const lead = bytes[start];
  const length = sequenceLength(lead);
  if (length === 0 || start + length > bytes.length) return null;
  let codePoint = lead & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    const byte = bytes[start + k];
    if (byte < 0x80 || byte > 0xbf) return null;
    codePoint = (codePoint << 6) | (byte & 0x3f);
  }
  const minimum = length === 2 ? 0x80 : length === 3 ? 0x800 : 0x10000;
  if (codePoint < minimum || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return null;
  return { codePoint, length };
}

/** Bytes in a sequence announced by its lead byte; 0 when the byte cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

const UNLIKELY_CHARACTER = /[\p{Cc}\p{Co}\p{Cn}\p{Cs}]/u;
const COMBINING_MARK = /\p{M}/u;

/**
 * Western and Central European letters and symbols, punctuation, emoji and CJK are
 * clear evidence; other two-byte characters (Greek, Cyrillic, rarer Latin) are
 * ambiguous unless they sit in a word of decoded characters, as characters in transit
 * must (see IN_TRANSIT); other controls, private-use,
 * unassigned characters and lone combining marks are rejected.
 */
function judge(sequence: Sequence, inWord: boolean): Verdict {
  const char = String.fromCodePoint(sequence.codePoint);
  if (IN_TRANSIT.test(char)) return inWord ? 'transit' : 'reject';
  if (UNLIKELY_CHARACTER.test(char)) return 'reject';
  if (sequence.length > 2 || sequence.codePoint <= 0x17f) return 'clear';
  if (COMBINING_MARK.test(char)) return 'reject';
  return inWord ? 'clear' : 'ambiguous';
}

function byteTable(charset: SingleByteCharset): ByteTable {
  return new Map(Array.from(charset.high, (char, index) => [char, 0x80 + index]));
}

/**
 * Whether a lead character is followed by a continuation character somewhere: every mangled
 * sequence holds such a pair, so text without one (most clean text) is passed over at once.
 */
function mayHoldMojibake(text: string): boolean {
  for (let i = 0; i < text.length - 1; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && LEAD_CHARS.has(code) && CONTINUATION_CHARS.has(text.charCodeAt(i + 1))) return true;
  }
  return false;
}

/** The code points any charset maps to bytes first..last. */
function charCodesMapping(first: number, last: number): ReadonlySet<number> {
  return new Set(MOJIBAKE_CHARSETS.flatMap((charset) => Array.from(charset.high, (char) => char.charCodeAt(0)).slice(first - 0x80, last - 0x80 + 1)));
}

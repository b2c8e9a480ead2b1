/**
 * The single-byte charsets that UTF-8 text is most often mis-decoded as, each
 * given as the characters of bytes 0x80..0xFF in order (bytes below 0x80 are ASCII).
 */

export interface SingleByteCharset {
  name: 'mac-roman' | 'windows-1252' | 'latin-1';
  /** 128 characters: index i is the character of byte 0x80 + i. */
  high: string;
}

/** Characters of `first..last`, one per code point, in order. */
function codePointRange(first: number, last: number): string {
  let text = '';
  for (let code = first; code <= last; code++) text += String.fromCharCode(code);
  return text;
}

/** Apple's Mac OS Roman, with the euro sign at 0xDB (Mac OS 8.5 and later). */
export const MAC_ROMAN: SingleByteCharset = {
  name: 'mac-roman',
  high:
    'ÄÅÇÉÑÖÜáàâäãåçéèêëíìîïñóòôöõúùûü' + // 0x80-0x9F
    '†°¢£§•¶ß®©™´¨≠ÆØ∞±≤≥¥µ∂∑∏π∫ªºΩæø' + // 0xA0-0xBF
    '¿¡¬√ƒ≈∆«»…\u00a0ÀÃÕŒœ–—“”‘’÷◊ÿŸ⁄€‹›ﬁﬂ' + // 0xC0-0xDF
    '‡·‚„‰ÂÊÁËÈÍÎÏÌÓÔ\uf8ffÒÚÛÙıˆ˜¯˘˙˚¸˝˛ˇ', // 0xE0-0xFF
};

/**
 * Windows-1252; its five unassigned bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) map to
 * the C1 controls of the same value, as browsers decode them.
 */
export const WINDOWS_1252: SingleByteCharset = {
  name: 'windows-1252',
  high:
    '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f' + // 0x80-0x8F
    '\u0090‘’“”•–—˜™š›œ\u009džŸ' + // 0x90-0x9F
    codePointRange(0xa0, 0xff),
};

/** ISO-8859-1: every byte is the code point of the same value. */
export const LATIN_1: SingleByteCharset = {
  name: 'latin-1',
  high: codePointRange(0x80, 0xff),
};

/** In order of preference when two charsets explain a text equally well. */
export const MOJIBAKE_CHARSETS: readonly SingleByteCharset[] = [MAC_ROMAN, WINDOWS_1252, LATIN_1];

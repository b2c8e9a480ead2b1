import { repairMojibake } from '../../src/import/text-repair';
import { LATIN_1, MAC_ROMAN, SingleByteCharset, WINDOWS_1252 } from '../../src/import/text-repair.charsets';
import fs from 'node:fs';
import { describeWithShared, SEED_FILE } from '../support/shared-corpus';

/** What a program does when it reads UTF-8 bytes as if they were in `charset`. */
function mangle(text: string, charset: SingleByteCharset): string {
  const high = Array.from(charset.high);
  return Array.from(Buffer.from(text, 'utf8'), (byte) => (byte < 0x80 ? String.fromCharCode(byte) : high[byte - 0x80])).join('');
}

const CLEAN = 'The café’s naïve robot said “hello” — then 🚀 shipped 10× faster\u00a0at 20 °C. Привет, μs and α-decay 🤏🏻';

describe('charset tables', () => {
  test.each([MAC_ROMAN, WINDOWS_1252, LATIN_1])('$name has 128 distinct characters', (charset) => {
    const chars = Array.from(charset.high);
    expect(chars).toHaveLength(128);
    expect(new Set(chars).size).toBe(128);
  });

  test('Mac Roman agrees with the platform decoder where it has one', () => {
    const bytes = Uint8Array.from({ length: 128 }, (_, index) => 0x80 + index);
    let platform: string;
    try {
      platform = new TextDecoder('macintosh').decode(bytes);
    } catch {
      console.warn('skipping the Mac Roman cross-check: this Node has no "macintosh" decoder');
      return;
    }
    expect(MAC_ROMAN.high).toBe(platform);
  });

  test('Windows-1252 places the typographic characters where Windows does', () => {
    const at = (byte: number): string => Array.from(WINDOWS_1252.high)[byte - 0x80];
    expect([at(0x80), at(0x85), at(0x92), at(0x93), at(0x96), at(0x99), at(0x9f)]).toEqual(['€', '…', '’', '“', '–', '™', 'Ÿ']);
  });
});

describe('repairMojibake', () => {
  test.each([MAC_ROMAN, WINDOWS_1252, LATIN_1])('repairs UTF-8 read as $name', (charset) => {
    const mangled = mangle(CLEAN, charset);
    expect(mangled).not.toBe(CLEAN);
    expect(repairMojibake(mangled)).toBe(CLEAN);
  });

  test.each([
    ['Google‚Äôs model', 'Google’s model'],
    ['launch \uf8ffüöÄ', 'launch 🚀'],
    ['Inpainting¬† done', 'Inpainting\u00a0 done'],
    ['Googleâ€™s model', 'Google’s model'],
    ['cafÃ©', 'café'],
  ])('repairs a short mangled string: %s', (mangled, clean) => {
    expect(repairMojibake(mangled)).toBe(clean);
  });

  test.each([
    CLEAN,
    'plain ASCII text',
    'Ünïcödé façade — “quoted” and ‘single’ … ok',
    'French: l’été, l’école —école, «Élysée», …ça',
    'German: „Über“ and “Über” in quotes',
    'Emoji only 👨‍💻 ⚡️ 🇵🇹 and CJK 漢字',
    '',
  ])('leaves clean text untouched: %s', (clean) => {
    expect(repairMojibake(clean)).toBe(clean);
  });

  test('repairs text that was mangled twice', () => {
    expect(repairMojibake(mangle(mangle('it’s 🚀', WINDOWS_1252), WINDOWS_1252))).toBe('it’s 🚀');
  });

  const CHARSETS = [MAC_ROMAN, WINDOWS_1252, LATIN_1];
  const TWICE = CHARSETS.flatMap((first) => CHARSETS.map((second) => [first.name, second.name, first, second] as const));

  describe.each(TWICE)('text mangled as %s, then as %s', (_first, _second, first, second) => {
    test.each([
      CLEAN,
      'Google’s model 🚀, video inpainting 🎨, small models 🤏🏻',
      'the “quoted” word — and 👨‍💻 ⚡️ 🇵🇹',
      'Привет, μs and α-decay',
    ])('is repaired: %s', (clean) => {
      expect(repairMojibake(mangle(mangle(clean, first), second))).toBe(clean);
    });
  });

  test('repairs text mangled three times', () => {
    const clean = 'it’s “done” 🚀';
    expect(repairMojibake(mangle(mangle(mangle(clean, MAC_ROMAN), WINDOWS_1252), MAC_ROMAN))).toBe(clean);
  });

  test('repairs a twice-mangled paragraph inside clean text', () => {
    const text = `Clean — “quotes” 🚀.\n\n${mangle(mangle('Twice “mangled” 🤏🏻 text.', MAC_ROMAN), MAC_ROMAN)}`;
    expect(repairMojibake(text)).toBe('Clean — “quotes” 🚀.\n\nTwice “mangled” 🤏🏻 text.');
  });

  test.each([
    'an Apple logo \uf8ff beside “quotes”',
    'a control\u0085 after a word and ¬Ö beside it',
    'Ô£ø stays if nothing else explains it',
  ])('leaves characters only a further mangling could explain as they are: %s', (clean) => {
    expect(repairMojibake(clean)).toBe(clean);
  });

  test('repairs a mangled paragraph inside otherwise clean text', () => {
    const text = `Clean intro — with “quotes”.\n\n${mangle('Then “mangled” text 🚀 follows.', MAC_ROMAN)}`;
    expect(repairMojibake(text)).toBe('Clean intro — with “quotes”.\n\nThen “mangled” text 🚀 follows.');
  });
});

describeWithShared(SEED_FILE, 'repairMojibake on the seed issue', () => {
  test('leaves no mangled sequences', () => {
    const repaired = repairMojibake(fs.readFileSync(SEED_FILE, 'utf8'));
    expect(repaired).toContain('Google’s Gemma 3 model 🚀');
    expect(repaired).toContain('Inpainting\u00a0 🎨');
    expect(repaired).not.toMatch(/‚Ä|√|Ã|â€|ü|ö|Ô∏|\uf8ff/);
  });
});

/** Small text clean-ups shared by every issue format: entities, escapes and spaces. */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi;

/** Decodes numeric entities and the few named ones that appear in newsletter markup. */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (entity, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
    const codePoint = decimal !== undefined ? Number(decimal) : parseInt(hex ?? '', 16);
    return codePoint > 0 && codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : entity;
  });
}

/** Removes markdown's backslash escapes (`pg\_infer` → `pg_infer`). */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/** A space other than U+0020 (for collapseSpaces) or other than U+0020 and a line break (per line). */
const OTHER_SPACE = /[^\S ]/;
const OTHER_SPACE_IN_LINES = /[^\S \n]/;

/** Non-breaking spaces become spaces, runs of spaces collapse, ends are trimmed. */
export function collapseSpaces(text: string): string {
  const untidy = text.includes('  ') || text.startsWith(' ') || text.endsWith(' ') || OTHER_SPACE.test(text);
  return untidy ? text.replace(/\s+/g, ' ').trim() : text;
}

/** Like collapseSpaces inside each line, keeping line breaks and list indentation. */
export function collapseSpacesPerLine(text: string): string {
  if (!text.includes('  ') && !text.includes(' \n') && !text.endsWith(' ') && !OTHER_SPACE_IN_LINES.test(text)) return text;
  return text
    .split('\n')
    .map((line) => {
      const body = line.trimStart();
      const indent = ' '.repeat(line.length - body.length);
      return indent + body.replace(/\s+/g, ' ').trimEnd();
    })
    .join('\n');
}

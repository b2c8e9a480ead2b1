/**
 * Reads the body of a markdown issue (between the headline and the page footer)
 * into top items and named sections of items.
 */
import type { RawSection } from '../issue.builder';
import type { RawItem } from '../item.builder';

/** `[### Title (label)](url)`; URLs may hold parentheses, so the link runs to the line's last `)`. */
const ITEM_LINE = /^\[###\s*(.*)\]\((.*)\)\s*$/;
/**
 * The heading of an item line whose link was printed twice, `[### T (Sponsor)](u](u)`: the
 * greedy ITEM_LINE reads `T (Sponsor)](u` as its heading; the heading really ends at `)](`.
 */
const DOUBLED_LINK = /^(.*?\))\]\((\S+)$/;
/** `### Section`; a bare `###` opens the unnamed block that holds the top sponsor. */
const SECTION_LINE = /^###(?:\s+(.*))?$/;
/** A line of emoji only (with joiners, variation selectors and skin tones), printed above a section. */
const EMOJI_LINE = /^(?=.*\p{Extended_Pictographic})(?:\p{Extended_Pictographic}|\p{Emoji_Component}|\u200d|\ufe0f|\s)+$/u;

type Block =
  | { type: 'item'; heading: string; url: string }
  | { type: 'section'; title: string }
  | { type: 'paragraph'; text: string };

export interface RawBody {
  topItems: RawItem[];
  sections: RawSection[];
}

export function readBody(lines: readonly string[]): RawBody {
  const body: RawBody = { topItems: [], sections: [] };
  let items = body.topItems;
  let current: RawItem | null = null;
  let loose: string[] = [];
  for (const block of toBlocks(lines)) {
    if (block.type === 'item') {
      current = { heading: block.heading, url: block.url, paragraphs: [] };
      items.push(current);
    } else if (block.type === 'paragraph') {
      (current ? current.paragraphs : loose).push(block.text);
    } else {
      const emoji = popEmoji(current ? current.paragraphs : loose);
      current = null;
      loose = [];
      if (block.title === '') continue;
      const section: RawSection = { title: block.title, emoji, items: [] };
      body.sections.push(section);
      items = section.items;
    }
  }
  return body;
}

/** Groups lines into item headings, section headings and paragraphs (runs of non-blank lines). */
function toBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = (): void => {
    if (paragraph.length > 0) blocks.push({ type: 'paragraph', text: paragraph.join('\n') });
    paragraph = [];
  };
  for (const line of lines) {
    const item = ITEM_LINE.exec(line);
    const section = item ? null : SECTION_LINE.exec(line);
    if (item || section || line.trim() === '') endParagraph();
    if (item) blocks.push({ type: 'item', ...itemParts(item[1], item[2]) });
    else if (section) blocks.push({ type: 'section', title: (section[1] ?? '').trim() });
    else if (line.trim() !== '') paragraph.push(line.trimEnd());
  }
  endParagraph();
  return blocks;
}

/** Heading and URL of an item line; of a link printed twice, the first, which follows the heading. */
function itemParts(heading: string, url: string): { heading: string; url: string } {
  const doubled = DOUBLED_LINK.exec(heading);
  return doubled ? { heading: doubled[1], url: doubled[2] } : { heading, url };
}

/** Removes and returns a trailing emoji-only paragraph: the decoration above the next section. */
function popEmoji(paragraphs: string[]): string | null {
  const last = paragraphs.at(-1);
  if (last === undefined || !EMOJI_LINE.test(last)) return null;
  paragraphs.pop();
  return last.trim();
}

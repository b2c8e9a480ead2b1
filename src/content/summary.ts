/**
 * A summary's markdown rendered for front ends: sanitised HTML or plain text,
 * inline links stripped of tracking parameters in both.
 */
import MarkdownIt from 'markdown-it';
import type sanitizeHtmlType from 'sanitize-html';
import { withoutTracking } from './url';

/** Loaded when HTML is first asked for: it pulls in an HTML parser and a CSS one, a good part of a cold start. */
let sanitizer: typeof sanitizeHtmlType | null = null;
function sanitizeHtml(html: string, options: sanitizeHtmlType.IOptions): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use (see above)
  sanitizer ??= require('sanitize-html') as typeof sanitizeHtmlType;
  return sanitizer(html, options);
}

export type SummaryFormat = 'MARKDOWN' | 'HTML' | 'TEXT';

// Raw HTML in a summary is shown as text, never as markup; bare URLs are not turned into links.
const markdown = new MarkdownIt('commonmark', { html: false, linkify: false });

/** What HTML may carry once rendered: text formatting, lists and links to web or mail addresses. */
const SANITIZE: sanitizeHtmlType.IOptions = {
  allowedTags: ['p', 'br', 'a', 'em', 'strong', 'code', 'pre', 'ul', 'ol', 'li', 'blockquote', 'del', 's', 'h3', 'h4', 'hr'],
  allowedAttributes: { a: ['href', 'rel'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...(attribs.href ? { href: withoutTracking(attribs.href) } : {}), rel: 'nofollow noopener noreferrer' },
    }),
  },
};

/** The summary in the format asked for; MARKDOWN is the stored text itself. */
export function formatSummary(source: string, format: SummaryFormat): string {
  if (format === 'HTML') return summaryHtml(source);
  if (format === 'TEXT') return summaryText(source);
  return source;
}

/** Sanitised HTML safe to insert into a page as is. */
export function summaryHtml(source: string): string {
  if (!source) return '';
  return sanitizeHtml(markdown.render(source), SANITIZE).trim();
}

/**
 * Plain text: what a reader sees, escapes resolved, link targets and markup
 * gone; paragraphs and list items on lines of their own.
 */
export function summaryText(source: string): string {
  if (PLAIN_LINE.test(source)) return source.replace(/[ \t]+/g, ' ').trim();
  const blocks: string[] = [];
  for (const token of markdown.parse(source, {})) {
    if (token.type === 'inline') blocks.push(inlineText(token.children ?? []));
    else if (token.type === 'code_block' || token.type === 'fence') blocks.push(token.content.trimEnd());
  }
  return blocks
    .map((block) => block.replace(/[ \t]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** One line with nothing markdown would read as markup: its text is itself (most summaries; no parse needed). */
const PLAIN_LINE = /^(?![ \t]*(?:[-+*=>]|\d+[.)]))[^\\[\]*_`&<>~!#|\n]*$/;

function inlineText(tokens: MarkdownIt.Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') text += ' ';
    else if (token.type === 'image') text += inlineText(token.children ?? []);
  }
  return text;
}

/**
 * Highlights come from Postgres (ts_headline) with two control characters as
 * private markers; here the text between them is HTML-escaped and the markers
 * become the caller's `start` and `stop`, so only those are markup.
 */

/** The markers ts_headline puts around matches; stripped from the text first, so only it can produce them. */
export const MARK_START = '\u0001';
export const MARK_STOP = '\u0002';

/**
 * ts_headline drops what its parser takes for XML tags and entities ("<b>",
 * "&amp;"), so `<` and `&` go in as stand-ins and come back in `highlightHtml`.
 */
const LESS_THAN = '\u0003';
const AMPERSAND = '\u0004';

/** SQL for `text` (a text expression) ready for ts_headline: markers and stand-ins removed, `<` and `&` replaced by their stand-ins. */
export function forHeadline(text: string): string {
  return `translate(translate(${text}, E'\\x01\\x02\\x03\\x04', ''), '<&', E'\\x03\\x04')`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

export interface Markers {
  start: string;
  stop: string;
}

export const DEFAULT_MARKERS: Markers = Object.freeze({ start: '<mark>', stop: '</mark>' });

/** A ts_headline result as HTML: escaped text, the caller's markers around each match. */
export function highlightHtml(marked: string, { start, stop }: Markers): string {
  const text = marked.replaceAll(LESS_THAN, '<').replaceAll(AMPERSAND, '&');
  return escapeHtml(text).replaceAll(MARK_START, start).replaceAll(MARK_STOP, stop);
}

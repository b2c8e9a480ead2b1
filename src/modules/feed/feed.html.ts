import { summaryHtml } from '../../content/summary';
import type { Link } from '../link/link.entity';
import type { Section } from '../section/section.entity';

/**
 * The HTML of feed items: every text escaped here, every summary rendered and
 * sanitised by content/summary.ts, links only to http(s) addresses. Safe to
 * insert into a page as is, as the summaries are.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]);
}

/** The URL as an href, when it is an http(s) address; null for anything else (javascript:, data:, junk). */
export function safeHref(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

function anchor(url: string, text: string): string {
  const href = safeHref(url);
  const label = escapeHtml(text);
  return href ? `<a href="${escapeHtml(href)}" rel="nofollow noopener noreferrer">${label}</a>` : label;
}

/** One link as a list item of an issue: its title to its URL, its read-time label, its summary. */
function linkItem(link: Link, url: string): string {
  const label = link.readTimeLabel ? ` (${escapeHtml(link.readTimeLabel)})` : '';
  return `<li><p>${anchor(url, link.title)}${label}</p>${summaryHtml(link.summary)}</li>`;
}

/** An issue's sections (a heading each, when titled) and their links, as one item's content. */
export function issueHtml(sections: ReadonlyArray<{ section: Section; links: Link[] }>, urlOf: (link: Link) => string): string {
  return sections
    .filter(({ links }) => links.length > 0)
    .map(({ section, links }) => {
      const heading = section.title ? `<h3>${escapeHtml([section.emoji, section.title].filter(Boolean).join(' '))}</h3>` : '';
      return `${heading}<ul>${links.map((link) => linkItem(link, urlOf(link))).join('')}</ul>`;
    })
    .join('');
}

/** A link's content: its summary, then where it appeared (newsletter, date, section). */
export function linkHtml(link: Link, from: { newsletter: string; date: string; section: string | null }): string {
  const where = [link.readTimeLabel, `${from.newsletter}, ${from.date}`, from.section].filter(Boolean).join(' · ');
  return `${summaryHtml(link.summary)}<p>${escapeHtml(where)}</p>`;
}

import type { Feed as FeedClass, Item } from 'feed' with { 'resolution-mode': 'import' };
import { escapeHtml } from './feed.html';
import type { FeedDocument, FeedEntry } from './feed.service';
import type { FeedFormat } from './feed.params';

/**
 * Writes a feed as RSS 2.0, Atom 1.0 or JSON Feed 1.1 with the `feed` package
 * (6.0.0), which builds its XML with xml-js. What that leaves to us, done here:
 * - characters XML 1.0 forbids are dropped (`xmlText`);
 * - xml-js turns `&amp;` in a text node back into `&` before escaping, so text
 *   nodes get every `&` escaped once more here, and read back as written;
 * - it ends a CDATA section at the second `]]>` of a value, so HTML going into
 *   CDATA has `]]>` written `]]&gt;` (the same HTML);
 * - it escapes only `"` in attributes, so Atom category names lose any `<`;
 * - item titles are HTML in RSS and Atom (Atom says so: type="html"), so they are
 *   escaped; JSON Feed's are plain text;
 * - its JSON Feed says version 1: every field it writes means the same in 1.1,
 *   so the version is raised and `language` added.
 */

export const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

const JSON_FEED_1_1 = 'https://jsonfeed.org/version/1.1';

/** Control characters, lone surrogates and U+FFFE/U+FFFF: not allowed anywhere in an XML 1.0 document. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what must go
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

type FeedModule = typeof import('feed', { with: { 'resolution-mode': 'import' } });

let library: Promise<FeedModule> | null = null;

/** The package is ESM-only; loaded once, on the first feed. */
function feedLibrary(): Promise<FeedModule> {
  library ??= import('feed');
  return library;
}

/** One entry as the library's item, its texts made safe for the format. */
function itemOf(entry: FeedEntry, format: FeedFormat, text: (value: string) => string): Item {
  const json = format === 'json';
  const category = (name: string) => (format === 'atom' ? xmlText(name).replace(/</g, '') : text(name));
  return {
    id: entry.id,
    guid: entry.id,
    title: json ? entry.title : escapeHtml(xmlText(entry.title)),
    link: entry.url,
    date: entry.updated,
    published: entry.published,
    content: json ? entry.html : xmlText(entry.html).replace(/]]>/g, ']]&gt;'),
    category: entry.categories.map((name) => ({ name: category(name), term: category(name) })),
  };
}

/** Renders one document; `selfUrl` (token left out) is its own address, when it may be shown. */
export async function renderFeed(document: FeedDocument, format: FeedFormat, links: { home: string; self: string | null }): Promise<string> {
  const { Feed } = await feedLibrary();
  const text = format === 'json' ? (value: string) => value : (value: string) => xmlText(value).replace(/&/g, '&amp;');
  const feed: FeedClass = new Feed({
    id: document.id,
    title: text(document.title),
    description: text(document.description),
    link: links.home,
    updated: document.updated,
    generator: 'newsletter-api',
    language: 'en',
    ...(links.self ? { feedLinks: { [format]: links.self } } : {}),
  });
  for (const entry of document.entries) feed.addItem(itemOf(entry, format, text));
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  const json = JSON.parse(feed.json1()) as Record<string, unknown>;
  return JSON.stringify({ ...json, version: JSON_FEED_1_1, language: 'en' });
}

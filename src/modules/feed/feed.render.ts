import type { Feed as FeedClass, Item } from 'feed' with { 'resolution-mode': 'import' };
import { escapeHtml } from './feed.html';
import type { FeedDocument } from './feed.service';
import type { FeedFormat } from './feed.params';

/**
 * Writes a feed as RSS 2.0, Atom 1.0 or JSON Feed 1.1 with the `feed` package
 * (6.0.0), which builds the XML with xml-js: text is escaped, HTML goes in CDATA
 * sections (a `]]>` inside is split), URLs are parsed and their `&` escaped. What
 * it leaves to us, done here: characters XML 1.0 forbids are dropped, titles
 * are escaped where the format reads them as HTML, and its JSON Feed (written as
 * version 1) is marked 1.1, which reads every field it writes the same way.
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

/** Renders one document; `selfUrl` (token left out) is its own address, when it may be shown. */
export async function renderFeed(document: FeedDocument, format: FeedFormat, links: { home: string; self: string | null }): Promise<string> {
  const { Feed } = await feedLibrary();
  const xml = format !== 'json';
  const text = (value: string) => (xml ? xmlText(value) : value);
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
  for (const entry of document.entries) {
    const item: Item = {
      id: entry.id,
      guid: entry.id,
      // RSS and Atom items carry their title as HTML (Atom says so: type="html"); JSON Feed's title is plain text.
      title: xml ? escapeHtml(xmlText(entry.title)) : entry.title,
      link: entry.url,
      date: entry.updated,
      published: entry.published,
      content: text(entry.html),
      category: entry.categories.map((name) => ({ name: text(name), term: text(name) })),
    };
    feed.addItem(item);
  }
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return feed.atom1();
  const json = JSON.parse(feed.json1()) as Record<string, unknown>;
  return JSON.stringify({ ...json, version: JSON_FEED_1_1, language: 'en' });
}

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { World } from './scope-world';

/**
 * Reads feeds the way a reader would, with parsers independent of the library
 * that writes them (fast-xml-parser for RSS and Atom, JSON.parse for JSON Feed),
 * and checks each against the elements its specification requires.
 */

export type Format = 'rss' | 'atom' | 'json';
export const FORMATS: Format[] = ['rss', 'atom', 'json'];

export interface ParsedItem {
  id: string;
  /** As a reader shows it: HTML entities of RSS and Atom titles decoded. */
  title: string;
  url: string;
  html: string;
  updated: string;
  categories: string[];
}

export interface ParsedFeed {
  title: string;
  /** Its own URL (Atom rel=self, RSS atom:link, JSON feed_url), when it gives one. */
  self: string | null;
  updated: string | null;
  items: ParsedItem[];
}

export interface FeedAnswer {
  status: number;
  headers: Headers;
  body: string;
}

const ARRAYS = new Set(['rss.channel.item', 'rss.channel.item.category', 'rss.channel.atom:link', 'feed.entry', 'feed.entry.link', 'feed.entry.category', 'feed.link']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, jpath) => ARRAYS.has(String(jpath)),
});

const ENTITIES: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&amp;': '&' };

/** Decodes the entities feed.html.ts's escapeHtml writes. */
export function decodeHtml(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|amp);/g, (entity) => ENTITIES[entity]);
}

function textOf(node: any): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  return String(node['#text'] ?? '');
}

function required(condition: unknown, what: string): void {
  if (!condition) throw new Error(`feed breaks its specification: ${what}`);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

function parseRss(body: string): ParsedFeed {
  const rss = parser.parse(body).rss;
  required(rss?.['@_version'] === '2.0', 'rss version="2.0"');
  const channel = rss.channel;
  required(textOf(channel?.title), 'channel title');
  required(textOf(channel?.link), 'channel link');
  required(channel?.description !== undefined, 'channel description');
  const items = (channel.item ?? []).map((item: any): ParsedItem => {
    required(textOf(item.title) || textOf(item.description), 'item title or description');
    required(textOf(item.guid), 'item guid');
    required(!Number.isNaN(Date.parse(textOf(item.pubDate))), 'item pubDate as an RFC 822 date');
    return {
      id: textOf(item.guid),
      title: decodeHtml(textOf(item.title)),
      url: textOf(item.link),
      html: textOf(item['content:encoded']) || textOf(item.description),
      updated: new Date(textOf(item.pubDate)).toISOString(),
      categories: (item.category ?? []).map(textOf),
    };
  });
  const self = (channel['atom:link'] ?? []).find((link: any) => link['@_rel'] === 'self');
  return { title: textOf(channel.title), self: self?.['@_href'] ?? null, updated: textOf(channel.lastBuildDate) || null, items };
}

function parseAtom(body: string): ParsedFeed {
  const feed = parser.parse(body).feed;
  required(feed?.['@_xmlns'] === 'http://www.w3.org/2005/Atom', 'the Atom namespace');
  required(textOf(feed.id), 'feed id');
  required(textOf(feed.title), 'feed title');
  required(RFC3339.test(textOf(feed.updated)), 'feed updated as an RFC 3339 date');
  const items = (feed.entry ?? []).map((entry: any): ParsedItem => {
    required(textOf(entry.id), 'entry id');
    required(textOf(entry.title), 'entry title');
    required(RFC3339.test(textOf(entry.updated)), 'entry updated as an RFC 3339 date');
    const link = (entry.link ?? []).find((candidate: any) => (candidate['@_rel'] ?? 'alternate') === 'alternate');
    required(link?.['@_href'], 'entry link');
    const title = entry.title;
    return {
      id: textOf(entry.id),
      title: title?.['@_type'] === 'html' ? decodeHtml(textOf(title)) : textOf(title),
      url: link['@_href'],
      html: textOf(entry.content),
      updated: new Date(textOf(entry.updated)).toISOString(),
      categories: (entry.category ?? []).map((category: any) => category['@_label'] ?? category['@_term']),
    };
  });
  const self = (feed.link ?? []).find((link: any) => link['@_rel'] === 'self');
  return { title: textOf(feed.title), self: self?.['@_href'] ?? null, updated: textOf(feed.updated), items };
}

function parseJson(body: string): ParsedFeed {
  const feed = JSON.parse(body);
  required(feed.version === 'https://jsonfeed.org/version/1.1', 'version https://jsonfeed.org/version/1.1');
  required(typeof feed.title === 'string' && feed.title, 'title');
  required(Array.isArray(feed.items), 'items');
  const items = feed.items.map((item: any): ParsedItem => {
    required(typeof item.id === 'string' && item.id, 'item id (a string)');
    required(typeof item.content_html === 'string' || typeof item.content_text === 'string', 'item content_html or content_text');
    return {
      id: item.id,
      title: item.title,
      url: item.url,
      html: item.content_html,
      updated: item.date_modified,
      categories: item.tags ?? [],
    };
  });
  return { title: feed.title, self: feed.feed_url ?? null, updated: null, items };
}

/** Parses a feed of the format, failing on anything its specification requires and it lacks. */
export function parseFeed(format: Format, body: string): ParsedFeed {
  if (format === 'json') return parseJson(body);
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new Error(`not well-formed XML: ${JSON.stringify(valid.err)}`);
  return format === 'rss' ? parseRss(body) : parseAtom(body);
}

/** The number at the end of an item id (`tag:localhost,2026:link/7` → 7) and its kind. */
export function idOf(itemId: string): { kind: string; id: number } {
  const match = /^tag:[^,]+,2026:(issue|link)\/(\d+)$/.exec(itemId);
  if (!match) throw new Error(`not an item id: ${itemId}`);
  return { kind: match[1], id: Number(match[2]) };
}

/** GETs a feed path (`/feeds/links.atom?x=y`) from the harness's server. */
export async function getFeed(graphqlUrl: string, path: string, headers: Record<string, string> = {}): Promise<FeedAnswer> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, '') + path, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
}

/** The ids of a feed's items, in order. */
export const feedIds = (parsed: ParsedFeed) => parsed.items.map((item) => idOf(item.id).id);

/** The text nodes of an item's HTML, entities decoded. */
export function htmlTexts(html: string): string[] {
  return html.split(/<[^>]*>/).map((text) => decodeHtml(text).trim()).filter(Boolean);
}

/** A LinkFilter as the links feed's query parameters. */
export function feedQuery(filter: Record<string, any>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filter)) {
    if (name === 'tags' || name === 'date') {
      for (const [side, values] of Object.entries(value)) params.set(`${name}.${side}`, String(values));
    } else {
      params.set(name, String(value));
    }
  }
  return params.toString();
}

/** What a feed shows, as entities no-leak.test.ts's leak check reads: its items, the links and sections named in them, their tags, and every text. */
export function feedEntities(world: World, parsed: ParsedFeed) {
  return {
    title: parsed.title,
    items: parsed.items.map((item) => {
      const { kind, id } = idOf(item.id);
      const texts = htmlTexts(item.html);
      return {
        __typename: kind === 'issue' ? 'Issue' : 'Link',
        id,
        title: item.title,
        texts,
        links: world.links.filter((link) => texts.includes(link.title)).map((link) => ({ __typename: 'Link', id: link.id })),
        sections: world.sections.filter((section) => texts.includes(section.title)).map((section) => ({ __typename: 'Section', id: section.id })),
        tags: world.tags.filter((tag) => item.categories.includes(tag.slug.toUpperCase())).map((tag) => ({ __typename: 'Tag', id: tag.id })),
      };
    }),
  };
}

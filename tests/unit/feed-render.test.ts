import { renderFeed, xmlText } from '../../src/modules/feed/feed.render';
import type { FeedDocument } from '../../src/modules/feed/feed.service';
import { escapeHtml, safeHref } from '../../src/modules/feed/feed.html';
import { FORMATS, parseFeed } from '../support/feeds';

/** Everything that breaks hand-built XML or HTML: markup, entities, CDATA ends, quotes, characters XML forbids, astral ones. */
const NASTY = 'a <b>bold</b> & &amp; "q" \'s\' ]]> x ]]> <y/> end \u0001\u0008\u000B\uFFFE|\uD800| lone, 🚀 kept';
const CLEAN = 'a <b>bold</b> & &amp; "q" \'s\' ]]> x ]]> <y/> end || lone, 🚀 kept';

const document: FeedDocument = {
  id: 'tag:localhost,2026:feed/links',
  title: NASTY,
  description: NASTY,
  updated: new Date('2025-03-02T06:00:00Z'),
  entries: [
    {
      id: 'tag:localhost,2026:link/7',
      title: NASTY,
      url: 'https://example.com/a?b=1&c=2',
      // Raw `]]>` twice, as no sanitiser would write it, to prove the CDATA sections hold.
      html: `<p title="]]>">${escapeHtml(NASTY)}</p>]]><b>]]></b>`,
      published: new Date('2025-03-01T06:00:00Z'),
      updated: new Date('2025-03-02T06:00:00Z'),
      categories: ['A&B <c>', 'plain'],
    },
  ],
};

it.each(FORMATS)('%s: well-formed, to spec, and every text reads back as written (less what XML forbids)', async (format) => {
  const body = await renderFeed(document, format, { home: 'https://api.example.com/feeds/links.rss?a=1&b=2', self: 'https://api.example.com/feeds/links.rss?a=1&b=2' });
  const parsed = parseFeed(format, body);
  const expected = format === 'json' ? NASTY : CLEAN;
  expect(parsed.title).toBe(expected);
  expect(parsed.self).toBe('https://api.example.com/feeds/links.rss?a=1&b=2');
  expect(parsed.items).toHaveLength(1);
  const [item] = parsed.items;
  const categories = format === 'atom' ? ['A&B c>', 'plain'] : ['A&B <c>', 'plain'];
  expect(item).toMatchObject({ id: 'tag:localhost,2026:link/7', title: expected, url: 'https://example.com/a?b=1&c=2', categories });
  const html = `<p title="]]>">${escapeHtml(expected)}</p>]]><b>]]></b>`;
  expect(item.html).toBe(format === 'json' ? html : html.replace(/]]>/g, ']]&gt;'));
  // RSS has one date per item, pubDate: when the issue was published; the others also say when it last changed.
  expect(item.updated).toBe(format === 'rss' ? '2025-03-01T06:00:00.000Z' : '2025-03-02T06:00:00.000Z');
  if (format === 'json') {
    const json = JSON.parse(body);
    expect(json.items[0]).toMatchObject({ date_published: '2025-03-01T06:00:00.000Z', date_modified: '2025-03-02T06:00:00.000Z' });
  }
});

it('without a self URL (a token feed) the feed names none', async () => {
  for (const format of FORMATS) {
    const body = await renderFeed(document, format, { home: 'https://api.example.com/feeds/links.atom', self: null });
    expect(parseFeed(format, body).self).toBeNull();
  }
});

it('renders the same bytes for the same document, so ETags are stable', async () => {
  for (const format of FORMATS) {
    const links = { home: 'https://x.test/', self: null };
    expect(await renderFeed(document, format, links)).toBe(await renderFeed(document, format, links));
  }
});

it('xmlText drops what XML 1.0 forbids and keeps the rest, astral characters included', () => {
  expect(xmlText('a\u0000b\u001Fc\tnl\n\r\uFFFF🚀\uDC00')).toBe('abc\tnl\n\r🚀');
});

it('safeHref accepts http(s) only', () => {
  expect(safeHref('https://example.com/a b')).toBe('https://example.com/a%20b');
  expect(safeHref('http://example.com')).toBe('http://example.com/');
  for (const bad of ['javascript:alert(1)', 'data:text/html,x', 'mailto:a@b.c', '/relative', 'not a url']) expect(safeHref(bad)).toBeNull();
});

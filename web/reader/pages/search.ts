import { request } from '../api';
import { Child, h } from '../dom';
import { BASE, paths, plural } from '../format';
import { ReaderSearchDocument } from '../../generated/graphql';
import { linkItem } from './links';
import { crumbs, Page, pager } from './page';

/** The longest query the API takes. */
const MAX_QUERY = 256;

/** The search box of the header: a plain form, so it works as a link too (/read/search?q=...). */
export function searchForm(query = ''): HTMLFormElement {
  return h(
    'form',
    { class: 'search', role: 'search', action: `${BASE}search`, method: 'get' },
    h('label', { for: 'q', class: 'visually-hidden' }, 'Search the archive'),
    h('input', { id: 'q', name: 'q', type: 'search', placeholder: 'Search links', value: query, maxlength: String(MAX_QUERY), autocomplete: 'off' }),
    h('button', { type: 'submit' }, 'Search'),
  );
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * A highlight from the API (HTML-escaped text, matches between <mark> and
 * </mark>) as text nodes and <mark> elements: no HTML is parsed.
 */
export function marked(highlight: string): Child[] {
  const text = (escaped: string) => escaped.replace(/&(?:amp|lt|gt|quot|#39);/g, (entity) => ENTITIES[entity]);
  return highlight.split(/<mark>(.*?)<\/mark>/s).map((part, index) => (index % 2 === 1 ? h('mark', null, text(part)) : text(part)));
}

/** /read/search?q=...: links matching the words, ranked by the API, a page at a time. */
export async function searchPage(query: string, after: string | null): Promise<Page> {
  const words = query.trim().slice(0, MAX_QUERY);
  if (!words) return { title: 'Search', content: h('div', null, crumbs(['Newsletters', paths.home()]), h('h1', null, 'Search'), searchForm()) };
  const { search } = await request(ReaderSearchDocument, { query: words, after });
  return {
    title: `“${words}”`,
    content: h(
      'div',
      null,
      crumbs(['Newsletters', paths.home()]),
      h('h1', null, h('span', { class: 'kicker' }, 'Search'), ' ', `“${words}”`),
      h('p', { class: 'meta' }, plural(search.totalCount, 'link'), search.correctedQuery && ` for “${search.correctedQuery}”`),
      h(
        'ol',
        { class: 'links' },
        search.edges.map((edge) => linkItem(edge.node, { title: marked(edge.titleHighlight), summary: marked(edge.summaryHighlight) })),
      ),
      pager(search.pageInfo.hasNextPage, paths.search(words, search.pageInfo.endCursor), 'More results'),
    ),
  };
}

import { request } from '../api';
import { h } from '../dom';
import { BASE, paths, plural } from '../format';
import type { SearchDocument } from '../features';
import { linkList } from './links';
import { crumbs, Page, pager } from './page';

/** The search box of the header: a plain form, so it works as a link too (/read/search?q=...). */
export function searchForm(query = ''): HTMLFormElement {
  return h(
    'form',
    { class: 'search', role: 'search', action: `${BASE}search`, method: 'get' },
    h('label', { for: 'q', class: 'visually-hidden' }, 'Search the archive'),
    h('input', { id: 'q', name: 'q', type: 'search', placeholder: 'Search links', value: query, autocomplete: 'off' }),
    h('button', { type: 'submit' }, 'Search'),
  );
}

/** /read/search?q=...: links matching the words, ranked by the API, a page at a time. */
export async function searchPage(document: SearchDocument, query: string, after: string | null): Promise<Page> {
  const words = query.trim();
  if (!words) return { title: 'Search', content: h('div', null, crumbs(['Newsletters', paths.home()]), h('h1', null, 'Search'), searchForm()) };
  const { search } = await request(document, { query: words, after });
  return {
    title: `“${words}”`,
    content: h(
      'div',
      null,
      crumbs(['Newsletters', paths.home()]),
      h('h1', null, h('span', { class: 'kicker' }, 'Search'), ' ', `“${words}”`),
      h('p', { class: 'meta' }, plural(search.totalCount, 'link')),
      linkList(search.edges.map((edge) => edge.node)),
      pager(search.pageInfo.hasNextPage, paths.search(words, search.pageInfo.endCursor), 'More results'),
    ),
  };
}

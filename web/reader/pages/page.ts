import { h } from '../dom';
import { paths } from '../format';

/** What a page renders: the document's title and the content of <main>. */
export interface Page {
  title: string;
  content: Node;
}

export function notFound(what: string): Page {
  return {
    title: 'Not found',
    content: h('div', { class: 'message' }, h('h1', null, 'Not found'), h('p', null, what), h('p', null, h('a', { href: paths.home() }, 'All newsletters'))),
  };
}

/** The way to the next page of a list, when there is one. */
export function pager(hasNextPage: boolean, href: string, label = 'Older'): Node | null {
  return hasNextPage ? h('p', { class: 'pager' }, h('a', { href, rel: 'next' }, `${label} →`)) : null;
}

export function crumbs(...items: Array<[label: string, href: string]>): Node {
  return h('nav', { class: 'crumbs', 'aria-label': 'Breadcrumbs' }, items.map(([label, href], index) => [index > 0 && ' › ', h('a', { href }, label)]));
}

import { ApiError } from './api';
import { h } from './dom';
import { SEARCH } from './features';
import { BASE, paths } from './format';
import { archivePage } from './pages/archive';
import { homePage } from './pages/home';
import { issuePage } from './pages/issue';
import { notFound, Page } from './pages/page';
import { searchForm, searchPage } from './pages/search';
import { tagPage } from './pages/tag';

/**
 * The reader: a small front end on the public API. Each URL under /read/ is a
 * page; links inside the reader change the page without reloading, and the
 * back button works as usual.
 */

const main = document.getElementById('main') as HTMLElement;

/** The page a reader URL shows. */
function route(url: URL): Promise<Page> | Page {
  if (!url.pathname.startsWith(BASE)) return notFound('This page is not part of the reader.');
  const parts = url.pathname.slice(BASE.length).split('/');
  const after = url.searchParams.get('after');
  if (parts.length === 1 && parts[0] === '') return homePage();
  if (parts[0] === 'tags' && parts.length === 2 && parts[1]) return tagPage(parts[1], after);
  if (parts[0] === 'search' && parts.length === 1 && SEARCH) return searchPage(SEARCH, url.searchParams.get('q') ?? '', after);
  if (parts.length === 1 || (parts.length === 2 && parts[1] === '')) return archivePage(parts[0], after);
  if (parts.length === 2) return issuePage(parts[0], parts[1]);
  return notFound('There is nothing at this address.');
}

function failure(error: unknown): Page {
  if (!(error instanceof ApiError)) console.error(error);
  const reason = error instanceof ApiError ? error.message : 'Something went wrong while showing this page.';
  return {
    title: 'Could not load',
    content: h('div', { class: 'message' }, h('h1', null, 'Could not load this page'), h('p', null, reason), h('p', null, 'Reload to try again.')),
  };
}

let latest = 0;

/**
 * Renders the page of the current URL; a page whose answer arrives after a
 * newer navigation is dropped. The body says which address it shows, and when.
 */
async function show(): Promise<void> {
  const turn = ++latest;
  const url = new URL(location.href);
  document.body.dataset.state = 'loading';
  let page: Page;
  try {
    page = await route(url);
  } catch (error) {
    page = failure(error);
  }
  if (turn !== latest) return;
  document.title = `${page.title} · Newsletter reader`;
  main.replaceChildren(page.content);
  document.body.dataset.shown = url.pathname + url.search;
  document.body.dataset.state = 'ready';
}

function navigate(href: string): void {
  history.pushState(null, '', href);
  window.scrollTo(0, 0);
  void show();
}

/** Follows links within the reader without a reload; anything else (other sites, new tabs) the browser handles. */
document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const anchor = (event.target as Element | null)?.closest('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(BASE)) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});

document.addEventListener('submit', (event) => {
  const form = event.target as HTMLFormElement;
  if (!form.classList.contains('search')) return;
  event.preventDefault();
  const query = new FormData(form).get('q');
  navigate(paths.search(typeof query === 'string' ? query : ''));
});

window.addEventListener('popstate', () => void show());

if (SEARCH) document.querySelector('header.site')?.append(searchForm(new URL(location.href).searchParams.get('q') ?? ''));
void show();

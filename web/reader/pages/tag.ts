import { request } from '../api';
import { h } from '../dom';
import { isSlug, paths, plural } from '../format';
import { ReaderTagDocument } from '../../generated/graphql';
import { linkList } from './links';
import { crumbs, notFound, Page, pager } from './page';

/** /read/tags/TAG: the links carrying a topic, newest issue first, a page at a time. */
export async function tagPage(slug: string, after: string | null): Promise<Page> {
  if (!isSlug(slug)) return notFound(`There is no topic called “${slug}”.`);
  const data = await request(ReaderTagDocument, { tag: slug, after });
  const { links } = data;
  // An old slug (an alias) still finds the tag's links; the page then shows the slug as its name.
  const name = data.tags.find((tag) => tag.slug === slug)?.name ?? slug;
  if (links.totalCount === 0 && !data.tags.some((tag) => tag.slug === slug)) return notFound(`There is no topic called “${slug}”.`);
  return {
    title: name,
    content: h(
      'div',
      null,
      crumbs(['Newsletters', paths.home()]),
      h('h1', null, h('span', { class: 'kicker' }, 'Topic'), ' ', name),
      h('p', { class: 'meta' }, plural(links.totalCount, 'link')),
      linkList(links.edges.map((edge) => edge.node)),
      pager(links.pageInfo.hasNextPage, paths.tag(slug, links.pageInfo.endCursor), 'Older links'),
    ),
  };
}

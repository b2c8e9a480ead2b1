import { request } from '../api';
import { h } from '../dom';
import { isSlug, longDate, paths, plural } from '../format';
import { ReaderArchiveDocument } from '../../generated/graphql';
import { crumbs, notFound, Page, pager } from './page';

/** /read/NEWSLETTER/: one newsletter's issues, newest first, a page at a time. */
export async function archivePage(slug: string, after: string | null): Promise<Page> {
  if (!isSlug(slug)) return notFound(`There is no newsletter called “${slug}”.`);
  const data = await request(ReaderArchiveDocument, { newsletter: slug, after });
  const newsletter = data.newsletter;
  if (!newsletter) return notFound(`There is no newsletter called “${slug}”.`);
  const { issues } = data;
  return {
    title: newsletter.name,
    content: h(
      'div',
      null,
      crumbs(['Newsletters', paths.home()]),
      h('h1', null, newsletter.name),
      newsletter.tagline && h('p', { class: 'lead' }, newsletter.tagline),
      h('p', { class: 'meta' }, plural(issues.totalCount, 'issue')),
      h(
        'ol',
        { class: 'issues' },
        issues.edges.map(({ node }) =>
          h('li', null, h('a', { href: paths.issue(newsletter.slug, node.date) }, node.headline), h('p', { class: 'meta' }, longDate(node.date))),
        ),
      ),
      pager(issues.pageInfo.hasNextPage, paths.archive(newsletter.slug, issues.pageInfo.endCursor), 'Older issues'),
    ),
  };
}

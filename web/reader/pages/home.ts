import { request } from '../api';
import { h } from '../dom';
import { longDate, paths } from '../format';
import { ReaderHomeDocument } from '../../generated/graphql';
import type { Page } from './page';

/** /read/: the newsletters, the newest issues across them, and the topics. */
export async function homePage(): Promise<Page> {
  const data = await request(ReaderHomeDocument, {});
  const topics = data.tags.filter((tag) => tag.linkCount > 0).sort((a, b) => b.linkCount - a.linkCount || a.name.localeCompare(b.name));
  return {
    title: 'Newsletters',
    content: h(
      'div',
      null,
      h('h1', null, 'Newsletters'),
      h(
        'ul',
        { class: 'newsletters' },
        data.newsletters.map((newsletter) =>
          h('li', null, h('a', { href: paths.archive(newsletter.slug) }, newsletter.name), newsletter.tagline && h('p', null, newsletter.tagline)),
        ),
      ),
      h('h2', null, 'Latest issues'),
      h(
        'ol',
        { class: 'issues' },
        data.issues.edges.map(({ node }) =>
          h(
            'li',
            null,
            h('a', { href: paths.issue(node.newsletter.slug, node.date) }, node.headline),
            h('p', { class: 'meta' }, `${node.newsletter.name} · ${longDate(node.date)}`),
          ),
        ),
      ),
      topics.length > 0 && h('h2', null, 'Topics'),
      topics.length > 0 &&
        h(
          'ul',
          { class: 'tags cloud' },
          topics.map((tag) => h('li', null, h('a', { href: paths.tag(tag.slug) }, tag.name, ' ', h('span', { class: 'count' }, String(tag.linkCount))))),
        ),
    ),
  };
}

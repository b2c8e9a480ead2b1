import { request } from '../api';
import { external, h } from '../dom';
import { isDate, isSlug, longDate, paths, plural } from '../format';
import { ReaderIssueDocument, type ReaderIssueQuery } from '../../generated/graphql';
import { linkList, sponsorBadge } from './links';
import { crumbs, notFound, Page } from './page';

type Issue = NonNullable<ReaderIssueQuery['issue']>;

/** /read/NEWSLETTER/DATE: one issue, its sponsor blocks and sections, and the way to the issues either side. */
export async function issuePage(slug: string, date: string): Promise<Page> {
  const missing = `There is no issue of “${slug}” on ${date}.`;
  if (!isSlug(slug) || !isDate(date)) return notFound(missing);
  const { issue } = await request(ReaderIssueDocument, { newsletter: slug, date });
  if (!issue) return notFound(missing);
  const links = issue.sections.flatMap((section) => section.links);
  const minutes = links.reduce((sum, link) => sum + (link.readMinutes ?? 0), 0);
  return {
    title: `${issue.headline} · ${issue.newsletter.name}`,
    content: h(
      'article',
      { class: 'issue' },
      crumbs(['Newsletters', paths.home()], [issue.newsletter.name, paths.archive(issue.newsletter.slug)]),
      h('h1', null, issue.headline),
      h('p', { class: 'meta' }, [longDate(issue.date), plural(links.length, 'link'), minutes > 0 && `about ${plural(minutes, 'minute')} of reading`].filter(Boolean).join(' · ')),
      issue.sponsorPlacements.map((placement) =>
        h(
          'aside',
          { class: 'sponsor-block', 'aria-label': 'Sponsor' },
          sponsorBadge(placement.sponsor),
          h('h2', null, external(placement.url, placement.title)),
          h('p', null, placement.body),
        ),
      ),
      issue.sections.map((section) =>
        h('section', null, section.title && h('h2', null, section.emoji && `${section.emoji} `, section.title), linkList(section.links)),
      ),
      neighbours(issue),
    ),
  };
}

/** Previous is the older issue, next the newer one. */
function neighbours(issue: Issue): Node | null {
  const { previous, next } = issue;
  if (!previous && !next) return null;
  const slug = issue.newsletter.slug;
  return h(
    'nav',
    { class: 'neighbours', 'aria-label': 'Other issues' },
    previous && h('a', { href: paths.issue(slug, previous.date), rel: 'prev' }, h('span', null, '← Previous'), ' ', previous.headline),
    next && h('a', { href: paths.issue(slug, next.date), rel: 'next' }, h('span', null, 'Next →'), ' ', next.headline),
  );
}

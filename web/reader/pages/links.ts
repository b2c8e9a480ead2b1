import { external, h } from '../dom';
import { longDate, paths } from '../format';

/** The fields of a link that every list of links shows (issue page, topic page, search). */
export interface LinkCard {
  title: string;
  url: string;
  domain: string;
  summary: string;
  readTimeLabel: string | null;
  sponsored: boolean;
  sponsor?: { name: string } | null;
  tags: Array<{ slug: string; name: string }>;
  issue?: { date: string; newsletter: { slug: string; name: string } };
}

/** "Sponsor" or "Sponsor · Pipely": paid content is always marked as such. */
export function sponsorBadge(sponsor?: { name: string } | null): Node {
  return h('span', { class: 'badge sponsor' }, sponsor ? `Sponsor · ${sponsor.name}` : 'Sponsor');
}

export function linkItem(link: LinkCard): HTMLElement {
  // A sponsored link's label is usually "Sponsor": the badge says it already.
  const label = link.sponsored && link.readTimeLabel?.toLowerCase() === 'sponsor' ? null : link.readTimeLabel;
  const meta = [link.domain, label].filter(Boolean).join(' · ');
  return h(
    'li',
    { class: link.sponsored ? 'link sponsored' : 'link' },
    h('h3', null, external(link.url, link.title)),
    h('p', { class: 'meta' }, link.sponsored && [sponsorBadge(link.sponsor), ' '], meta),
    link.summary && h('p', { class: 'summary' }, link.summary),
    link.tags.length > 0 && h('ul', { class: 'tags', 'aria-label': 'Topics' }, link.tags.map((tag) => h('li', null, h('a', { href: paths.tag(tag.slug) }, tag.name)))),
    link.issue &&
      h(
        'p',
        { class: 'from' },
        'From ',
        h('a', { href: paths.issue(link.issue.newsletter.slug, link.issue.date) }, `${link.issue.newsletter.name}, ${longDate(link.issue.date)}`),
      ),
  );
}

export function linkList(links: LinkCard[]): HTMLElement {
  return h('ol', { class: 'links' }, links.map(linkItem));
}

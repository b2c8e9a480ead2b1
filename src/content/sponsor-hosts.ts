/**
 * Hosts a sponsor link may pass through that are never the advertiser: link
 * shorteners, ad and mail trackers, event, scheduling and form platforms, sites
 * that host other people's pages, and the newsletter's own site.
 */
import { domainOf, registrableDomain } from './url';

export type IntermediaryKind = 'SHORTENER' | 'TRACKER' | 'EVENT_PLATFORM' | 'HOSTING_PLATFORM' | 'NEWSLETTER';

const HOSTS: Readonly<Record<IntermediaryKind, readonly string[]>> = {
  SHORTENER: [
    'bit.ly', 'bitly.com', 'tinyurl.com', 't.co', 'ow.ly', 'buff.ly', 'goo.gl', 'rebrand.ly', 'is.gd', 'lnkd.in',
    'dub.sh', 'dub.co', 'short.io', 'shorturl.at', 'cutt.ly', 'tiny.cc', 'rb.gy', 't.ly', 'aka.ms', 'amzn.to',
    'spr.ly', 'trib.al', 'bl.ink', 'lnk.to', 'dpgr.am', 'apple.co', 'msft.it', 'ibm.biz', 'sforce.co', 'red.ht',
  ],
  TRACKER: [
    'hubs.la', 'hubs.ly', 'hubspotlinks.com', 'hs-sites.com', 'doubleclick.net', 'googleadservices.com',
    'list-manage.com', 'mailchi.mp', 'sendgrid.net', 'mandrillapp.com', 'fandf.co', 'vpdae.com', 'pxf.io', 'sjv.io',
    'ojrq.net', 'go2cloud.org', 'clickfunnels.com', 'beehiiv.com', 'convertkit-mail.com', 'mktoweb.com',
  ],
  EVENT_PLATFORM: [
    'typeform.com', 'zoom.us', 'zoom.com', 'eventbrite.com', 'lu.ma', 'luma.com', 'hopin.com', 'ti.to', 'tito.io',
    'swoogo.com', 'cal.com', 'calendly.com', 'on24.com', 'goto.com', 'gotowebinar.com', 'bigmarker.com', 'airmeet.com',
    'bizzabo.com', 'cvent.com', 'splashthat.com', 'meetup.com', 'forms.gle', 'jotform.com', 'tally.so', 'hsforms.com',
    'livestorm.co', 'streamyard.com', 'riverside.fm', 'eventbrite.co.uk', 'addevent.com',
  ],
  HOSTING_PLATFORM: [
    'github.com', 'gitlab.com', 'linkedin.com', 'medium.com', 'substack.com', 'youtube.com', 'youtu.be', 'x.com',
    'twitter.com', 'notion.site', 'producthunt.com', 'docs.google.com', 'drive.google.com', 'vimeo.com', 'wistia.com',
  ],
  NEWSLETTER: ['tldr.tech', 'tldrnewsletter.com'],
};

const BY_HOST: ReadonlyMap<string, IntermediaryKind> = new Map(
  (Object.entries(HOSTS) as Array<[IntermediaryKind, readonly string[]]>).flatMap(([kind, hosts]) =>
    hosts.map((host) => [host, kind] as const),
  ),
);

/**
 * What kind of go-between the host is (`go.bit.ly` → SHORTENER, `advertise.tldr.tech` → NEWSLETTER),
 * or null for an ordinary site.
 */
export function intermediaryKind(host: string): IntermediaryKind | null {
  const lower = host.toLowerCase().replace(/^www\./, '');
  return BY_HOST.get(lower) ?? BY_HOST.get(registrableDomain(lower)) ?? null;
}

/** Names the newsletter prints for itself: an ad about it is a house ad. */
const NEWSLETTER_BRANDS = /^TLDR(?:['’]s)?$/;

/** Hosts whose first path segment is the account a page belongs to (`github.com/iterative/…`, `cal.com/unwrap/…`). */
const PATH_ACCOUNTS = new Set(['github.com', 'gitlab.com', 'cal.com', 'calendly.com']);

/** Subdomains of go-betweens that name the platform, not an account (`www`, `app`, `go`). */
const GENERIC_SUBDOMAINS = new Set(['www', 'app', 'go', 'events', 'event', 'forms', 'form', 'docs', 'm', 'us', 'eu', 'on', 'info', 'community', 'blog']);

export function isNewsletterBrand(word: string): boolean {
  return NEWSLETTER_BRANDS.test(word);
}

/**
 * The account a go-between serves a page for: `semperis` in semperis.swoogo.com,
 * `iterative` in github.com/iterative/datachain; null for ordinary sites and bare go-betweens.
 */
export function siteTenant(url: string): string | null {
  const host = domainOf(url);
  const kind = intermediaryKind(host);
  if (!kind || kind === 'NEWSLETTER' || kind === 'SHORTENER' || kind === 'TRACKER') return null;
  const site = registrableDomain(host);
  if (PATH_ACCOUNTS.has(site)) {
    const account = /^https?:\/\/[^/]+\/([A-Za-z0-9][\w.-]*)/.exec(url.trim())?.[1];
    return account ?? null;
  }
  const sub = host.slice(0, Math.max(0, host.length - site.length - 1)).split('.').at(-1) ?? '';
  return sub !== '' && !GENERIC_SUBDOMAINS.has(sub) ? sub : null;
}

/**
 * URL identity: the canonical form under which the same article is recognised
 * across issues and newsletters, and the domains derived from it.
 */
import { decodeHtmlEntities } from './inline-text';

/** Query parameters that only say who sent the reader, never what was read. */
const TRACKING_PARAMS = new Set([
  '_ga', '_gl', '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsctatracking',
  'aff_id', 'affiliate_id', 'campaign_id', 'dclid', 'fbclid', 'gclid', 'gclsrc',
  'igshid', 'li_fat_id', 'mc_cid', 'mc_eid', 'mkt_tok', 'msclkid', 'oly_anon_id',
  'oly_enc_id', 'reflink', 'scid', 'sfcampaign_id', 'smid', 'trk', 'ttclid',
  'twclid', 'vero_conv', 'vero_id', 'wickedid', 'yclid',
]);

/** Prefixes of tracking-parameter families: Google (utm_), Matomo (mtm_), Piwik (pk_), HubSpot ads (hsa_). */
const TRACKING_PREFIXES = ['utm_', 'mtm_', 'pk_', 'hsa_'];

/** Generic names that are tracking only when their value names a newsletter or feed (`ref=tldr`). */
const REFERRER_PARAMS = new Set(['ref', 'ref_src', 'referrer', 'source', 'src', 'mod', 'partner', 'via', 'cmp']);
const REFERRER_VALUE = /tldr|newsletter|e-?mail|rss|feed|share|social/i;

/** Share-sheet parameters of particular sites (`?s=12` on X, `?si=` on YouTube). */
const SITE_TRACKING_PARAMS: ReadonlyArray<readonly [RegExp, ReadonlySet<string>]> = [
  [/(^|\.)(x|twitter)\.com$/, new Set(['s', 't'])],
  [/(^|\.)(youtube\.com|youtu\.be)$/, new Set(['si', 'feature', 'pp'])],
  [/(^|\.)spotify\.com$/, new Set(['si'])],
];

/** Fragments that add nothing to the address: empty, "top", hashbang stubs and text highlights. */
const EMPTY_FRAGMENT = /^(?:!?\/?|top|:~:.*)$/i;

/** Second-level suffixes under which the registrable domain has three labels. */
const MULTI_LABEL_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.au', 'net.au', 'org.au', 'co.nz', 'co.jp',
  'co.in', 'co.za', 'co.kr', 'com.br', 'com.cn', 'com.sg', 'com.hk', 'com.tw', 'com.mx',
]);

/**
 * Entities decoded, host lower-cased, tracking parameters and empty fragments
 * dropped. Never throws: input that is not an absolute http(s) or mailto URL
 * comes back trimmed and decoded.
 */
export function canonicalizeUrl(raw: string): string {
  const decoded = decodeHtmlEntities(raw.trim());
  if (/^mailto:/i.test(decoded)) return canonicalMailto(decoded);
  const url = parseHttpUrl(decoded);
  if (!url) return decoded;
  const isTracking = trackingTest(url.hostname);
  const query = cleanParams(url.search.slice(1), isTracking);
  const fragment = cleanFragment(url.hash.slice(1), isTracking);
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  return `${url.protocol}//${auth}${url.host}${url.pathname}${query && `?${query}`}${fragment && `#${fragment}`}`;
}

/** Whether the text is an absolute http(s) URL with a host, read as `canonicalizeUrl` reads it (trimmed, entities decoded). */
export function isHttpUrl(raw: string): boolean {
  return parseHttpUrl(decodeHtmlEntities(raw.trim())) !== null;
}

/** Host of the URL, lower-cased, without `www.`; the address's domain for `mailto:`; '' when unparsable. */
export function domainOf(url: string): string {
  const decoded = decodeHtmlEntities(url.trim());
  const mail = /^mailto:[^@?]*@([^?&#]+)/i.exec(decoded);
  const host = mail ? mail[1] : (parseHttpUrl(decoded)?.hostname ?? '');
  return host.toLowerCase().replace(/^www\./, '');
}

/** The domain an organisation registers (`go.mezmo.com` → `mezmo.com`), for telling sponsors apart. */
export function registrableDomain(host: string): string {
  const labels = host.toLowerCase().split('.').filter(Boolean);
  const suffixLength = MULTI_LABEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-suffixLength).join('.');
}

/** `mailto:` links keep their address and lose tracking parameters. */
function canonicalMailto(decoded: string): string {
  const [address, query = ''] = decoded.split(/\?(.*)/s);
  const kept = cleanParams(query, trackingTest(''));
  return kept ? `${address}?${kept}` : address;
}

function parseHttpUrl(text: string): URL | null {
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

type TrackingTest = (name: string, value: string) => boolean;

function trackingTest(hostname: string): TrackingTest {
  const siteParams = SITE_TRACKING_PARAMS.find(([host]) => host.test(hostname))?.[1];
  return (name, value) => {
    const key = name.toLowerCase();
    return (
      TRACKING_PARAMS.has(key) ||
      TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix)) ||
      (REFERRER_PARAMS.has(key) && REFERRER_VALUE.test(value)) ||
      (siteParams?.has(key) ?? false)
    );
  };
}

/**
 * Keeps the parameters that are not tracking, in their printed encoding. A stray
 * second `?` (`?a=1?utm_source=x`, `??utm_source=x`) is read as a separator.
 */
function cleanParams(query: string, isTracking: TrackingTest): string {
  return query
    .split(/&|\?(?=[^=&?]+=)|^\?+/)
    .filter((pair) => pair !== '' && !isTracking(...splitPair(pair)))
    .join('&');
}

/** Drops tracking parameters appended to a fragment (`#heading=h.1&utm_source=x`) and empty fragments. */
function cleanFragment(fragment: string, isTracking: TrackingTest): string {
  const parts = fragment.split(/(?=[?&])/);
  const kept = parts.filter((part, index) => {
    const pair = index === 0 ? part : part.slice(1);
    return pair !== '' && !(pair.includes('=') && isTracking(...splitPair(pair)));
  });
  const cleaned = kept.join('').replace(/^[?&]/, '');
  return EMPTY_FRAGMENT.test(cleaned) ? '' : cleaned;
}

function splitPair(pair: string): [string, string] {
  const equals = pair.indexOf('=');
  const name = equals < 0 ? pair : pair.slice(0, equals);
  const value = equals < 0 ? '' : pair.slice(equals + 1);
  return [safeDecode(name), safeDecode(value)];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

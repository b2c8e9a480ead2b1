/**
 * URL identity: the canonical form under which the same article is recognised
 * across issues and newsletters, and the domains derived from it.
 */
import { decodeHtmlEntities } from './inline-text';
import {
  CODE_HOST,
  ParamKind,
  REF_PARAMS,
  REFERRER_PARAMS,
  REFERRER_VALUE,
  SHAPED_PARAMS,
  SHARE_TOKEN_PARAMS,
  SITE_PARAMS,
  TRACKING_PARAMS,
  TRACKING_PREFIXES,
} from './url-params';

/** Spaces and invisible characters pasted around a URL: zero-width space, joiners, marks, word joiner, BOM, no-break space. */
const EDGE_JUNK = /^[\s\u00a0\u200b-\u200f\u2060\ufeff]+|[\s\u00a0\u200b-\u200f\u2060\ufeff]+$/g;

/** Fragments that add nothing to the address: empty, "top", hashbang stubs and text highlights. */
const EMPTY_FRAGMENT = /^(?:!?\/?|top|:~:.*)$/i;

/** Second-level suffixes under which the registrable domain has three labels. */
const MULTI_LABEL_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.au', 'net.au', 'org.au', 'co.nz', 'co.jp',
  'co.in', 'co.za', 'co.kr', 'com.br', 'com.cn', 'com.sg', 'com.hk', 'com.tw', 'com.mx',
]);

/**
 * The address under which an article is recognised wherever it appears: entities
 * decoded, invisible characters around it removed, host lower-cased, tracking
 * parameters, share tokens and empty fragments dropped. Never throws: input that
 * is not an absolute http(s) or mailto URL comes back trimmed and decoded.
 */
export function canonicalizeUrl(raw: string): string {
  return cleanUrl(raw, new Set<ParamKind>(['tracking', 'share']));
}

/**
 * The URL as a reader should follow it: cleaned as `canonicalizeUrl` cleans it,
 * but share and gift tokens kept, since they are what lets the reader in.
 */
export function withoutTracking(raw: string): string {
  return cleanUrl(raw, new Set<ParamKind>(['tracking']));
}

/** Whether the text is an absolute http(s) URL with a host, read as `canonicalizeUrl` reads it (trimmed, entities decoded). */
export function isHttpUrl(raw: string): boolean {
  return parseHttpUrl(readable(raw)) !== null;
}

/** Host of the URL, lower-cased, without `www.`; the address's domain for `mailto:`; '' when unparsable. */
export function domainOf(url: string): string {
  const decoded = readable(url);
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

/** Entities decoded, then spaces and invisible characters around the text removed. */
function readable(raw: string): string {
  return decodeHtmlEntities(raw).replace(EDGE_JUNK, '');
}

function cleanUrl(raw: string, drop: ReadonlySet<ParamKind>): string {
  const decoded = readable(raw);
  if (/^mailto:/i.test(decoded)) return canonicalMailto(decoded, paramTest('', drop));
  const url = parseHttpUrl(decoded);
  if (!url) return decoded;
  const isDropped = paramTest(url.hostname, drop);
  const query = cleanParams(url.search.slice(1), isDropped);
  const fragment = cleanFragment(url.hash.slice(1), isDropped);
  const auth = url.username ? `${url.username}${url.password ? `:${url.password}` : ''}@` : '';
  return `${url.protocol}//${auth}${url.host}${url.pathname}${query && `?${query}`}${fragment && `#${fragment}`}`;
}

/** `mailto:` links keep their address and lose tracking parameters. */
function canonicalMailto(decoded: string, isDropped: ParamTest): string {
  const [address, query = ''] = decoded.split(/\?(.*)/s);
  const kept = cleanParams(query, isDropped);
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

type ParamTest = (name: string, value: string) => boolean;

/** What a parameter is on this host: tracking, a share token, or (null) part of the address. */
function paramKind(hostname: string): (name: string, value: string) => ParamKind | null {
  const site = SITE_PARAMS.find(([host]) => host.test(hostname))?.[1];
  const codeHost = CODE_HOST.test(hostname);
  return (name, value) => {
    const key = name.toLowerCase();
    const onSite = site && Object.hasOwn(site, key) ? site[key] : undefined;
    if (onSite) return onSite;
    if (TRACKING_PARAMS.has(key) || TRACKING_PREFIXES.some((prefix) => key.startsWith(prefix))) return 'tracking';
    if (SHARE_TOKEN_PARAMS.has(key)) return 'share';
    if (REF_PARAMS.has(key) && !codeHost) return 'tracking';
    if ((REFERRER_PARAMS.has(key) || REF_PARAMS.has(key)) && REFERRER_VALUE.test(value)) return 'tracking';
    return SHAPED_PARAMS.find(([shaped, shape]) => shaped === key && shape.test(value))?.[2] ?? null;
  };
}

function paramTest(hostname: string, drop: ReadonlySet<ParamKind>): ParamTest {
  const kindOf = paramKind(hostname);
  return (name, value) => {
    const kind = kindOf(name, value);
    return kind !== null && drop.has(kind);
  };
}

/**
 * Keeps the parameters that are not dropped, in their printed encoding. A stray
 * second `?` (`?a=1?utm_source=x`, `??utm_source=x`) is read as a separator.
 */
function cleanParams(query: string, isDropped: ParamTest): string {
  return query
    .split(/&|\?(?=[^=&?]+=)|^\?+/)
    .filter((pair) => pair !== '' && !isDropped(...splitPair(pair)))
    .join('&');
}

/**
 * Drops parameters appended to a fragment (`#heading=h.1&utm_source=x`), a
 * fragment that is only a query of them (`#?utm_source=x`), and empty fragments.
 */
function cleanFragment(fragment: string, isDropped: ParamTest): string {
  const parts = fragment.split(/(?=[?&])/);
  const kept = parts.filter((part) => {
    const pair = part.replace(/^[?&]/, '');
    return pair !== '' && !(pair.includes('=') && isDropped(...splitPair(pair)));
  });
  const opensWithQuery = fragment.startsWith('?') && kept[0] !== undefined && /^[?&]/.test(kept[0]);
  const cleaned = `${opensWithQuery ? '?' : ''}${kept.join('').replace(/^[?&]/, '')}`;
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

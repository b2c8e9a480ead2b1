/**
 * Who an ad is for: the advertiser the ad itself names, spelled the way the ad
 * spells it ("Datadog", "QA Wolf", "WorkOS"), identified by its own site when the
 * ad links to it. Shorteners, trackers, event and form platforms and hosting
 * sites are never the advertiser; the newsletter's own ads credit nobody.
 */
import { intermediaryKind, isNewsletterBrand, siteTenant } from './sponsor-hosts';
import { domainOf, registrableDomain } from './url';

export interface Ad {
  title: string;
  /** Markdown; its link targets are read for the advertiser's site. */
  body: string;
  url: string;
}

/** An advertiser (its key is its site's registrable domain, or its folded name when it has none); a house ad; or an ad that names nobody. */
export type SponsorCredit = { kind: 'ADVERTISER'; key: string; name: string } | { kind: 'HOUSE' } | { kind: 'UNNAMED' };

/** What a sponsor row holds: `domain` is the advertiser's key. */
export interface SponsorIdentity {
  domain: string;
  name: string;
}

interface Token {
  text: string;
  /** Lower-case letters and digits, a possessive `'s` removed. */
  folded: string;
}

/** Words an advertiser's site name may add around its name: `getdbt`, `datadoghq`, `flashpoint-intel`. */
const PREFIXES = ['get', 'try', 'go', 'use', 'join', 'hello', 'meet', 'with', 'the', 'my', 'say', 'ask', 'hey', 'on'];
const SUFFIXES = ['hq', 'app', 'ai', 'io', 'labs', 'lab', 'dev', 'inc', 'software', 'data', 'cloud', 'tech', 'intel', 'systems', 'group', 'co', 'api', 'team'];

/** Capitalised words that name no advertiser: calls to action, standards, generic terms. */
const NOT_A_NAME = new Set([
  'a', 'an', 'the', 'this', 'that', 'these', 'our', 'your', 'you', 'we', 'it', 'its', 'and', 'or', 'for', 'with', 'from', 'by',
  'learn', 'read', 'download', 'get', 'try', 'join', 'register', 'see', 'save', 'start', 'sign', 'watch', 'discover', 'explore',
  'book', 'request', 'claim', 'grab', 'apply', 'click', 'find', 'check', 'subscribe', 'stop', 'make', 'build', 'now', 'here', 'free',
  'ai', 'ml', 'llm', 'api', 'apis', 'sdk', 'soc', 'iso', 'gdpr', 'hipaa', 'pci', 'saas', 'ceo', 'cto', 'it', 'ui', 'ux', 'faq',
  'github', 'kubernetes', 'python', 'javascript', 'aws', 'sql',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'tomorrow',
]);

/**
 * The sponsor of an ad. The advertiser's sites are the ad's link hosts that are not
 * go-betweens (and the account a go-between hosts, `iterative` in github.com/iterative/…);
 * its name is the ad's own spelling of one of them, else the site's name; an ad linking
 * only to go-betweens is named from its text when the text names a company plainly.
 */
export function creditSponsor(ad: Ad): SponsorCredit {
  const urls = [ad.url, ...linkTargets(ad.body)];
  const hosts = unique(urls.map(domainOf).filter(Boolean));
  const sites = unique(hosts.filter((host) => !intermediaryKind(host)).map(registrableDomain));
  const plain = `${ad.title}\n${ad.body.replace(LINK_TARGET, ']')}`;
  const tokens = tokenize(plain);
  for (const site of sites) {
    const name = spellingOf(site.split('.')[0], tokens, tldOf(site));
    if (name) return { kind: 'ADVERTISER', key: site, name };
  }
  if (sites.length > 0) return { kind: 'ADVERTISER', key: sites[0], name: sponsorDisplayName(sites[0]) };
  for (const tenant of unique(urls.map(siteTenant).filter((tenant): tenant is string => tenant !== null))) {
    const name = spellingOf(tenant, tokens, '') ?? sponsorDisplayName(tenant);
    return { kind: 'ADVERTISER', key: keyOfName(name), name };
  }
  if (hosts.some((host) => intermediaryKind(host) === 'NEWSLETTER') || NEWSLETTER_AS_SUBJECT.test(plain)) return { kind: 'HOUSE' };
  const named = nameFromText(ad.title, plain);
  return named ? { kind: 'ADVERTISER', key: keyOfName(named), name: named } : { kind: 'UNNAMED' };
}

/** The sponsor row an ad is credited to, or null for house ads and ads that name nobody. */
export function sponsorOf(ad: Ad): SponsorIdentity | null {
  const credit = creditSponsor(ad);
  return credit.kind === 'ADVERTISER' ? { domain: credit.key, name: credit.name } : null;
}

/** `go.mezmo.com` → "Mezmo", `flashpoint-intel.com` → "Flashpoint Intel", `ibm.com` → "IBM": a name from a site alone. */
export function sponsorDisplayName(domain: string): string {
  const [name = domain] = domain.split('.');
  return name
    .split('-')
    .filter(Boolean)
    .map((word) => (/[aeiouy]/.test(word) ? word[0].toUpperCase() + word.slice(1) : word.toUpperCase()))
    .join(' ');
}

const LINK_TARGET = /\]\(([^)\s]*)\)/g;

/** The newsletter speaking of itself ("TLDR is hiring", "TLDR's founder", "news from TLDR"), not an ad's "TLDR readers". */
const NEWSLETTER_AS_SUBJECT = /\bTLDR(?:['’]s\b| is\b| are\b)|\b(?:from|in|with|at|join) TLDR\b(?! (?:readers|subscribers|users|audience))/;

function linkTargets(markdown: string): string[] {
  return Array.from(markdown.matchAll(LINK_TARGET), (match) => match[1]);
}

/** Words of the text with their folded forms; `Builder.io`, `You.com` and `dbt's` are single words, `blame.Flashpoint` two. */
function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}&]*(?:\.(?=[\p{Ll}\p{N}])[\p{L}\p{N}]+|['’-][\p{L}\p{N}]+)*/gu), ([word]) => {
    const text = word.replace(/['’]s$/i, '');
    return { text, folded: fold(text) };
  });
}

/** The key of an advertiser known only by name: a name that is a domain ("Steep.ai") is its own key. */
function keyOfName(name: string): string {
  return DOMAIN_LIKE.test(name) ? name.toLowerCase() : fold(name);
}

const DOMAIN_LIKE = /^[a-z0-9][a-z0-9-]*\.(?:ai|io|com|dev|co|app|so|sh|net|org|xyz|tech)$/i;

function fold(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function tldOf(site: string): string {
  return site.split('.').slice(1).join('');
}

/**
 * How the text spells a site's name (label `qawolf` → "QA Wolf", `datadoghq` → "Datadog",
 * `tonic` with tld `ai` → "Tonic.ai"): the longest run of up to four words folding to the label,
 * to the label and its tld, or to the label without a site affix; of equal ones, the fewest words
 * ("DoiT" rather than "Do it").
 */
function spellingOf(label: string, tokens: readonly Token[], tld: string): string | null {
  const wanted = fold(label);
  let best: string | null = null;
  let bestLength = 0;
  let bestWords = 0;
  for (let start = 0; start < tokens.length; start++) {
    let folded = '';
    for (let end = start; end < Math.min(tokens.length, start + 4); end++) {
      folded += tokens[end].folded;
      if (folded.length > wanted.length + tld.length) break;
      const words = end - start + 1;
      const better = folded.length > bestLength || (folded.length === bestLength && words < bestWords);
      // namesSite needs the label to start or end with the words (or equal them with its tld): test that before building the text.
      if (!better || !(wanted.startsWith(folded) || wanted.endsWith(folded) || folded === wanted + tld)) continue;
      const text = tokens
        .slice(start, end + 1)
        .map((token) => token.text)
        .join(' ');
      if (namesSite(folded, wanted, tld, text)) {
        best = text;
        bestLength = folded.length;
        bestWords = words;
      }
    }
  }
  return best;
}

function namesSite(folded: string, label: string, tld: string, text: string): boolean {
  const capitalised = /^[\p{Lu}\p{N}]/u.test(text);
  if (folded === label || (tld !== '' && folded === label + tld)) return capitalised || folded.length >= 3;
  if (folded.length < 2 || (folded.length === 2 && text !== text.toUpperCase()) || (!capitalised && folded.length < 3)) return false;
  return PREFIXES.some((prefix) => label === prefix + folded) || SUFFIXES.some((suffix) => label === folded + suffix);
}

/**
 * A company the text names plainly, for ads that link only to go-betweens: a possessive
 * ("Steamly's"), a link whose whole text is a name ("[Kettlecorp]"), "from/by/with X", or the
 * title's leading name ("Kettle Summit: …"). The most mentioned such name wins; none, nobody.
 */
function nameFromText(title: string, plain: string): string | null {
  const scores = new Map<string, number>();
  const add = (found: string, weight: number) => {
    const name = found.replace(/\.+$/, '');
    if (isName(name)) scores.set(name, (scores.get(name) ?? 0) + weight);
  };
  for (const [, name] of title.matchAll(/^\s*([\p{Lu}][\p{L}\p{N}.]*(?: [\p{Lu}][\p{L}\p{N}.]*){0,2})\s*[:[]/gu)) add(name, 2);
  for (const [, name] of plain.matchAll(/([\p{Lu}][\p{L}\p{N}.]*(?: [\p{Lu}][\p{L}\p{N}.]*){0,2})['’]s\b/gu)) add(name, 2);
  for (const [, name] of plain.matchAll(/\b(?:from|by|with) ([\p{Lu}][\p{L}\p{N}.]*(?: [\p{Lu}][\p{L}\p{N}.]*){0,2})/gu)) add(name, 1);
  for (const [, name] of plain.matchAll(/\[([\p{Lu}\p{N}][\p{L}\p{N}.]*(?: [\p{Lu}][\p{L}\p{N}.]*){0,2})\]/gu)) add(name, 2);
  if (scores.size === 0) return null;
  const mentions = (name: string) => plain.split(name).length - 1;
  const ranked = [...scores.entries()].map(([name, score]) => [name, score + mentions(name)] as const).sort((a, b) => b[1] - a[1]);
  return ranked[0][0];
}

function isName(name: string): boolean {
  const words = name.split(' ');
  return !NOT_A_NAME.has(fold(words[0])) && !isNewsletterBrand(words[0]) && fold(name).length >= 2;
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}

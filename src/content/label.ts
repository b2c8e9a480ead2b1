/**
 * Reading of the label a newsletter prints after an item's title, as in
 * `[### Title (8 minute read)](url)`: reading time, kind of link, sponsorship.
 */
/** What a link points at, as derived from its label and URL. */
export type LinkKind = 'ARTICLE' | 'REPO' | 'VIDEO' | 'PODCAST' | 'THREAD' | 'PRODUCT' | 'JOB' | 'HOUSE_AD' | 'OTHER';

/** "8 minute read", "1 hour read", "1 hour 5 minute read", "45 minute video". */
const DURATION_LABEL =
  /^(?:(\d+(?:\.\d+)?)\s*(?:hours?|hrs?)\b\s*)?(?:(\d+)\s*(?:minutes?|mins?)\b\s*)?(?:read|video|podcast|presentation|talk|watch|listen|course)?$/i;

const SPONSOR = /sponsor/i;

/** Job ads: the house "TLDR Job" and curator posts, and company ads labelled with place and pay. */
const JOB_LABEL = /\bjobs?\b|\bhiring\b|\bcurator\b|hrs?\/week|\/hr\b|\$\s?\d|\b(?:fully )?remote\b|\bhybrid\b|\bon-?site\b/i;

/** Label kinds, tried in order; the first whose pattern matches the label wins. */
const LABEL_KINDS: ReadonlyArray<readonly [LinkKind, RegExp]> = [
  ['REPO', /\b(?:git ?hub|git ?lab|bitbucket|codeberg|hugging ?face)\b|\brepo(?:sitory)?\b/i],
  ['VIDEO', /\b(?:video|youtube|presentation|talk|webinar|livestream|watch)\b/i],
  ['PODCAST', /\b(?:podcast|episode|listen)\b/i],
  ['THREAD', /\b(?:thread|discussion)\b/i],
  ['PRODUCT', /\b(?:product(?: launch)?|tool|website|web ?app|app|launch|extension|plugin|platform|service)\b/i],
  ['ARTICLE', /\b(?:read|book|guide|paper|pdf|blog|docs?|report|tutorial|article)\b/i],
];

/** URL kinds, which say more than a bare reading time does. */
const URL_KINDS: ReadonlyArray<readonly [LinkKind, RegExp]> = [
  ['REPO', /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org)\/[^/?#]+\/[^/?#]+\/?(?:[?#]|$|tree\/)/i],
  ['REPO', /^https?:\/\/(?:www\.)?huggingface\.co\/(?!blog\/|papers\/|docs\/|learn\/)[^/?#]+\/[^/?#]+\/?(?:[?#]|$)/i],
  ['VIDEO', /^https?:\/\/(?:(?:www|m)\.youtube\.com\/(?:watch|live|shorts|embed)\b|youtu\.be\/|(?:www\.)?vimeo\.com\/\d)/i],
  ['PODCAST', /^https?:\/\/(?:podcasts\.apple\.com\/|open\.spotify\.com\/(?:episode|show)\/|[^/]*\.podbean\.com\/e\/)/i],
  ['THREAD', /^https?:\/\/(?:news\.ycombinator\.com\/item|(?:www\.|old\.)?reddit\.com\/r\/[^/]+\/comments\/|threadreaderapp\.com\/thread\/)/i],
];

/** Minutes of reading or watching the label announces, or null when it announces none. */
export function readMinutes(label: string | null): number | null {
  const match = label === null ? null : DURATION_LABEL.exec(label.trim());
  if (!match || (match[1] === undefined && match[2] === undefined)) return null;
  return Math.round(Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0));
}

/** Whether the label marks a paid placement ("Sponsor", "GitHub Repo Sponsor"). */
export function isSponsored(label: string | null): boolean {
  return label !== null && SPONSOR.test(label);
}

/**
 * The label decides when it names a kind; a URL that is plainly a repository,
 * video, podcast or thread decides over a bare reading time; otherwise OTHER.
 */
export function linkKind(label: string | null, url: string): LinkKind {
  const text = (label ?? '').replace(/\bsponsor(?:ed)?\b/gi, '').trim();
  if (text !== '' && readMinutes(text) === null && JOB_LABEL.test(text)) return 'JOB';
  const fromLabel = LABEL_KINDS.find(([, pattern]) => pattern.test(text))?.[0];
  if (fromLabel && fromLabel !== 'ARTICLE') return fromLabel;
  const fromUrl = URL_KINDS.find(([, pattern]) => pattern.test(url))?.[0];
  return fromUrl ?? (fromLabel || readMinutes(text) !== null ? 'ARTICLE' : 'OTHER');
}

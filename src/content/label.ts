/**
 * Reading of the label a newsletter prints after an item's title, as in
 * `[### Title (8 minute read)](url)`: reading time, kind of link, sponsorship.
 */
/** What a link points at, as derived from its label and URL. */
export type LinkKind = 'ARTICLE' | 'REPO' | 'VIDEO' | 'PODCAST' | 'THREAD' | 'PRODUCT' | 'JOB' | 'HOUSE_AD' | 'OTHER';

/** Words a duration label may end with: what the time is spent on. */
const DURATION_NOUN =
  String.raw`(?:read|video|podcast|audio|presentation|talk|watch|listen|course|episode|interview|webinar|livestream|lecture|keynote|demo)`;

/**
 * "8 minute read", "45 second read", "1 hour 5 minute read", "12-minute audio", "1 hour podcast",
 * "1.5 hr video", "2 minutes and 30 seconds listen": hours, minutes and seconds, each optional.
 */
const DURATION_LABEL = new RegExp(
  String.raw`^(?:(\d+(?:\.\d+)?)[\s-]*(?:hours?|hrs?)\b[\s,]*(?:and\s+)?)?` +
    String.raw`(?:(\d+(?:\.\d+)?)[\s-]*(?:minutes?|mins?)\b[\s,]*(?:and\s+)?)?` +
    String.raw`(?:(\d+(?:\.\d+)?)[\s-]*(?:seconds?|secs?)\b\s*)?${DURATION_NOUN}?$`,
  'i',
);

const SPONSOR = /sponsor/i;

/** Job ads: the house "TLDR Job" and curator posts, and company ads labelled with place and pay. */
const JOB_LABEL = /\bjobs?\b|\bhiring\b|\bcurator\b|hrs?\/week|\/hr\b|\$\s?\d|\b(?:fully )?remote\b|\bhybrid\b|\bon-?site\b/i;

/** Label kinds, tried in order; the first whose pattern matches the label wins. */
const LABEL_KINDS: ReadonlyArray<readonly [LinkKind, RegExp]> = [
  ['REPO', /\b(?:git ?hub|git ?lab|bitbucket|codeberg|hugging ?face)\b|\brepo(?:sitory)?\b/i],
  ['VIDEO', /\b(?:video|youtube|presentation|talk|webinar|livestream|watch|lecture|keynote)\b/i],
  ['PODCAST', /\b(?:podcast|episode|listen|audio)\b/i],
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

/** Minutes of reading, watching or listening the label announces, rounded up; null when it announces none. */
export function readMinutes(label: string | null): number | null {
  const match = label === null ? null : DURATION_LABEL.exec(label.trim());
  if (!match || (match[1] === undefined && match[2] === undefined && match[3] === undefined)) return null;
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0);
  return Math.ceil(Math.round(seconds) / 60);
}

/** Whether the label marks a paid placement ("Sponsor", "GitHub Repo Sponsor"). */
export function isSponsored(label: string | null): boolean {
  return label !== null && SPONSOR.test(label);
}

/** The label without the word that marks sponsorship ("GitHub Repo Sponsor" → "GitHub Repo"). */
function withoutSponsor(label: string | null): string {
  return label === null ? '' : SPONSOR.test(label) ? label.replace(/\bsponsor(?:ed)?\b/gi, '').trim() : label.trim();
}

/** A job ad's label: a house job or curator post, or a company's place and pay. */
function isJobText(text: string): boolean {
  return text !== '' && JOB_LABEL.test(text) && readMinutes(text) === null;
}

function isJobLabel(label: string | null): boolean {
  return isJobText(withoutSponsor(label));
}

/** Where a link is printed, when that says something its label does not. */
export interface LinkContext {
  /** The link sits in a section of job posts, where a label naming only a place means a job. */
  jobSection?: boolean;
}

/**
 * The label decides when it names a kind; in a job section, a label that is only a
 * place ("San Francisco, CA") is a job; a URL that is plainly a repository, video,
 * podcast or thread decides over a bare reading time; otherwise OTHER.
 */
export function linkKind(label: string | null, url: string, context: LinkContext = {}): LinkKind {
  const text = withoutSponsor(label);
  if (isJobText(text)) return 'JOB';
  const fromLabel = LABEL_KINDS.find(([, pattern]) => pattern.test(text))?.[0];
  if (context.jobSection && !fromLabel && PLACE_LABEL.test(text)) return 'JOB';
  if (fromLabel && fromLabel !== 'ARTICLE') return fromLabel;
  const fromUrl = URL_KINDS.find(([, pattern]) => pattern.test(url))?.[0];
  return fromUrl ?? (fromLabel || readMinutes(text) !== null ? 'ARTICLE' : 'OTHER');
}

/** One place name: capitalised words ("San Francisco", "NYC", "St. Louis"), with the small words inside names ("Frankfurt am Main"). */
const PLACE = String.raw`\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|am|an|de|del|della|der|di|do|dos|du|en|la|le|los|of|on|upon|sur))*`;

/** "San Francisco, CA", "London / Berlin", "Austin, TX or New York", "Remote" (JOB_LABEL already knows remote and hybrid). */
const PLACE_LABEL = new RegExp(String.raw`^${PLACE}(?:\s*(?:[,/|;·&]|\bor\b|\band\b|\s[-–]\s)\s*${PLACE})*$`, 'u');

/** Section titles that announce job posts. */
const JOB_SECTION_TITLE = /\b(?:jobs?|careers?|hiring|open roles|job board|positions)\b/i;

/** URLs of job postings: a `/jobs/` or `/careers/` path, or an applicant-tracking site. */
const JOB_URL = /^[a-z]+:\/\/[^/]+\/(?:.*\/)?(?:jobs?|careers?)\/|^https?:\/\/(?:boards\.greenhouse\.io|jobs\.lever\.co|jobs\.ashbyhq\.com|apply\.workable\.com)\//i;

/**
 * Whether a section holds job posts: its title says so, or at least half of its
 * items are job posts by their own label or URL.
 */
export function isJobSection(title: string | null, items: ReadonlyArray<{ label: string | null; url: string }>): boolean {
  if (title !== null && JOB_SECTION_TITLE.test(title)) return true;
  const jobs = items.filter((item) => JOB_URL.test(item.url.trim()) || isJobLabel(item.label)).length;
  return items.length > 0 && jobs * 2 >= items.length;
}

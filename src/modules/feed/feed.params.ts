import { validate, ValidationError } from '../../common/validation';
import { BadUserInputError } from '../../common/errors';
import { quote } from '../../common/excerpt';
import { isIsoDate } from '../../common/scalars';
import { DateRangeInput, TagFilterInput } from '../issue/issue.inputs';
import { IssueStatus } from '../issue/issue-status';
import { LinkKind } from '../link/link-kind';
import { LinkFilter } from '../link/link.inputs';
import { MAX_QUERY_LENGTH } from '../search/search.inputs';

/**
 * What a feed URL asks for: the path names the feed and its format, the query
 * string its page size, its link filter (the fields of GraphQL's LinkFilter)
 * and the reader's feed token.
 */

export type FeedFormat = 'rss' | 'atom' | 'json';
export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

/** A newsletter's feed (one item per issue), or a feed of links: of a category, of a tag, or of any filter. */
export type FeedSubject =
  | { kind: 'newsletter'; slug: string }
  | { kind: 'category'; slug: string }
  | { kind: 'tag'; slug: string }
  | { kind: 'links' };

export interface FeedRequest {
  subject: FeedSubject;
  format: FeedFormat;
  limit: number;
  /** The link filter of a links feed; the category or tag of those feeds. */
  filter: LinkFilter;
  /** Only links matching this search query (`q`), as search matches them; null without one. */
  query: string | null;
  /** Each story (canonical URL) once, as `links(distinct: true)`. */
  distinct: boolean;
}

export const DEFAULT_FEED_LIMIT = 50;
export const MAX_FEED_LIMIT = 100;

const SUBJECT_KINDS: Record<string, 'newsletter' | 'category' | 'tag'> = { newsletters: 'newsletter', categories: 'category', tags: 'tag' };
const PATH = /^\/(?:(newsletters|categories|tags)\/([^/]+)|(links))\.(rss|atom|json)$/;

/** The feed a path (below /feeds) names, or null when it names none. */
export function parseFeedPath(path: string): { subject: FeedSubject; format: FeedFormat } | null {
  const match = PATH.exec(path);
  if (!match) return null;
  const format = match[4] as FeedFormat;
  if (match[3]) return { subject: { kind: 'links' }, format };
  let slug: string;
  try {
    slug = decodeURIComponent(match[2]);
  } catch {
    return null;
  }
  return { subject: { kind: SUBJECT_KINDS[match[1]], slug }, format };
}

/** The query string of a request URL (`/feeds/links.atom?tags=x`), parsed; `+` reads as a space. */
export function queryOf(url: string): URLSearchParams {
  const at = url.indexOf('?');
  return new URLSearchParams(at < 0 ? '' : url.slice(at + 1));
}

/** The feed token a request URL carries (`?token=`), or null. */
export function feedTokenOf(url: string): string | null {
  return queryOf(url).get('token');
}

/** Parameters every feed takes. */
const COMMON = ['limit', 'token'];
/** Parameters of the links feed: LinkFilter's fields by their paths (`tags` is short for `tags.any`), and `q`. */
const LINK_PARAMS = [
  'newsletters', 'categories', 'tags', 'tags.any', 'tags.all', 'tags.none', 'kinds', 'domains', 'sponsored',
  'date.from', 'date.to', 'statuses', 'url', 'distinct', 'q',
];

/** Every value of a list parameter: repeated (`tags=a&tags=b`) or comma-separated (`tags=a,b`); blanks dropped. */
function list(params: URLSearchParams, name: string): string[] | undefined {
  if (!params.has(name)) return undefined;
  return params.getAll(name).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
}

function single(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new BadUserInputError(`${name} may be given once.`, { field: name });
  return values[0]?.trim();
}

function limitOf(params: URLSearchParams): number {
  const raw = single(params, 'limit');
  if (raw === undefined) return DEFAULT_FEED_LIMIT;
  const limit = /^\d{1,3}$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= MAX_FEED_LIMIT)) {
    throw new BadUserInputError(`limit must be a whole number from 1 to ${MAX_FEED_LIMIT}, got ${quote(raw)}.`, { field: 'limit' });
  }
  return limit;
}

function enumList<T extends string>(params: URLSearchParams, name: string, values: Record<string, T>): T[] | undefined {
  const given = list(params, name);
  return given?.map((value) => {
    const known = values[value.toUpperCase() as keyof typeof values];
    if (!known) throw new BadUserInputError(`${name}: ${quote(value)} is not one of ${Object.values(values).join(', ')}.`, { field: name });
    return known;
  });
}

function dateOf(params: URLSearchParams, name: string): string | undefined {
  const raw = single(params, name);
  if (raw === undefined || raw === '') return undefined;
  if (!isIsoDate(raw)) throw new BadUserInputError(`${name} must be a calendar day written YYYY-MM-DD, got ${quote(raw)}.`, { field: name });
  return raw;
}

function booleanOf(params: URLSearchParams, name: string): boolean | undefined {
  const raw = single(params, name);
  if (raw === undefined || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false') throw new BadUserInputError(`${name} must be true or false, got ${quote(raw)}.`, { field: name });
  return raw === 'true';
}

/** The link filter the links feed's parameters describe, as GraphQL's `links(filter:)` would receive it. */
function linkFilterOf(params: URLSearchParams): LinkFilter {
  const filter = new LinkFilter();
  const tagsAny = [...(list(params, 'tags') ?? []), ...(list(params, 'tags.any') ?? [])];
  const tags = Object.assign(new TagFilterInput(), { any: tagsAny, all: list(params, 'tags.all'), none: list(params, 'tags.none') });
  const date = Object.assign(new DateRangeInput(), { from: dateOf(params, 'date.from'), to: dateOf(params, 'date.to') });
  return Object.assign(filter, {
    newsletters: list(params, 'newsletters'),
    categories: list(params, 'categories'),
    tags,
    kinds: enumList(params, 'kinds', LinkKind),
    domains: list(params, 'domains'),
    sponsored: booleanOf(params, 'sponsored'),
    date,
    statuses: enumList(params, 'statuses', IssueStatus),
    url: single(params, 'url') || undefined,
  });
}

/** The first constraint a filter breaks, by its path (`tags.any`), as GraphQL's validation names it. */
function firstFailure(errors: ValidationError[], parent = ''): { field: string; message: string } | null {
  for (const error of errors) {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const message = Object.values(error.constraints ?? {})[0];
    if (message) return { field, message };
    const nested = firstFailure(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/** Reads and checks a feed's query string: unknown parameters and bad values are refused with BAD_USER_INPUT naming the parameter. */
export async function parseFeedRequest(subject: FeedSubject, format: FeedFormat, params: URLSearchParams): Promise<FeedRequest> {
  const accepted = subject.kind === 'links' ? [...COMMON, ...LINK_PARAMS] : COMMON;
  for (const name of new Set(params.keys())) {
    if (!accepted.includes(name)) {
      throw new BadUserInputError(`Unknown parameter ${quote(name)}: this feed takes ${accepted.join(', ')}.`, { field: name.slice(0, 64) });
    }
  }
  const base = { subject, format, limit: limitOf(params), query: null, distinct: false };
  if (subject.kind === 'newsletter') return { ...base, filter: Object.assign(new LinkFilter(), { newsletters: [subject.slug] }) };
  if (subject.kind === 'category') return { ...base, filter: Object.assign(new LinkFilter(), { categories: [subject.slug] }) };
  if (subject.kind === 'tag') return { ...base, filter: Object.assign(new LinkFilter(), { tags: Object.assign(new TagFilterInput(), { any: [subject.slug] }) }) };
  const filter = linkFilterOf(params);
  const failure = firstFailure(await validate(filter, { forbidUnknownValues: false, skipUndefinedProperties: true }));
  if (failure) throw new BadUserInputError(`Invalid parameter ${failure.field}: ${failure.message}`, { field: failure.field });
  const query = single(params, 'q');
  if (query && query.length > MAX_QUERY_LENGTH) {
    throw new BadUserInputError(`q may be at most ${MAX_QUERY_LENGTH} characters, got ${query.length}.`, { field: 'q' });
  }
  return { ...base, filter, query: query ? query : null, distinct: booleanOf(params, 'distinct') ?? false };
}

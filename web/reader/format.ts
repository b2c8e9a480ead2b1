/** The reader's root path; every page lives under it. */
export const BASE = '/read/';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** A calendar date as the API takes it (2026-11-24), checked before asking so a typo in a URL is "not found", not an error. */
export function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function isSlug(value: string): boolean {
  return SLUG.test(value);
}

/** "Tue, 24 November 2026": issue dates are calendar days, shown in UTC so no time zone moves them. */
export function longDate(value: string): string {
  return new Date(`${value}T00:00:00Z`).toLocaleDateString('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** Reader paths, built in one place. */
export const paths = {
  home: () => BASE,
  archive: (newsletter: string, after?: string | null) => `${BASE}${encodeURIComponent(newsletter)}/${after ? `?after=${encodeURIComponent(after)}` : ''}`,
  issue: (newsletter: string, date: string) => `${BASE}${encodeURIComponent(newsletter)}/${date}`,
  tag: (tag: string, after?: string | null) => `${BASE}tags/${encodeURIComponent(tag)}${after ? `?after=${encodeURIComponent(after)}` : ''}`,
  search: (query: string, after?: string | null) =>
    `${BASE}search?q=${encodeURIComponent(query)}${after ? `&after=${encodeURIComponent(after)}` : ''}`,
};

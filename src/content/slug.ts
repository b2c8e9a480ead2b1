import { createHash } from 'node:crypto';

/** `Headlines & Launches` → `headlines-and-launches`; a title with no Latin letters or digits keeps a stable code instead. */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || `section-${createHash('sha256').update(text).digest('hex').slice(0, 12)}`;
}

/** What a newsletter, category or tag slug may contain: lower-case letters, digits and hyphens. */
export const SLUG_PATTERN = /^[a-z0-9-]+$/;
export const SLUG_MESSAGE = 'slug must be lower-case letters, digits and hyphens';

/** A display name: at least one character that is not white space. */
export const NOT_BLANK = /\S/;

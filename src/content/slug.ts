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

/**
 * Brings an answer of either server to one form so the two can be compared:
 * connections become lists of nodes, PostGraphile's link_tag rows become tags,
 * neighbours fetched through the newsletter move up to the issue, ids become
 * strings, times become ISO strings; cursors (opaque, different by design) go.
 */
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const DROPPED = new Set(['cursor', 'endCursor', 'startCursor']);

function single(value: Json): Json {
  return Array.isArray(value) ? (value[0] ?? null) : value;
}

function bySlug(tags: Json): Json {
  if (!Array.isArray(tags)) return tags;
  return [...tags].sort((a, b) => String((a as Record<string, Json>).slug).localeCompare(String((b as Record<string, Json>).slug)));
}

function walk(value: Json): Json {
  if (Array.isArray(value)) return value.map(walk);
  if (value === null || typeof value !== 'object') return value;
  const keys = Object.keys(value).filter((key) => !DROPPED.has(key));
  // A connection asked for its nodes only (PostGraphile's nested lists): the list itself.
  if (keys.length === 1 && keys[0] === 'nodes') return walk(value.nodes);
  const out: Record<string, Json> = {};
  for (const key of keys) {
    let item = value[key];
    if (key === 'edges' && Array.isArray(item)) {
      out.nodes = walk(item.map((edge) => (edge as Record<string, Json>).node));
      continue;
    }
    if (key === 'linkTags') {
      out.tags = bySlug((walk(item) as Json[]).map((row) => (row as Record<string, Json>).tag));
      continue;
    }
    item = walk(item);
    if (key === 'tags') item = bySlug(item);
    if (key === 'id' && typeof item === 'number') item = String(item);
    if ((key === 'publishedAt' || key === 'publishAt') && typeof item === 'string') item = new Date(item).toISOString();
    if (key === 'previous' || key === 'next') item = single(item);
    out[key] = item;
  }
  const newsletter = out.newsletter as Record<string, Json> | undefined;
  if (newsletter && typeof newsletter === 'object' && 'previous' in newsletter) {
    const { previous, next, ...rest } = newsletter;
    out.newsletter = rest;
    out.previous = previous;
    out.next = next;
  }
  return out;
}

/** The `data` of an answer in the common form; the extensions (cost) are left out. */
export function normalise(answer: unknown): Json {
  return walk(((answer as { data?: Json }).data ?? null) as Json);
}

/** The first place two normalised answers differ, or null when they agree. */
export function firstDifference(a: Json, b: Json, at = '$'): string | null {
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${at}: ${a.length} items against ${b.length}`;
    for (let i = 0; i < a.length; i += 1) {
      const found = firstDifference(a[i], b[i], `${at}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (a && b && typeof a === 'object' && typeof b === 'object' && !Array.isArray(a) && !Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of [...keys].sort()) {
      const found = firstDifference(a[key] ?? null, b[key] ?? null, `${at}.${key}`);
      if (found) return found;
    }
    return null;
  }
  return a === b ? null : `${at}: ${JSON.stringify(a)?.slice(0, 120)} against ${JSON.stringify(b)?.slice(0, 120)}`;
}

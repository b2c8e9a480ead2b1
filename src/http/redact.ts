/** What a secret in a logged URL is replaced with. */
export const REDACTED = 'REDACTED';

/** Query parameters that carry a secret: a feed URL's `token`. */
const SECRET_PARAMS = new Set(['token']);

function paramName(raw: string): string {
  const name = raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name).trim().toLowerCase();
  } catch {
    return name.trim().toLowerCase();
  }
}

/**
 * A request URL (path and query, or a whole URL) fit for a log line or a metric
 * label: the value of every `token` parameter is replaced by REDACTED, however the
 * name is spelled or encoded; everything else is kept as it was.
 */
export function redactUrl(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const hashAt = url.indexOf('#', queryAt);
  const end = hashAt < 0 ? url.length : hashAt;
  const pairs = url.slice(queryAt + 1, end).split(/([&;])/);
  const redacted = pairs.map((part) => {
    if (part === '&' || part === ';') return part;
    const equals = part.indexOf('=');
    const name = equals < 0 ? part : part.slice(0, equals);
    return SECRET_PARAMS.has(paramName(name)) && equals >= 0 ? `${name}=${REDACTED}` : part;
  });
  return `${url.slice(0, queryAt + 1)}${redacted.join('')}${url.slice(end)}`;
}

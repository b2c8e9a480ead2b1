import type express from 'express';

/**
 * What the API serves to browsers (GraphiQL, the reader): pages and assets
 * from this server only, under a policy that lets a page load or call nothing
 * from any other host.
 */

export const BROWSER_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': [
    "default-src 'self'",
    "script-src 'self'",
    // GraphiQL's editors set style attributes; scripts stay 'self' only.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
});

/** True for a GET a person's browser sends for a page: it prefers HTML to JSON. */
export function wantsHtml(req: express.Request): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

/** Sends a page (or script) built in memory; it changes only with a deploy, so browsers revalidate it by ETag. */
export function sendPage(res: express.Response, body: string, type = 'html'): void {
  res.set(BROWSER_HEADERS).set('cache-control', 'no-cache').type(type).send(body);
}

/** Sends one file from disk (ETag, Last-Modified, 304 and HEAD handled by Express), revalidated by ETag; `missing` when it is not there. */
export function sendAsset(res: express.Response, missing: () => void, file: string): void {
  res.set(BROWSER_HEADERS);
  res.sendFile(file, { headers: { 'cache-control': 'no-cache' }, cacheControl: false, dotfiles: 'deny' }, (error?: Error) => {
    if (error && !res.headersSent) missing();
  });
}

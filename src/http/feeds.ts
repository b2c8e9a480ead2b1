import type express from 'express';
import { GraphQLError, GraphQLFormattedError, GraphQLSchema } from 'graphql';
import { authenticateFeedToken, PUBLIC_VIEWER, Viewer } from '../auth/policy';
import { withDeadline } from '../common/deadline';
import { AppError } from '../common/errors';
import { quote } from '../common/excerpt';
import { formatError, transientFailure } from '../common/format-error';
import type { FeedSettings } from '../config';
import { Admissions } from '../limits/admission';
import { currentRequest } from '../observability/request-record';
import { feedCost } from '../modules/feed/feed.cost';
import { FeedFormat, feedTokenOf, parseFeedPath, parseFeedRequest, queryOf } from '../modules/feed/feed.params';
import { CONTENT_TYPES, renderFeed } from '../modules/feed/feed.render';
import { FeedBuilder, FeedSite } from '../modules/feed/feed.service';
import type { Services } from '../services';
import { redactUrl } from './redact';
import { etagOf, matchingEtag } from './representation';

/**
 * GET /feeds/...: RSS, Atom and JSON Feed over the same services, viewer and
 * admission as GraphQL. A reader that cannot send headers brings a feed token
 * in the query string; the token is read once, here, and the request's URL is
 * redacted before anything else (a logger, an error handler) can see it.
 */

export interface FeedRouteOptions {
  services: Services;
  admissions: Admissions;
  schema: GraphQLSchema;
  settings: FeedSettings;
  deadlineMs: number;
  retryAfterS: number;
}

/** HTTP status of a refusal, by code, where the error does not carry one. */
const STATUS_OF: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};


const FEED_PATHS = '/feeds/newsletters/{slug}, /feeds/categories/{slug}, /feeds/tags/{slug} and /feeds/links, each .rss, .atom or .json';

function origin(req: express.Request, settings: FeedSettings): string {
  return settings.publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/** Where the feed's ids and links point; its own URL never carries the token. */
function siteOf(req: express.Request, settings: FeedSettings, params: URLSearchParams): FeedSite {
  const kept = new URLSearchParams(params);
  kept.delete('token');
  const query = kept.toString();
  const authority = settings.publicUrl ? new URL(settings.publicUrl).hostname : 'localhost';
  return { idAuthority: authority, issueUrl: settings.issueUrl, selfUrl: `${origin(req, settings)}${req.baseUrl}${req.path}${query ? `?${query}` : ''}` };
}

/**
 * The reader's copy is current (RFC 9110 13.1): If-None-Match, when sent, decides
 * (weak comparison); else If-Modified-Since against Last-Modified, to the second.
 * A request's Cache-Control is for caches on the way and does not change this
 * (fetch() adds `no-cache` to every conditional request).
 */
function notModified(req: express.Request, etag: string, lastModified: Date): boolean {
  if (req.headers['if-none-match'] !== undefined) return matchingEtag(req, [etag]) !== null;
  const since = Date.parse(req.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/** Answers 200 with the feed, or 304 when the reader's copy (If-None-Match, else If-Modified-Since) is current. */
function sendFeed(req: express.Request, res: express.Response, body: string, updated: Date, format: FeedFormat, withToken: boolean): void {
  const etag = etagOf(body);
  res.set({
    'Content-Type': CONTENT_TYPES[format],
    ETag: etag,
    'Last-Modified': updated.toUTCString(),
    // A token's feed is its key's own view: no shared cache may keep it. Readers revalidate with ETag either way.
    'Cache-Control': withToken ? 'private, no-cache' : 'public, no-cache',
    ...(withToken ? { 'Referrer-Policy': 'no-referrer' } : {}),
  });
  if (notModified(req, etag, updated)) {
    res.status(304).end();
    return;
  }
  res.status(200).send(body);
}

/** A refusal or failure as JSON with a code, masked by the same formatError as GraphQL's (no stack, no SQL). */
function sendFailure(res: express.Response, error: unknown, retryAfterS: number): void {
  if (res.headersSent) return;
  const formatted: GraphQLFormattedError = formatError(
    error instanceof GraphQLError ? error.toJSON() : { message: error instanceof Error ? error.message : String(error) },
    error,
  );
  const extensions: Record<string, unknown> = { ...formatted.extensions };
  delete extensions.http;
  const code = typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR';
  const declared = error instanceof GraphQLError ? (error.extensions.http as { status?: number } | undefined)?.status : undefined;
  const transient = transientFailure(error) !== null;
  const status = transient ? 503 : (declared ?? STATUS_OF[code] ?? 500);
  const record = currentRequest();
  if (record) record.errorCode = code;
  if (transient) res.setHeader('Retry-After', String(retryAfterS));
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message: formatted.message, extensions }] }));
}

export function feedRoutes(options: FeedRouteOptions): express.RequestHandler {
  const { services, schema, settings } = options;
  return async (req, res) => {
    const params = queryOf(req.originalUrl);
    const token = feedTokenOf(req.originalUrl);
    // From here on, whatever logs this request sees no secret.
    req.url = redactUrl(req.url);
    req.originalUrl = redactUrl(req.originalUrl);
    try {
      await withDeadline(options.deadlineMs, async () => {
        const identity: Promise<Viewer> = token === null ? Promise.resolve(PUBLIC_VIEWER) : authenticateFeedToken(token, services.feedTokens);
        // Every request pays its admission, a refused or misdirected one included.
        const viewer = await options.admissions.admitViewer(res, identity);
        const record = currentRequest();
        if (record) record.keyId = viewer.actor?.keyId ?? null;
        const target = parseFeedPath(req.path);
        if (!target) throw new AppError('NOT_FOUND', `No feed at ${quote(req.path)}: feeds are ${FEED_PATHS}.`);
        // Logs and metrics name a feed by its kind (a handful of values), as they name GraphQL operations.
        if (record) record.operation = `feed:${target.subject.kind}`;
        const request = await parseFeedRequest(target.subject, target.format, params);
        const cost = feedCost(schema, request);
        if (record) record.cost = cost;
        await Admissions.of(res)?.spend(cost);
        const site = siteOf(req, settings, params);
        const document = await new FeedBuilder(services, viewer, site).build(request);
        const body = await renderFeed(document, target.format, { home: site.selfUrl, self: token === null ? site.selfUrl : null });
        sendFeed(req, res, body, document.updated, target.format, token !== null);
      });
    } catch (error) {
      sendFailure(res, error, options.retryAfterS);
    }
  };
}

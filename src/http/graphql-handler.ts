import { parse } from 'node:url';
import { ApolloServer, HeaderMap, HTTPGraphQLRequest } from '@apollo/server';
import type express from 'express';
import { withDeadline } from '../common/deadline';
import { AppError } from '../common/errors';
import { transientFailure } from '../common/format-error';
import type { Context } from '../context';
import type { OutageLog } from './outage';
import type { Admitted, ResponseCaching } from './response-caching';
import { sendError } from './responses';

export interface GraphQLHandlerOptions {
  /** Who is calling, admitted to their quota: all the cache needs to answer (auth/policy.ts, limits/admission.ts). */
  admit: (args: { req: express.Request; res: express.Response }) => Promise<Admitted>;
  /** The request's GraphQL context, once it is admitted. */
  context: (admitted: Admitted) => Context;
  /** What is cached, for whom and how long (response-caching.ts). */
  caching: ResponseCaching;
  /** Longest the server works on one request before answering EXECUTION_TIMEOUT (503). */
  deadlineMs: number;
  retryAfterS: number;
  outage: OutageLog;
}

function graphQLRequest(req: express.Request): HTTPGraphQLRequest {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return { method: req.method.toUpperCase(), headers, search: parse(req.url).search ?? '', body: req.body };
}

/**
 * Apollo's Express integration (@as-integrations/express5), plus the response
 * cache (response-caching.ts: a request it may answer is admitted first, to
 * know the viewer) and the request deadline: past it the client is
 * answered 503 EXECUTION_TIMEOUT at once, and the work still running sends no
 * further SQL (src/db/data-source.ts). A context that fails because the
 * database is down is answered 503 as well.
 */
export function graphqlHandler(apollo: ApolloServer<Context>, options: GraphQLHandlerOptions): express.RequestHandler {
  const retryAfter = String(options.retryAfterS);
  const contextFailure = (error: unknown, startedAt: number): unknown => {
    const failure = transientFailure(error);
    if (!failure) return error;
    if (failure.code === 'SERVICE_UNAVAILABLE') options.outage.refused(failure.reason, startedAt);
    return new AppError(failure.code, failure.message, { http: { status: 503, headers: new HeaderMap([['retry-after', retryAfter]]) } });
  };

  return (req, res, next) => {
    const startedAt = Date.now();
    const timer = setTimeout(() => {
      if (res.headersSent) return;
      const message = `The request took longer than ${options.deadlineMs} ms and was stopped. Retry shortly, or ask for less.`;
      sendError(res, 503, 'EXECUTION_TIMEOUT', message, { 'retry-after': retryAfter });
    }, options.deadlineMs);
    let made: Admitted | null = null;
    const admit = () => options.admit({ req, res }).then((admitted) => (made = admitted));
    const execution = withDeadline(options.deadlineMs, () => {
      const early = options.caching.mayAnswer(req) ? admit() : null;
      return options.caching.serve(req, early, () => made, () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: graphQLRequest(req),
          context: async () => {
            try {
              return options.context(await (early ?? admit()));
            } catch (error) {
              throw contextFailure(error, startedAt);
            }
          },
        }),
      );
    });
    execution
      .then(async (response) => {
        clearTimeout(timer);
        // Answered already: the deadline passed.
        if (res.headersSent) return;
        for (const [key, value] of response.headers) res.setHeader(key, value);
        res.statusCode = response.status ?? 200;
        // Sent as they are (not res.send): ETags and 304s of GraphQL answers are decided by response-caching.ts alone.
        if (response.body.kind !== 'chunked') {
          const bytes = response.body.kind === 'bytes' ? response.body.bytes : Buffer.from(response.body.string);
          if (response.status !== 304) res.setHeader('content-length', bytes.length);
          res.end(bytes);
          return;
        }
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      })
      .catch((error: unknown) => {
        clearTimeout(timer);
        if (!res.headersSent) next(error);
      });
  };
}

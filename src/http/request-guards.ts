import http from 'node:http';
import type { Duplex } from 'node:stream';
import type express from 'express';
import { Messages } from '../common/errors';
import { quote } from '../common/excerpt';
import type { TimeoutSettings } from '../config';
import { sendError, sendErrorOnSocket } from './responses';

/**
 * Request-level policy of the HTTP server: its timeouts, and a JSON answer
 * with a code for every request that never reaches GraphQL (malformed, too
 * slow, too large, an unknown path, a method a path does not take).
 */

/** node:http options: time limits for receiving a request, checked every second. */
export function httpServerOptions(settings: Pick<TimeoutSettings, 'httpHeadersTimeoutMs' | 'httpRequestTimeoutMs'>): http.ServerOptions {
  return {
    headersTimeout: settings.httpHeadersTimeoutMs,
    requestTimeout: settings.httpRequestTimeoutMs,
    // node looks for overdue requests this often (30 s by default, which would stretch the limits above).
    connectionsCheckingInterval: Math.min(1000, settings.httpHeadersTimeoutMs),
  };
}

type ClientError = Error & { code?: string };

/** What node:http could not parse or did not receive in time, answered as JSON instead of a bare status line. */
function answerClientError(error: ClientError, socket: Duplex): void {
  const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === 'ECONNRESET' || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    sendErrorOnSocket(socket, 408, 'REQUEST_TIMEOUT', 'The request was not received in time.');
  } else if (error.code === 'HPE_HEADER_OVERFLOW') {
    sendErrorOnSocket(socket, 431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', 'The request headers are too large.');
  } else {
    sendErrorOnSocket(socket, 400, 'BAD_REQUEST', 'The request is not valid HTTP.');
  }
}

/** Hides the framework and answers malformed HTTP with JSON. */
export function guardServer(app: express.Express, httpServer: http.Server): void {
  app.disable('x-powered-by');
  httpServer.on('clientError', answerClientError);
}

/** Refuses, with 405 and Allow, any method the path does not take (HEAD goes with GET). */
export function allowMethods(...methods: string[]): express.RequestHandler {
  const allowed = new Set(methods.includes('GET') ? [...methods, 'HEAD'] : methods);
  return (req, res, next) => {
    if (allowed.has(req.method)) return next();
    sendError(res, 405, 'METHOD_NOT_ALLOWED', `${quote(req.method, 16)} is not allowed here: use ${methods.join(' or ')}.`, {
      allow: [...allowed].join(', '),
    });
  };
}

/** Every path the server does not serve. */
export function notFound(req: express.Request, res: express.Response): void {
  sendError(res, 404, 'NOT_FOUND', `Nothing at ${quote(req.path)}: the API is at /graphql.`);
}

/** Largest request body; an imported issue is sent inside one. */
export const BODY_LIMIT = '5mb';

interface BodyError {
  status?: number;
  type?: string;
  encoding?: string;
  charset?: string;
}

/** The code and message for a body Express refused (body-parser's error types). */
function bodyFailure(error: BodyError): { status: number; code: string; message: string } {
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'Request body is not valid JSON.' };
    case 'entity.too.large':
      return { status: 413, code: 'PAYLOAD_TOO_LARGE', message: `Request body too large: the limit is ${BODY_LIMIT}.` };
    case 'encoding.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: `Content-Encoding ${quote(error.encoding ?? '', 32)} is not supported: send identity, gzip, deflate or br.`,
      };
    case 'charset.unsupported':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: `Charset ${quote(error.charset ?? '', 32)} is not supported: send utf-8.` };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, code: 'BAD_REQUEST', message: 'Request body ended before its announced length.' };
    default:
      if (error.status === 400) return { status: 400, code: 'BAD_REQUEST', message: 'Request body could not be read.' };
      return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: Messages.internal };
  }
}

/** Bodies Express refuses before GraphQL sees them: a JSON error with a code, never a stack trace. */
export function requestErrorHandler(error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction): void {
  if (res.headersSent) return next(error);
  const failure = bodyFailure((error ?? {}) as BodyError);
  if (failure.status >= 500) console.error('unexpected error while reading a request:', error);
  sendError(res, failure.status, failure.code, failure.message);
}

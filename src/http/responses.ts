import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type express from 'express';
import { currentRequest } from '../observability/request-record';

/** The body of every answer that is not a GraphQL result: GraphQL's error shape, with a code. */
export function errorBody(code: string, message: string): string {
  return JSON.stringify({ errors: [{ message, extensions: { code } }] });
}

export function sendError(res: express.Response, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  const record = currentRequest();
  if (record) record.errorCode = code;
  res.status(status).set(headers).type('application/json').send(errorBody(code, message));
}

/**
 * Answers on a bare socket, for failures node:http meets before there is a
 * request object (malformed requests, headers or bodies sent too slowly), then closes it.
 */
export function sendErrorOnSocket(socket: Duplex, status: number, code: string, message: string): void {
  const body = errorBody(code, message);
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n` +
      'Connection: close\r\n\r\n' +
      body,
  );
}

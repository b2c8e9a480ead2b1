import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type express from 'express';

/**
 * The bytes of a cacheable answer as HTTP sends them: a strong ETag per
 * representation, a gzip copy made once when the answer is stored in the
 * server's cache (browsers and CDNs ask for it), and the If-None-Match check that turns a repeat into a 304.
 */

const compress = promisify(gzip);

/** Smaller bodies are sent as they are: compressing them saves less than it costs. */
const COMPRESS_FROM_BYTES = 1024;

export interface Representations {
  body: Buffer;
  etag: string;
  gzipped: Buffer | null;
  gzipEtag: string | null;
}

/** A strong validator of the bytes, sent as ETag. */
export const etagOf = (bytes: Buffer | string) => `"${createHash('sha256').update(bytes).digest('base64url').slice(0, 32)}"`;

/** The answer's body and, when `kept` (stored for later hits, which repay the work), its gzip copy; each with its ETag. */
export async function representationsOf(body: Buffer, kept: boolean): Promise<Representations> {
  const etag = etagOf(body);
  if (!kept || body.length < COMPRESS_FROM_BYTES) return { body, etag, gzipped: null, gzipEtag: null };
  const gzipped = await compress(body);
  return { body, etag, gzipped, gzipEtag: `"${etag.slice(1, -1)}-gzip"` };
}

/** Whether Accept-Encoding takes gzip (by name or `*`, with a q-value above 0). */
export function acceptsGzip(req: express.Request): boolean {
  const header = req.headers['accept-encoding'];
  if (!header) return false;
  return header.split(',').some((entry) => {
    const [name, ...params] = entry.trim().toLowerCase().split(';');
    if (name.trim() !== 'gzip' && name.trim() !== '*') return false;
    const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
    return q === undefined || Number(q) > 0;
  });
}

/**
 * The ETag If-None-Match names among these (weak comparison, as RFC 9110 asks
 * for it), or null. Every representation has the same content, so a match on
 * any of them means the client's copy is current.
 */
export function matchingEtag(req: express.Request, etags: ReadonlyArray<string | null>): string | null {
  const header = req.headers['if-none-match'];
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !header) return null;
  for (const tag of header.split(',')) {
    const trimmed = tag.trim().replace(/^W\//, '');
    const found = trimmed === '*' ? etags[0] : etags.find((etag) => etag === trimmed);
    if (found) return found;
  }
  return null;
}

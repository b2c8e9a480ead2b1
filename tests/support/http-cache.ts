import { loadConfig } from '../../src/config';
import { Harness, startHarness } from './harness';

/** A harness whose server runs its response cache, as `npm start` does. */
export function startCachingHarness(options: Parameters<typeof startHarness>[0] = {}): Promise<Harness> {
  return startHarness({ ...options, config: { responseCache: loadConfig({}).responseCache, ...options.config } });
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  body: any;
  /** X-Cache: HIT, MISS or BYPASS. */
  cache: string | null;
  /** SQL statements the server ran for it. */
  statements: number;
}

export interface SendOptions {
  token?: string;
  variables?: Record<string, unknown>;
  /** GET sends the operation as query parameters, with `apollo-require-preflight` unless `preflight` is false. */
  method?: 'GET' | 'POST';
  preflight?: boolean;
  headers?: Record<string, string>;
  /** Sends `extensions.persistedQuery` with this hash; the query itself only when `query` is not null. */
  persisted?: string;
}

/** Sends one operation and returns the answer with its caching headers. */
export async function send(h: Harness, query: string | null, options: SendOptions = {}): Promise<Sent> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const extensions = options.persisted ? { persistedQuery: { version: 1, sha256Hash: options.persisted } } : undefined;
  let response: Response;
  h.statements.reset();
  if (options.method === 'GET') {
    if (options.preflight !== false) headers['apollo-require-preflight'] = 'true';
    const params = new URLSearchParams();
    if (query !== null) params.set('query', query);
    if (options.variables) params.set('variables', JSON.stringify(options.variables));
    if (extensions) params.set('extensions', JSON.stringify(extensions));
    response = await fetch(`${h.url}?${params}`, { headers });
  } else {
    headers['content-type'] = 'application/json';
    const body = { ...(query === null ? {} : { query }), variables: options.variables, extensions };
    response = await fetch(h.url, { method: 'POST', headers, body: JSON.stringify(body) });
  }
  const text = await response.text();
  let body: any = null;
  try {
    body = JSON.parse(text);
  } catch {
    // 304 has no body.
  }
  return { status: response.status, headers: response.headers, text, body, cache: response.headers.get('x-cache'), statements: h.statements.count };
}

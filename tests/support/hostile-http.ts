import { deflateSync, gzipSync } from 'node:zlib';
import { HostileCase, JSON_TYPE } from './hostile';

/** Hostile requests below GraphQL: encodings, JSON, GET query strings and credentials. */

const QUERY = JSON.stringify({ query: '{ newsletters { slug } }' });
const post = (family: string, name: string, body: string | Buffer, headers: Record<string, string> = { 'content-type': JSON_TYPE }): HostileCase => ({
  family,
  name,
  headers,
  body,
});

export function badEncodings(): HostileCase[] {
  const f = 'bad encoding';
  const json = (charset: string) => ({ 'content-type': `application/json; charset=${charset}` });
  const utf16 = (text: string) => Buffer.from(text, 'utf16le');
  const withBytes = (bytes: number[]) => Buffer.concat([Buffer.from('{"query":"{ newsletter(slug: \\"'), Buffer.from(bytes), Buffer.from('\\") { slug } }"}')]);
  return [
    post(f, 'invalid UTF-8 bytes in a string', withBytes([0xff, 0xfe, 0xc3, 0x28])),
    post(f, 'an overlong UTF-8 NUL', withBytes([0xc0, 0x80])),
    post(f, 'a UTF-8 surrogate half', withBytes([0xed, 0xa0, 0x80])),
    post(f, 'invalid UTF-8 outside strings', Buffer.concat([Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from(QUERY)])),
    post(f, 'UTF-16LE without a charset', utf16(QUERY)),
    post(f, 'UTF-16LE declared', utf16(QUERY), json('utf-16le')),
    post(f, 'UTF-16 with a BOM declared utf-16', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16(QUERY)]), json('utf-16')),
    post(f, 'UTF-32 declared', Buffer.from(QUERY), json('utf-32')),
    post(f, 'a UTF-8 BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(QUERY)])),
    post(f, 'a UTF-16 BOM on UTF-8', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(QUERY)])),
    post(f, 'charset latin1', QUERY, json('latin1')),
    post(f, 'charset of 300 characters', QUERY, json('x'.repeat(300))),
    post(f, 'text/plain', QUERY, { 'content-type': 'text/plain' }),
    post(f, 'form-urlencoded', 'query=%7B__typename%7D', { 'content-type': 'application/x-www-form-urlencoded' }),
    post(f, 'multipart without a boundary', QUERY, { 'content-type': 'multipart/form-data' }),
    post(f, 'application/graphql', '{ __typename }', { 'content-type': 'application/graphql' }),
    post(f, 'no content type', QUERY, {}),
    post(f, 'a content type of junk', QUERY, { 'content-type': '}}}{{{' }),
    post(f, 'gzip claimed, plain sent', QUERY, { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' }),
    post(f, 'deflate claimed, gzip sent', gzipSync(QUERY), { 'content-type': JSON_TYPE, 'content-encoding': 'deflate' }),
    post(f, 'br claimed, plain sent', QUERY, { 'content-type': JSON_TYPE, 'content-encoding': 'br' }),
    post(f, 'gzip, gzip claimed, gzipped once', gzipSync(QUERY), { 'content-type': JSON_TYPE, 'content-encoding': 'gzip, gzip' }),
    post(f, 'a truncated gzip', gzipSync(QUERY).subarray(0, 20), { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' }),
    post(f, 'a gzip bomb (50 MB of zeros)', gzipSync(Buffer.alloc(50 * 1024 * 1024, 0x20)), { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' }),
    post(f, 'gzipped invalid JSON', gzipSync('{"query": '), { 'content-type': JSON_TYPE, 'content-encoding': 'gzip' }),
    post(f, 'deflated good JSON with an unknown second coding', deflateSync(QUERY), { 'content-type': JSON_TYPE, 'content-encoding': 'deflate, zstd' }),
    post(f, 'an unknown content-encoding', QUERY, { 'content-type': JSON_TYPE, 'content-encoding': 'compress' }),
    post(f, 'a content-encoding of 500 characters', QUERY, { 'content-type': JSON_TYPE, 'content-encoding': 'z'.repeat(500) }),
  ];
}

export function malformedJson(): HostileCase[] {
  const f = 'malformed JSON';
  const bodies: Array<[string, string]> = [
    ['empty', ''],
    ['an open brace', '{'],
    ['null', 'null'],
    ['an empty array', '[]'],
    ['a string', '"{ __typename }"'],
    ['a number', '123'],
    ['query a number', '{"query": 1}'],
    ['query null', '{"query": null}'],
    ['query a list', '{"query": ["{ __typename }"]}'],
    ['no query', '{"variables": {}}'],
    ['variables a string', '{"query": "{ __typename }", "variables": "x"}'],
    ['operationName a number', '{"query": "{ __typename }", "operationName": 5}'],
    ['operationName naming nothing', '{"query": "{ __typename }", "operationName": "Nope"}'],
    ['extensions a string', '{"query": "{ __typename }", "extensions": "x"}'],
    ['a persisted query hash only', '{"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}'],
    ['a batch of two', '[{"query": "{ __typename }"}, {"query": "{ __typename }"}]'],
    ['trailing garbage', '{"query": "{ __typename }"} garbage'],
    ['a single quote', "{'query': '{ __typename }'}"],
    ['NaN', '{"query": "{ __typename }", "variables": {"v": NaN}}'],
    ['a number of 100k digits', `{"query": "{ __typename }", "variables": {"v": ${'9'.repeat(100_000)}}}`],
    ['duplicate keys', '{"query": "{ __typename }", "query": "{ newsletters { slug } }"}'],
    ['arrays 100k deep', `{"query": "{ __typename }", "variables": {"v": ${'['.repeat(100_000)}${']'.repeat(100_000)}}}`],
    ['objects 50k deep', `{"query": "{ __typename }", "variables": {"v": ${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}}`],
    ['a raw NUL', '{"query": "{ __typename }\u0000"}'],
    ['an unescaped newline in a string', '{"query": "{\n__typename }"}'],
    ['__proto__ pollution', '{"query": "{ __typename }", "__proto__": {"query": "x"}, "variables": {"__proto__": {"a": 1}}}'],
  ];
  return bodies.map(([name, body]) => {
    const c = post(f, name, body);
    // Automatic persisted queries: Apollo answers a miss 200 so that clients send the full query next (Apollo's APQ protocol).
    if (name === 'a persisted query hash only') c.refusedStatus = { status: 200, why: 'the APQ protocol answers PERSISTED_QUERY_NOT_FOUND with 200' };
    return c;
  });
}

export function getJunk(): HostileCase[] {
  const f = 'GET junk';
  // Apollo refuses GET without a header a browser cannot send cross-site (CSRF prevention); most cases carry one.
  const preflight = { 'apollo-require-preflight': 'true' };
  const searches: Array<[string, string, Record<string, string>]> = [
    ['no query', '', preflight],
    ['an empty query', '?query=', preflight],
    ['a bad percent-encoding', '?query=%ZZ%7B', preflight],
    ['a mutation over GET', `?query=${encodeURIComponent('mutation { createTag(input: { name: "x" }) { id } }')}`, preflight],
    ['a repeated query', '?query=%7B__typename%7D&query=%7Bnewsletters%7Bslug%7D%7D', preflight],
    ['query[]', '?query[]=%7B__typename%7D', preflight],
    ['variables not JSON', `?query=${encodeURIComponent('query($v: Int) { issues(first: $v) { totalCount } }')}&variables=%7Bnope`, preflight],
    ['variables a list', `?query=${encodeURIComponent('{ __typename }')}&variables=%5B1%5D`, preflight],
    ['extensions not JSON', '?query=%7B__typename%7D&extensions=%7B', preflight],
    ['a 12 kB query string', `?query=${encodeURIComponent(`{ ${'__typename '.repeat(1000)} }`)}`, preflight],
    ['a cost bomb over GET', `?query=${encodeURIComponent('{ links(first:100){edges{node{issue{links{issue{links{title}}}}}}} }')}`, preflight],
    ['without the CSRF header', '?query=%7B__typename%7D', {}],
    ['with a text/plain content type', '?query=%7B__typename%7D', { 'content-type': 'text/plain' }],
    ['NUL in the query', '?query=%7B%00__typename%7D', preflight],
    ['invalid UTF-8 percent-encoded', '?query=%7B%FF%FE__typename%7D', preflight],
  ];
  return searches.map(([name, search, headers]) => ({ family: f, name, method: 'GET' as const, search, headers }));
}

export function authJunk(): HostileCase[] {
  const f = 'auth junk';
  // fetch sends header values as bytes of Latin-1; UTF-8 text goes as its bytes read that way.
  const bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
  const values: Array<[string, string]> = [
    ['Bearer alone', 'Bearer'],
    ['Bearer and spaces', 'Bearer    '],
    ['Basic credentials', `Basic ${Buffer.from('admin:admin').toString('base64')}`],
    ['two tokens', 'Bearer one two'],
    ['a token of 201 characters', `Bearer ${'t'.repeat(201)}`],
    ['a token of 8 kB', `Bearer ${'t'.repeat(8000)}`],
    ['a Latin-1 token', 'Bearer tökén'],
    ['a UTF-8 emoji token', `Bearer ${bytes('🔑🔑🔑')}`],
    ['a lowercase scheme with junk', 'bearer junk-token'],
    ['a token in quotes', 'Bearer "test-admin-token-0123456789"'],
    ['an unknown scheme', 'Digest username="x"'],
    ['a SQL-looking token', "Bearer '||pg_sleep(10)||'"],
    ['the admin token with a prefix', 'Bearer xtest-admin-token-0123456789'],
    ['a key-shaped token that names nothing', `Bearer nk_${'a'.repeat(40)}`],
    ['tabs around the token', 'Bearer\tjunk\t'],
    ['a comma-joined header', 'Bearer a, Bearer b'],
  ];
  return values.map(([name, authorization]) => ({
    family: f,
    name,
    headers: { 'content-type': JSON_TYPE, authorization },
    body: QUERY,
  }));
}

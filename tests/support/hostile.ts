import { Harness } from './harness';

/**
 * The hostile-input suite's request, its sender and its checks: every case goes
 * through real HTTP to the harness server and is judged by the same invariants.
 */
export interface HostileCase {
  family: string;
  name: string;
  method?: 'GET' | 'POST';
  /** Query string of a GET, from `?` on. */
  search?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sends it once accepting application/json and once application/graphql-response+json. */
  bothMediaTypes?: boolean;
  /** A refusal answered with another status by a protocol outside GraphQL-over-HTTP, and why. */
  refusedStatus?: { status: number; why: string };
}

export const JSON_TYPE = 'application/json';
export const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** A JSON POST of this GraphQL request, sent both ways. */
export function gqlCase(family: string, name: string, request: unknown, headers: Record<string, string> = {}): HostileCase {
  return { family, name, headers: { 'content-type': JSON_TYPE, ...headers }, body: JSON.stringify(request), bothMediaTypes: true };
}

/** What a stack frame, SQL or the Postgres driver would leave in an answer. */
export const LEAKS = [
  /\bat [\w.<>]+ \(/,
  /\.ts:\d/,
  /\.js:\d/,
  /node_modules/,
  /stacktrace/i,
  /SELECT /,
  /INSERT /,
  /UPDATE "?\w+"? SET/,
  /syntax error at or near/,
  /QueryFailedError/,
  /violates .* constraint/,
  /relation "/,
  /column "/,
  /invalid input syntax for/,
  /out of range for type/,
  /TypeError|RangeError|ReferenceError/,
];

export interface Answer {
  accept: string;
  status: number;
  contentType: string | null;
  text: string;
  body: any;
  statements: number;
  ms: number;
}

export async function send(h: Harness, c: HostileCase, accept: string): Promise<Answer> {
  const base = h.url;
  const url = c.method === 'GET' ? `${base}${c.search ?? ''}` : base;
  h.statements.reset();
  const started = Date.now();
  const response = await fetch(url, {
    method: c.method ?? 'POST',
    headers: { accept, ...c.headers },
    body: c.method === 'GET' ? undefined : c.body,
  });
  const text = await response.text();
  const ms = Date.now() - started;
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { accept, status: response.status, contentType: response.headers.get('content-type'), text, body, statements: h.statements.count, ms };
}

/** Statements a refused request may run: the key lookup when it brings credentials, nothing else. */
function refusedBound(c: HostileCase): number {
  return c.headers?.authorization === undefined ? 0 : 2;
}

/** Statements an executed request may run: batched reads (at most 7 seen), or a write and its transaction. */
export const EXECUTED_BOUND = 12;

/** A safety net for a busy machine, not a measure of speed: the counters bound the work. */
export const CEILING_MS = 10_000;

/**
 * The invariants of every hostile answer: JSON with errors that each carry a
 * code; under 500; a request refused before execution (no `data`) is a 4xx and
 * runs no SQL but a key lookup; an executed one is a 200 with a bounded number
 * of statements; no stack, SQL or driver text; no case runs long.
 */
export function check(c: HostileCase, answer: Answer): void {
  const where = `${c.family} / ${c.name} (${answer.accept}): ${answer.status} ${answer.text.slice(0, 300)}`;
  const fail = (what: string) => {
    throw new Error(`${what}\n${where}`);
  };
  if (answer.status >= 500) fail('5xx');
  for (const leak of LEAKS) if (leak.test(answer.text)) fail(`leaks ${leak}`);
  if (answer.ms > CEILING_MS) fail(`took ${answer.ms} ms`);
  if (answer.body === undefined || typeof answer.body !== 'object') fail('not a JSON object');
  if (!/^application\/(graphql-response\+)?json/.test(answer.contentType ?? '')) fail(`content type ${answer.contentType}`);
  const { body } = answer;
  const errors: any[] | undefined = body.errors;
  if (errors !== undefined) {
    if (!Array.isArray(errors) || errors.length === 0) fail('errors is not a non-empty list');
    for (const error of errors) {
      if (typeof error?.extensions?.code !== 'string' || error.extensions.code === '') fail('an error without a code');
      if (error.extensions.code === 'INTERNAL_SERVER_ERROR') fail('an internal error');
      if (typeof error.message !== 'string' || error.message.length > 1001) fail('an error message missing or longer than the cap (1000 and an ellipsis)');
    }
  }
  if ('data' in body) {
    if (answer.status !== 200) fail('executed but not 200');
    if (answer.statements > EXECUTED_BOUND) fail(`ran ${answer.statements} statements`);
  } else {
    if (!errors) fail('neither data nor errors');
    if (c.refusedStatus) {
      if (answer.status !== c.refusedStatus.status) fail(`refused with ${answer.status}, not ${c.refusedStatus.status} (${c.refusedStatus.why})`);
    } else if (answer.status < 400 || answer.status >= 500) fail('refused before execution without a 4xx');
    if (answer.statements > refusedBound(c)) fail(`refused yet ran ${answer.statements} statements`);
  }
}

export async function run(h: Harness, c: HostileCase): Promise<Answer[]> {
  const answers: Answer[] = [];
  for (const accept of c.bothMediaTypes ? [JSON_TYPE, GRAPHQL_RESPONSE] : [GRAPHQL_RESPONSE]) {
    const answer = await send(h, c, accept);
    check(c, answer);
    answers.push(answer);
  }
  return answers;
}

/** Counts per family, for the suite's own check that the table adds up. */
export function countByFamily(cases: HostileCase[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const c of cases) counts[c.family] = (counts[c.family] ?? 0) + 1;
  return counts;
}

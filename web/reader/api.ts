import type { TypedDocumentString } from '../generated/graphql';

/** An answer with errors, or no answer: the page shows its message. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

interface GraphQLAnswer<TResult> {
  data?: TResult | null;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

/**
 * Runs one of the generated operations against the public API (no key) and
 * returns its data, typed by the operation: the whole typed client.
 */
export async function request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
  const answer = (await response.json().catch(() => ({}))) as GraphQLAnswer<TResult>;
  const [error] = answer.errors ?? [];
  if (error || !answer.data) throw new ApiError(error?.message ?? `The API answered ${response.status}.`, error?.extensions?.code);
  return answer.data;
}

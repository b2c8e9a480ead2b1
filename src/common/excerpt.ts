/** Longest stretch of a client's own input that an error message repeats. */
export const ECHO_LIMIT = 64;

/** A value a client sent, quoted for an error message: a long one is cut (to `limit` characters, ellipsis included) and its length said. */
export function quote(text: string, limit = ECHO_LIMIT): string {
  return text.length <= limit ? `"${text}"` : `"${text.slice(0, limit - 1)}…" (${text.length} characters)`;
}

import { AsyncLocalStorage } from 'node:async_hooks';
import { AppError } from './errors';

/** The moment by which the request being served must be answered (see src/http/graphql-handler.ts). */
interface Deadline {
  expiresAt: number;
  limitMs: number;
}

const current = new AsyncLocalStorage<Deadline>();

/** Work started by the request after its deadline: it has been answered already, so nothing more is sent to the database. */
export class ExecutionTimeoutError extends AppError {
  constructor(limitMs: number) {
    super('EXECUTION_TIMEOUT', `The request took longer than ${limitMs} ms and was stopped. Try again, or ask for less.`);
  }
}

/** Runs `work` (and everything it starts) under a deadline `limitMs` from now. */
export function withDeadline<T>(limitMs: number, work: () => T): T {
  return current.run({ expiresAt: Date.now() + limitMs, limitMs }, work);
}

/** Throws EXECUTION_TIMEOUT when the request this runs for is past its deadline; outside a request it does nothing. */
export function checkDeadline(): void {
  const deadline = current.getStore();
  if (deadline && Date.now() >= deadline.expiresAt) throw new ExecutionTimeoutError(deadline.limitMs);
}

/** Runs `work` outside any request, so that no request's deadline applies to it (timers a request happened to start). */
export function withoutDeadline<T>(work: () => T): T {
  return current.exit(work);
}

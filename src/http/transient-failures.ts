import type { ApolloServerPlugin } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { transientFailure } from '../common/format-error';
import type { OutageLog } from './outage';

/**
 * Answers a request that met a passing failure (database down, busy or slow,
 * the request over its deadline) with HTTP 503 and Retry-After, whatever else
 * it returned, and tells the outage log about refusals.
 */
export function transientFailures(retryAfterS: number, outage: OutageLog): ApolloServerPlugin {
  return {
    async serverWillStart() {
      return {
        async serverWillStop() {
          outage.stop();
        },
      };
    },
    async requestDidStart() {
      const startedAt = Date.now();
      return {
        async didEncounterErrors({ errors, response }) {
          const failures = errors.map((error) => transientFailure(unwrapResolverError(error))).filter((failure) => failure !== null);
          if (failures.length === 0) return;
          response.http.status = 503;
          response.http.headers.set('retry-after', String(retryAfterS));
          const unavailable = failures.find((failure) => failure.code === 'SERVICE_UNAVAILABLE');
          if (unavailable) outage.refused(unavailable.reason, startedAt);
        },
      };
    },
  };
}

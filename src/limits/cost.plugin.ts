import type { ApolloServerPlugin } from '@apollo/server';
import { costBudgetOf } from '../auth/policy';
import type { CostBudgets } from './limits.config';
import type { Context } from '../context';
import { costRefusal, priceOf } from './cost';

/**
 * Prices each request once its operation is known and before it runs: over the
 * caller's budget it is refused with COST_LIMIT_EXCEEDED (no resolver, no SQL).
 * Within budget, the request is admitted by its cost (limits/admission.ts: the
 * caller's quota, the heavy lane), still before anything runs. Every answer that got that far says what it cost:
 * `extensions.cost = { requested, limit }`.
 */
export function costPlugin(budgets: CostBudgets): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const limit = costBudgetOf(contextValue.viewer, budgets);
      let requested: number | null = null;
      return {
        async didResolveOperation({ schema, document, request }) {
          const { cost } = priceOf(schema, document, { variables: request.variables, operationName: request.operationName });
          requested = cost;
          const refusal = costRefusal(cost, limit);
          if (refusal) throw refusal;
          await contextValue.admission?.spend(cost);
        },
        async willSendResponse({ response }) {
          if (requested === null || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { requested, limit } };
        },
      };
    },
  };
}

import type { ApolloServerOptions } from '@apollo/server';
import type { Config } from '../config';
import type { Context } from '../context';
import { aliasLimitRule } from './alias.rule';
import { costPlugin } from './cost.plugin';
import { depthLimitRule } from './depth.rule';
import { variablesPlugin } from './variables.plugin';

export type QueryLimitsConfig = Pick<Config, 'maxQueryDepth' | 'maxQueryAliases' | 'maxQueryTokens' | 'costBudgets'>;

/**
 * Everything that bounds the work of one request before it runs: a token limit
 * in the parser, depth and alias limits among the validation rules (run once per
 * document), variables walked once for fields no input type defines, and the
 * cost budget checked per request (it depends on the caller and the variables).
 */
export function queryLimits(config: QueryLimitsConfig) {
  return {
    parseOptions: { maxTokens: config.maxQueryTokens },
    validationRules: [depthLimitRule(config.maxQueryDepth), aliasLimitRule(config.maxQueryAliases)],
    plugins: [variablesPlugin(), costPlugin(config.costBudgets)],
  } satisfies Partial<ApolloServerOptions<Context>>;
}

import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { Messages } from './common/errors';
import { formatError } from './common/format-error';
import type { Config } from './config';
import { authenticate } from './auth/policy';
import { Context, createContext } from './context';
import { queryLimits, QueryLimitsConfig } from './limits/query-limits';
import { shareRootCalls } from './limits/root-calls';
import { buildGraphQLSchema } from './schema';
import { createServices } from './services';

export type ServerConfig = Pick<Config, 'adminToken' | 'keyLastUsedIntervalS'> & QueryLimitsConfig;

/** Bodies Express refuses before GraphQL sees them (bad JSON, too large) get a GraphQL-shaped error, never a stack trace. */
function requestErrorHandler(error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) {
  if (res.headersSent) return next(error);
  const status = (error as { status?: number }).status ?? 500;
  const message =
    status === 413
      ? `Request body too large: the limit is ${BODY_LIMIT}.`
      : status === 400
        ? 'Request body is not valid JSON.'
        : Messages.internal;
  if (status >= 500) console.error('unexpected error while reading a request:', error);
  res.status(status).json({ errors: [{ message, extensions: { code: status >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' } }] });
}

/** Largest request body; an imported issue is sent inside one. */
const BODY_LIMIT = '5mb';

export interface AppServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  schema: GraphQLSchema;
}

/**
 * Builds the Express app serving GraphQL at /graphql and a health check at
 * /healthz, on an http.Server that is not yet listening (tests and main.ts decide).
 */
export async function createServer(dataSource: DataSource, config: ServerConfig): Promise<AppServer> {
  const schema = shareRootCalls(await buildGraphQLSchema());
  const limits = queryLimits(config);
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown (drain, then close the pool and the embedded server); Apollo must not exit on its own.
    stopOnTerminationSignals: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ...limits.plugins],
  });
  await apollo.start();
  const services = createServices(dataSource, config);

  app.get('/healthz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch {
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use(
    '/graphql',
    express.json({ limit: BODY_LIMIT }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(services, await authenticate(req.headers.authorization, config.adminToken, services.apiKeys)),
    }),
  );
  app.use(requestErrorHandler);
  return { app, httpServer, apollo, schema };
}

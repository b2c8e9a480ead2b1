import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { depthLimit } from './common/depth-limit';
import { formatError } from './common/format-error';
import type { Config } from './config';
import { Context, createContext, Viewer } from './context';
import { buildGraphQLSchema } from './schema';
import { createServices } from './services';

export type ServerConfig = Pick<Config, 'adminToken' | 'maxQueryDepth'>;

/** Reads the viewer from `Authorization: Bearer <token>`; only the configured admin token counts. */
export function viewerFrom(authorization: string | undefined, adminToken: string | null): Viewer {
  const presented = /^Bearer\s+(.+)$/i.exec(authorization ?? '')?.[1]?.trim();
  if (!adminToken) return { isAdmin: false, writesEnabled: false };
  if (!presented) return { isAdmin: false, writesEnabled: true };
  const a = Buffer.from(presented);
  const b = Buffer.from(adminToken);
  return { isAdmin: a.length === b.length && timingSafeEqual(a, b), writesEnabled: true };
}

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
  const schema = await buildGraphQLSchema();
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    validationRules: [depthLimit(config.maxQueryDepth)],
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();
  const services = createServices(dataSource);

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
    express.json({ limit: '2mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => createContext(services, viewerFrom(req.headers.authorization, config.adminToken)),
    }),
  );
  return { app, httpServer, apollo, schema };
}

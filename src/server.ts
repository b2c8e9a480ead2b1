import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { DataSource } from 'typeorm';
import { formatError } from './common/format-error';
import { Config, TIMEOUT_DEFAULTS, TimeoutSettings } from './config';
import { authenticate } from './auth/policy';
import { Context, createContext } from './context';
import { queryLimits, QueryLimitsConfig } from './limits/query-limits';
import { Admissions } from './limits/admission';
import type { QuotaStore } from './limits/quota.store';
import { shareRootCalls } from './limits/root-calls';
import { buildGraphQLSchema } from './schema';
import { createServices } from './services';
import type { ResponseCache } from './cache/response-cache';
import { feedRoutes } from './http/feeds';
import { graphqlHandler } from './http/graphql-handler';
import { graphiqlAssets, graphiqlPage } from './http/graphiql';
import { readerRoutes } from './http/reader';
import { ResponseCaching } from './http/response-caching';
import { mountHealth } from './http/health';
import { OutageLog } from './http/outage';
import { allowMethods, BODY_LIMIT, guardServer, httpServerOptions, notFound, requestErrorHandler } from './http/request-guards';
import { transientFailures } from './http/transient-failures';
import { adminOnly, metricsHandler } from './http/metrics';
import { CompiledExecution } from './execution/compiled-executor';
import { Observability } from './observability/observability';
import { currentRequest } from './observability/request-record';
import type { DestinationStream } from 'pino';
import { readerBuildDir } from './web/reader-build';

/** The timeouts are optional here (TIMEOUT_DEFAULTS fill in); main.ts passes the configured ones. */
export type ServerConfig = Pick<Config, 'adminToken' | 'keyLastUsedIntervalS' | 'quotas' | 'heavyQueries' | 'trustProxy' | 'observability' | 'feeds' | 'responseCache' | 'compileOperationsAt'> &
  Partial<Pick<Config, 'metricsPort'>> &
  QueryLimitsConfig &
  Partial<TimeoutSettings>;

/** What a server may be given rather than build: tests pass a quota store on a clock they move, or a reader they built; several nodes, a shared response cache. */
export interface ServerParts {
  quotaStore?: QuotaStore;
  /** The built reader served at /read/ (dist/web/reader/ by default). */
  readerBuild?: string;
  responseCache?: ResponseCache;
  /** Where log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
}

export interface AppServer {
  app: express.Express;
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
  schema: GraphQLSchema;
  caching: ResponseCaching;
  /** How operations are executed (compiled once they repeat). */
  execution: CompiledExecution;
  observability: Observability;
  /** The separate /metrics listener when `metricsPort` is set (not yet listening); else null. */
  metricsServer: http.Server | null;
}

let built: Promise<GraphQLSchema> | null = null;

/**
 * The executable schema, built once per process and shared by every server in
 * it (building it is a good part of a start; main.ts begins it while the
 * database starts).
 */
export function applicationSchema(): Promise<GraphQLSchema> {
  built ??= buildGraphQLSchema().then(shareRootCalls);
  return built;
}

/**
 * Builds the Express app serving GraphQL (and GraphiQL to browsers) at /graphql, the reader at /read/, feeds under /feeds,
 * /healthz and /readyz, on
 * an http.Server that is not yet listening (tests and main.ts decide).
 */
export async function createServer(dataSource: DataSource, config: ServerConfig, parts: ServerParts = {}): Promise<AppServer> {
  const schema = await applicationSchema();
  const limits = queryLimits(config);
  const timeouts = { ...TIMEOUT_DEFAULTS, ...config };
  const observability = await Observability.create(config.observability, dataSource, parts.logDestination);
  const app = express();
  app.use(observability.middleware());
  const httpServer = http.createServer(httpServerOptions(timeouts), app);
  guardServer(app, httpServer);
  const outage = new OutageLog(() => dataSource.query('SELECT 1'));
  const caching = new ResponseCaching(dataSource, config.responseCache, parts.responseCache);
  const execution = new CompiledExecution(schema, config.compileOperationsAt);
  const apollo = new ApolloServer<Context>({
    // Operations run compiled once they repeat (execution/compiled-executor.ts); Apollo still parses, validates and prices them.
    gateway: execution.gateway(),
    formatError,
    includeStacktraceInErrorResponses: false,
    // The schema is public (schema.graphql is in the repository): introspection stays on in production too, at a fixed cost.
    introspection: true,
    // main.ts owns shutdown (drain, then close the pool and the embedded server); Apollo must not exit on its own.
    stopOnTerminationSignals: false,
    parseOptions: limits.parseOptions,
    validationRules: limits.validationRules,
    // No field sets cache hints; the cache-control plugin would wrap every resolver for nothing (a tenth of a large query's CPU).
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      // Not a federated subgraph: without this, Apollo loads the inline-trace plugin at every start to find that out.
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo's landing page loads Sandbox from the internet; browsers get our own GraphiQL instead (http/graphiql.ts).
      ApolloServerPluginLandingPageDisabled(),
      ...limits.plugins,
      transientFailures(timeouts.retryAfterS, outage),
      observability.plugin(),
      caching.plugin(),
    ],
  });
  await apollo.start();
  await caching.start();
  const services = createServices(dataSource, config);
  const admissions = new Admissions(config.quotas, config.heavyQueries, parts.quotaStore);
  app.set('trust proxy', config.trustProxy);
  app.use(admissions.middleware());

  mountHealth(app, dataSource, timeouts.retryAfterS);
  app.use('/graphiql', graphiqlAssets());
  app.get('/graphql', graphiqlPage());
  app.get(/^\/read$/, (_req, res) => res.redirect(301, '/read/'));
  app.use('/read', readerRoutes(parts.readerBuild ?? readerBuildDir()));
  const metrics = metricsHandler(observability.metrics);
  let metricsServer: http.Server | null = null;
  if (config.metricsPort == null) app.get('/metrics', adminOnly(config.adminToken, services.apiKeys), metrics);
  else metricsServer = http.createServer(express().get('/metrics', metrics));
  app.use(
    '/graphql',
    allowMethods('GET', 'POST'),
    express.json({ limit: BODY_LIMIT }),
    graphqlHandler(apollo, {
      deadlineMs: timeouts.requestDeadlineMs,
      retryAfterS: timeouts.retryAfterS,
      outage,
      caching,
      admit: async ({ req, res }) => {
        const viewer = authenticate(req.headers.authorization, config.adminToken, services.apiKeys).then((known) => {
          const record = currentRequest();
          if (record) record.keyId = known.actor?.keyId ?? null;
          return known;
        });
        return { viewer: await admissions.admitViewer(res, viewer), admission: Admissions.of(res) };
      },
      context: ({ viewer, admission }) => ({ ...createContext(services, viewer), admission }),
    }),
  );
  app.use(
    '/feeds',
    allowMethods('GET'),
    feedRoutes({ services, admissions, schema, settings: config.feeds, deadlineMs: timeouts.requestDeadlineMs, retryAfterS: timeouts.retryAfterS }),
  );
  app.use(notFound);
  app.use(requestErrorHandler);
  return { app, httpServer, apollo, schema, caching, execution, observability, metricsServer };
}

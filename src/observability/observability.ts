import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import pino, { DestinationStream, Logger } from 'pino';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { Metrics } from './metrics';
import { currentRequest, newRequestRecord, RequestRecord, requestIdFrom, withRequestRecord } from './request-record';

export interface ObservabilitySettings {
  /** pino level: trace, debug, info, warn, error, fatal or silent. */
  logLevel: string;
  /** A request slower than this is logged at warn as a slow request. */
  slowRequestMs: number;
  /** `pretty` for people (colours, one readable line); `json` for machines; `auto`: pretty when stdout is a terminal. */
  logFormat: 'auto' | 'json' | 'pretty';
}

/** Longest path a log line repeats (the query string never: feed tokens travel in it). */
const MAX_LOGGED_PATH = 200;

/**
 * Logs and metrics of one server, decided here only: every request gets an id
 * (the client's `X-Request-Id` when sensible), one log line when it is
 * answered and its metrics; GraphQL requests add their operation, cost and
 * error code through the Apollo plugin.
 */
export class Observability {
  readonly metrics: Metrics;

  private constructor(
    readonly log: Logger,
    private readonly settings: ObservabilitySettings,
    dataSource: DataSource,
  ) {
    this.metrics = new Metrics(() => poolOf(dataSource));
  }

  static async create(settings: ObservabilitySettings, dataSource: DataSource, destination?: DestinationStream): Promise<Observability> {
    return new Observability(await createLogger(settings, destination), settings, dataSource);
  }

  /** First in the chain: the request's id and record, then its log line and metrics once answered. */
  middleware(): express.RequestHandler {
    return (req, res, next) => {
      const record = newRequestRecord(requestIdFrom(req.headers['x-request-id']));
      res.setHeader('X-Request-Id', record.id);
      res.once('finish', () => this.finish(req, res, record));
      withRequestRecord(record, next);
    };
  }

  /** Operation name and type, cost and first error code of GraphQL requests, onto the request's record. */
  plugin(): ApolloServerPlugin {
    const record = currentRequest;
    return {
      async requestDidStart() {
        return {
          async didResolveOperation({ operation, operationName }) {
            const current = record();
            if (!current) return;
            current.operation = operationName ?? null;
            current.operationType = operation?.operation ?? null;
          },
          async willSendResponse({ response }) {
            const current = record();
            if (!current || response.body.kind !== 'single') return;
            const { errors, extensions } = response.body.singleResult;
            const cost = (extensions?.cost as { requested?: unknown } | undefined)?.requested;
            if (typeof cost === 'number') current.cost = cost;
            const code = errors?.[0]?.extensions?.code;
            if (errors?.length) current.errorCode = typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
          },
        };
      },
    };
  }

  private finish(req: express.Request, res: express.Response, record: RequestRecord): void {
    const seconds = Number(process.hrtime.bigint() - record.startedAt) / 1e9;
    this.metrics.observe(record, res.statusCode, seconds);
    const ms = Math.round(seconds * 10000) / 10;
    const slow = ms >= this.settings.slowRequestMs;
    const line = {
      reqId: record.id,
      method: req.method,
      path: (req.originalUrl ?? req.url).split('?')[0].slice(0, MAX_LOGGED_PATH),
      status: res.statusCode,
      ms,
      operation: record.operation ?? undefined,
      cost: record.cost ?? undefined,
      statements: record.statements,
      keyId: record.keyId ?? undefined,
      code: record.errorCode ?? undefined,
      cache: record.cacheHit === null ? undefined : record.cacheHit ? 'hit' : 'miss',
    };
    if (slow) this.log.warn(line, 'slow request');
    else this.log.info(line, 'request');
  }
}

async function createLogger(settings: ObservabilitySettings, destination?: DestinationStream): Promise<Logger> {
  const options = { level: settings.logLevel, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  if (destination) return pino(options, destination);
  const pretty = settings.logFormat === 'pretty' || (settings.logFormat === 'auto' && process.stdout.isTTY === true);
  if (!pretty) return pino(options);
  // Loaded only for people at a terminal, so servers in production start without it.
  const { default: prettyStream } = await import('pino-pretty');
  return pino(options, prettyStream({ colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' }));
}

function poolOf(dataSource: DataSource): Pool | undefined {
  return (dataSource.driver as unknown as { master?: Pool }).master;
}

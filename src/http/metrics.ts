import type express from 'express';
import { GraphQLError } from 'graphql';
import { authenticate } from '../auth/policy';
import { Messages } from '../common/errors';
import type { ApiKeyService } from '../modules/api-key/api-key.service';
import { Role } from '../modules/api-key/role';
import type { Metrics } from '../observability/metrics';
import { sendError } from './responses';

/** Prometheus's text format of every metric. */
export function metricsHandler(metrics: Metrics): express.RequestHandler {
  return (_req, res, next) => {
    metrics.registry.metrics().then((text) => res.type(metrics.registry.contentType).send(text), next);
  };
}

/** Lets through admins (admin token or admin key) only: /metrics on the public port says how the service is used. */
export function adminOnly(adminToken: string | null, apiKeys: ApiKeyService): express.RequestHandler {
  return (req, res, next) => {
    authenticate(req.headers.authorization, adminToken, apiKeys).then(
      (viewer) => {
        if (viewer.role === Role.ADMIN) next();
        else if (viewer.role === null) sendError(res, 401, 'UNAUTHENTICATED', Messages.keyRequired);
        else sendError(res, 403, 'FORBIDDEN', Messages.roleRequired(Role.ADMIN));
      },
      (error: unknown) => {
        if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED') sendError(res, 401, 'UNAUTHENTICATED', error.message);
        else next(error);
      },
    );
  };
}

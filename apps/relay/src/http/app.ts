import { ConfigError, type MultiFernet, ValidationError } from '@relay/core';
import { OpenAPIHono } from '@hono/zod-openapi';
import { type RequestIdVariables, requestId } from 'hono/request-id';
import type { z } from 'zod';

declare module 'hono' {
  /** `c.var.requestId` in every route (set by the request-id middleware below). */
  interface ContextVariableMap extends RequestIdVariables {}
}
import type { RelayConfig } from '../config';
import { type Db, isDatabaseHealthy } from '../db/client';
import type { Logger } from '../log';
import type { AdapterRegistry } from '../platforms/registry';
import { credentialRoutes } from '../routes/credentials';
import { eventAdminRoutes } from '../routes/events-admin';
import { eventRoutes } from '../routes/events';
import { meRoutes } from '../routes/me';
import { platformRoutes } from '../routes/platforms';
import { previewRoutes } from '../routes/preview';
import { sgtmConfigRoutes } from '../routes/sgtm-configs';
import { storefrontRoutes } from '../routes/storefronts';
import { auditTrail } from './audit-trail';
import { consoleRoutes } from './console-static';
import { operatorViewRoutes } from '../routes/operator-views';
import { readQueueState } from '../metrics/queue-gauges';
import { RelayMetrics } from '../metrics/registry';
import { accountRoutes } from '../auth/accounts-routes';
import { createSecurity } from '../auth/middleware';
import { OutageGate, isDatabaseUnavailable } from '../db/availability';
import { bodyLimit } from './body-limit';
import { docsRoutes } from './docs-page';
import { openApiDocument } from './openapi';
import { defineRoute } from './openapi-route';
import { DatabaseUnavailableError, HttpProblem, RequestValidationError } from './problems';
import {
  healthRoute,
  type healthSchema,
  metricsRoute,
  openApiRoute,
  readiness,
  readinessRoute,
} from './service-routes';

export const VERSION = '0.1.0';

/** Seconds a client is told to wait when the database is unavailable. */
const RETRY_AFTER_SECONDS = 5;

export interface AppDeps {
  config: RelayConfig;
  db: Db;
  cipher: MultiFernet;
  registry: AdapterRegistry;
  logger: Logger;
  metrics?: RelayMetrics;
}

/** The relay's HTTP API (docs/api.md). Pure wiring: every dependency is passed in. */
export function createApp(deps: AppDeps): OpenAPIHono {
  const { config, db, logger } = deps;
  const app = new OpenAPIHono();

  // X-Request-Id: the caller's (up to 128 letters, digits, -, _, =) or a new UUID; sent back,
  // logged with the request and stored with each ingested event for the worker's logs.
  app.use(requestId({ limitLength: 128 }));
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      requestId: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      account: c.get('account')?.name,
      durationMs: Math.round(performance.now() - started),
    });
  });

  const health: z.input<typeof healthSchema> = {
    status: 'healthy',
    version: VERSION,
    environment: config.environment,
  };
  defineRoute(app, healthRoute, (c) => c.json(health));
  defineRoute(app, readinessRoute, async (c) => {
    const ready = await isDatabaseHealthy(db);
    return c.json(readiness(ready), ready ? 200 : 503);
  });

  /** Generated on first request, once every route below is defined. */
  let openapi: ReturnType<typeof openApiDocument> | undefined;
  defineRoute(app, openApiRoute, (c) => {
    openapi ??= openApiDocument(VERSION, app);
    return c.json(openapi);
  });
  app.route('/docs', docsRoutes());

  const metrics = deps.metrics ?? new RelayMetrics();
  metrics.queueGauges(() => readQueueState(db));
  defineRoute(app, metricsRoute, async (c) => {
    const { contentType, body } = await metrics.render();
    return c.text(body, 200, { 'content-type': contentType });
  });

  // Auth first (401/429 before anything is read), then the streaming body limit, then roles.
  const security = createSecurity(config, db, logger);
  const outage = new OutageGate();
  app.use('/v1/*', security.authenticate('ingest'));
  app.use('/admin/*', security.authenticate('admin'));
  app.use(
    '*',
    bodyLimit((path) => (path.startsWith('/admin/') ? config.ADMIN_MAX_BODY_BYTES : config.MAX_BODY_BYTES)),
  );
  app.use('/admin/*', security.authorize());
  const failFastWhileDown = async (_c: unknown, next: () => Promise<void>) => {
    if (outage.isOpen()) throw new DatabaseUnavailableError(RETRY_AFTER_SECONDS);
    await next();
  };
  app.use('/v1/*', failFastWhileDown);
  app.use('/admin/*', failFastWhileDown);
  app.use('/admin/*', auditTrail(db, logger));

  app.route('/v1/events', eventRoutes(db, config, metrics));
  app.route('/admin/v1', previewRoutes(db, deps.cipher, deps.registry, config));
  app.route('/admin/v1/storefronts', storefrontRoutes(db, deps.cipher));
  app.route('/admin/v1/sgtm-configs', sgtmConfigRoutes(db, deps.cipher));
  app.route('/admin/v1/platforms', platformRoutes(db, deps.registry));
  app.route('/admin/v1/credentials', credentialRoutes(db, deps.cipher, deps.registry));
  app.route('/admin/v1', eventAdminRoutes(db));
  app.route('/admin/v1', operatorViewRoutes(db, deps.registry));
  app.route('/console', consoleRoutes());
  app.route('/admin/v1/accounts', accountRoutes(db));
  app.route('/admin/v1/me', meRoutes());

  app.notFound((c) => c.json({ detail: 'Not Found' }, 404));
  app.onError((thrown, c) => {
    let error: Error = thrown;
    if (error instanceof RequestValidationError) return c.json({ detail: error.detail }, 422);
    if (!(error instanceof HttpProblem) && isDatabaseUnavailable(error)) {
      outage.trip();
      logger.warn('database unavailable', {
        requestId: c.res.headers.get('x-request-id'),
        error: error instanceof Error ? error.message.slice(-300) : String(error),
      });
      error = new DatabaseUnavailableError(RETRY_AFTER_SECONDS);
    }
    if (error instanceof HttpProblem) {
      if (error instanceof DatabaseUnavailableError) c.header('Retry-After', String(error.retryAfterSeconds));
      if (error.status === 413) c.header('Connection', 'close');
      return c.json(
        {
          error_code: error.errorCode,
          message: error.message,
          details: error.details,
          detail: error.message,
        },
        error.status,
      );
    }
    if (ValidationError.isInstance(error)) {
      return c.json(
        {
          detail: [
            {
              loc: ['body', ...(error.field ? error.field.split('.') : [])],
              msg: error.message,
              type: 'value_error',
            },
          ],
        },
        422,
      );
    }
    const requestId = c.var.requestId;
    logger.error('unhandled error', {
      requestId,
      error: error instanceof Error ? error.message : String(error),
      kind: ConfigError.isInstance(error) ? 'config' : 'internal',
    });
    return c.json(
      {
        error_code: 'INTERNAL_ERROR',
        message: 'Internal server error',
        details: { request_id: requestId },
        detail: 'Internal server error',
      },
      500,
    );
  });
  return app;
}

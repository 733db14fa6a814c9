import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { Application, NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { OAUTH_TOKEN_PATH, oauthTokenResponses } from './modules/auth';
import { AllExceptionsFilter } from './shared/http/all-exceptions.filter';
import { AppConfig } from './config/configuration';
import { bodyParserErrors, inspectBody, refuseNonUtf8Json } from './shared/http/body-parsing';
import { QueryParser, withFieldFilters } from './shared/http/field-filters';
import { applyServerTimeouts } from './shared/http/http-server';
import { applySecurityHeaders } from './shared/http/security';
import { assignCorrelationId } from './shared/http/correlation-id';
import { setupSwagger } from './shared/http/swagger';
import { validationPipe } from './shared/http/validation';
import { Metrics, MetricsMiddleware } from './shared/operations/metrics';
import { StartupQuietLogger } from './shared/operations/startup-logger';

/** Everything main.ts and the e2e tests configure alike. */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get(ConfigService).getOrThrow<AppConfig>('app');
  const limit = config.maxJsonBytes;
  const metrics = new MetricsMiddleware(app.get(Metrics));
  app.useLogger(new StartupQuietLogger(app.get(Logger)));
  // Ahead of the body parsers, so a request they reject is still counted and correlated.
  app.use((req: Request, res: Response, next: NextFunction) => {
    assignCorrelationId(req, res);
    metrics.use(req, res, next);
  });
  applySecurityHeaders(app, config.corsOrigins);
  // Ahead of the body parsers too: the token endpoint answers even their errors in RFC 6749 form.
  app.use(OAUTH_TOKEN_PATH, oauthTokenResponses);
  app.use(refuseNonUtf8Json);
  app.useBodyParser('json', { limit, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { limit, extended: false });
  app.use(bodyParserErrors, inspectBody);
  app.disable('x-powered-by');
  // Express's automatic ETag is a weak hash of the body, which If-Match on case routes would
  // refuse: entity tags are case versions, set explicitly (VersionETag) on case responses only.
  app.set('etag', false);
  app.set('query parser', 'extended');
  const express = app.getHttpAdapter().getInstance() as Application;
  app.set('query parser', withFieldFilters(express.get('query parser fn') as QueryParser));
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  applyServerTimeouts(app.getHttpServer(), config);
  if (config.docsEnabled) setupSwagger(app);
  return app;
}

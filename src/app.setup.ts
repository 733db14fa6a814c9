import { INestApplication } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter } from './shared/http/all-exceptions.filter';
import { setupSwagger } from './shared/http/swagger';
import { validationPipe } from './shared/http/validation';

/** Everything main.ts and the e2e tests configure alike. */
export function configureApp(app: NestExpressApplication): INestApplication {
  const limit = app.get(ConfigService).get<number>('app.maxJsonBytes') ?? 1048576;
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit, type: ['application/json', 'application/*+json'] });
  app.useBodyParser('urlencoded', { limit, extended: false });
  app.disable('x-powered-by');
  app.set('query parser', 'extended');
  app.useGlobalPipes(validationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  setupSwagger(app);
  return app;
}

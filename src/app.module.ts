import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { allConfig } from './config/configuration';
import { validateEnv } from './config/env.validation';
import { DemoModule } from './demo/demo.module';
import { ActivityModule } from './modules/activity';
import { AssignmentModule } from './modules/assignment';
import { AuthModule } from './modules/auth';
import { AutoCloseModule } from './modules/auto-close';
import { BulkModule } from './modules/bulk';
import { CalendarsModule } from './modules/calendars';
import { CaseLinksModule } from './modules/case-links';
import { CaseMergeModule } from './modules/case-merge';
import { CommentsModule } from './modules/comments';
import { DefinitionsModule } from './modules/definitions';
import { DirectoryModule } from './modules/directory';
import { DocumentsModule } from './modules/documents';
import { CasesModule } from './modules/cases';
import { PrioritiesModule } from './modules/priorities';
import { ReportsModule } from './modules/reports';
import { SavedViewsModule } from './modules/saved-views';
import { SlaModule } from './modules/sla';
import { WebhooksModule } from './modules/webhooks';
import { DatabaseModule } from './shared/database/database.module';
import { assignCorrelationId } from './shared/http/correlation-id';
import { IdempotencyModule } from './shared/http/idempotency.module';
import { MediaTypeGuard } from './shared/http/media-type.guard';
import { MediaTypeMiddleware } from './shared/http/media-type.middleware';
import { NotificationsModule } from './shared/notifications/notifications.module';
import { OperationsModule } from './shared/operations/operations.module';
import { OutboxModule } from './shared/outbox/outbox.module';
import { QueueModule } from './shared/queue/queue.module';
import { StorageModule } from './shared/storage/storage.module';
import { ClockModule } from './shared/time/clock.module';

/** The kernel every feature runs on: configuration, logging, CQRS, clock, database, HTTP plumbing. */
export const KERNEL_MODULES = [
  ConfigModule.forRoot({ isGlobal: true, cache: true, load: allConfig, validate: validateEnv }),
  LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService) => ({
      pinoHttp: {
        level: config.get<string>('app.logLevel'),
        genReqId: (req, res) => assignCorrelationId(req, res),
        redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.client_secret'],
        autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
      },
    }),
  }),
  CqrsModule.forRoot(),
  ClockModule,
  DatabaseModule,
  OperationsModule,
  OutboxModule,
  IdempotencyModule,
  StorageModule,
  QueueModule,
  NotificationsModule,
];

/**
 * The feature modules. Their order carries no meaning: no route depends on being registered
 * before another module's (test/e2e/case-route-order.e2e-spec.ts builds the app reversed).
 */
export const FEATURE_MODULES = [
  ActivityModule,
  DirectoryModule,
  AuthModule,
  PrioritiesModule,
  DefinitionsModule,
  DemoModule,
  CasesModule,
  CommentsModule,
  DocumentsModule,
  SlaModule,
  AutoCloseModule,
  CalendarsModule,
  CaseLinksModule,
  CaseMergeModule,
  SavedViewsModule,
  BulkModule,
  ReportsModule,
  WebhooksModule,
  AssignmentModule,
];

@Module({
  imports: [...KERNEL_MODULES, ...FEATURE_MODULES],
  providers: [{ provide: APP_GUARD, useClass: MediaTypeGuard }],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MediaTypeMiddleware).forRoutes('*path');
  }
}

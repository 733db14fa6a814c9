import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { allConfig } from './config/configuration';
import { validateEnv } from './config/env.validation';
import { DemoModule } from './demo/demo.module';
import { AuthModule } from './modules/auth/auth.module';
import { AutoCloseModule } from './modules/auto-close/auto-close.module';
import { CalendarsModule } from './modules/calendars/calendars.module';
import { CommentsModule } from './modules/comments/comments.module';
import { DefinitionsModule } from './modules/definitions/definitions.module';
import { DirectoryModule } from './modules/directory/directory.module';
import { DocumentsModule } from './modules/documents/documents.module';
import { CaseViewsModule } from './modules/cases/views/case-views.module';
import { ActivityModule } from './modules/activity/activity.module';
import { CasesModule } from './modules/cases/cases.module';
import { PrioritiesModule } from './modules/priorities/priorities.module';
import { SlaModule } from './modules/sla/sla.module';
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

@Module({
  imports: [
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
    DirectoryModule,
    AuthModule,
    PrioritiesModule,
    StorageModule,
    QueueModule,
    NotificationsModule,
    DefinitionsModule,
    DemoModule,
    CaseViewsModule,
    CasesModule,
    ActivityModule,
    CommentsModule,
    DocumentsModule,
    SlaModule,
    AutoCloseModule,
    CalendarsModule,
  ],
  providers: [{ provide: APP_GUARD, useClass: MediaTypeGuard }],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MediaTypeMiddleware).forRoutes('*path');
  }
}

import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import { CqrsModule } from '@nestjs/cqrs';
import { LoggerModule } from 'nestjs-pino';
import { allConfig } from './config/configuration';
import { validateEnv } from './config/env.validation';
import { AuthModule } from './modules/auth/auth.module';
import { PrioritiesModule } from './modules/priorities/priorities.module';
import { DatabaseModule } from './shared/database/database.module';
import { assignCorrelationId } from './shared/http/correlation-id';
import { MediaTypeMiddleware } from './shared/http/media-type.middleware';
import { OperationsModule } from './shared/operations/operations.module';
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
    AuthModule,
    PrioritiesModule,
  ],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MediaTypeMiddleware).forRoutes('*path');
  }
}

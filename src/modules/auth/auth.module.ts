import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { ThrottlerModule } from '@nestjs/throttler';
import { authConfig, AuthConfig } from '../../config/configuration';
import { CreateOAuthClientHandler } from './commands/create-oauth-client/create-oauth-client.handler';
import { IssueClientTokenHandler } from './commands/issue-client-token/issue-client-token.handler';
import { RevokeOAuthClientHandler } from './commands/revoke-oauth-client/revoke-oauth-client.handler';
import { OAuthClientRepository } from './domain/oauth-client.repository';
import { OAuthClientsController } from './http/oauth-clients.controller';
import { OAuthTokenController } from './http/oauth-token.controller';
import { JwtAuthGuard } from './infrastructure/jwt-auth.guard';
import { JwtStrategy } from './infrastructure/jwt.strategy';
import { OAuthClientSqlRepository } from './infrastructure/oauth-client.sql-repository';
import { PermissionsGuard } from './infrastructure/permissions.guard';
import { ListOAuthClientsHandler } from './queries/list-oauth-clients/list-oauth-clients.handler';

const controllers = [OAuthClientsController, OAuthTokenController];
const commandHandlers = [
  CreateOAuthClientHandler,
  RevokeOAuthClientHandler,
  IssueClientTokenHandler,
];
const queryHandlers = [ListOAuthClientsHandler];

@Module({
  imports: [
    PassportModule,
    ThrottlerModule.forRootAsync({
      inject: [authConfig.KEY],
      useFactory: (config: AuthConfig) => [{ ttl: 60_000, limit: config.tokenRequestsPerMinute }],
    }),
  ],
  controllers,
  providers: [
    ...commandHandlers,
    ...queryHandlers,
    JwtStrategy,
    { provide: OAuthClientRepository, useClass: OAuthClientSqlRepository },
    { provide: APP_GUARD, useClass: JwtAuthGuard },
    { provide: APP_GUARD, useClass: PermissionsGuard },
  ],
})
export class AuthModule {}

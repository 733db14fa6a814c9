import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';

const HEALTH_SCHEMA = {
  type: 'object',
  required: ['status', 'checks'],
  properties: {
    status: { type: 'string', enum: ['ok', 'error'], example: 'ok' },
    checks: {
      type: 'object',
      additionalProperties: {
        type: 'object',
        required: ['status'],
        properties: { status: { type: 'string', enum: ['up', 'down'] } },
      },
      example: { database: { status: 'up' } },
    },
  },
};

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: 'The service and its database are up.', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({
    description: 'The database is unreachable.',
    schema: HEALTH_SCHEMA,
  })
  async check(
    @Res({ passthrough: true }) res: Response,
  ): Promise<{ status: string; checks: unknown }> {
    try {
      const result = await this.health.check([
        () => this.db.pingCheck('database', { timeout: 1500 }),
      ]);
      return { status: result.status, checks: result.details };
    } catch (error) {
      res.status(503);
      const causes = (error as { response?: { details?: unknown } }).response?.details;
      return {
        status: 'error',
        checks: causes ?? { database: { status: 'down' } },
      };
    }
  }
}

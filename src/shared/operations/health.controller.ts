import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { Public } from '../auth/auth.decorators';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ description: '{ status: "ok", checks: { database: { status: "up" } } }' })
  @ApiServiceUnavailableResponse({ description: 'The database is unreachable.' })
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

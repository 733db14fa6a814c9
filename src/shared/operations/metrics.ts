import { Controller, Get, Headers, Inject, Injectable, NestMiddleware, Res } from '@nestjs/common';
import { timingSafeEqual } from 'node:crypto';
import { ApiExcludeController } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { appConfig, AppConfig } from '../../config/configuration';
import { Public } from '../auth/auth.decorators';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });
  readonly latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}

@Injectable()
export class MetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: Metrics) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const stop = this.metrics.latency.startTimer();
    res.on('finish', () => {
      // The matched route pattern keeps label cardinality bounded (never raw ids); a catch-all
      // pattern is a middleware's, so the request matched no route.
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      const route =
        typeof pattern === 'string' && !pattern.includes('*')
          ? `${req.baseUrl}${pattern}`
          : 'unmatched';
      stop({ method: req.method, route });
      this.metrics.requests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }
}

/** Public unless METRICS_TOKEN is set; then a scraper sends it as a bearer token. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  private readonly token?: Buffer;

  constructor(
    private readonly metrics: Metrics,
    @Inject(appConfig.KEY) config: AppConfig,
  ) {
    this.token = config.metricsToken ? Buffer.from(config.metricsToken) : undefined;
  }

  @Get()
  @Public()
  scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    if (this.token && !this.presents(authorization)) {
      throw new DomainError(ErrorCode.InvalidToken, 'GET /metrics needs the METRICS_TOKEN.');
    }
    // Set here, not with @Header, which would also label an error's JSON as text.
    res.setHeader('Content-Type', 'text/plain; version=0.0.4');
    return this.metrics.registry.metrics();
  }

  private presents(authorization: string | undefined): boolean {
    const match = /^Bearer (.+)$/i.exec(authorization ?? '');
    const given = Buffer.from(match?.[1] ?? '');
    return !!this.token && given.length === this.token.length && timingSafeEqual(given, this.token);
  }
}

import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { QueryFailedError, QueryRunnerAlreadyReleasedError } from 'typeorm';
import { DomainError, ErrorDetail } from '../errors/domain-error';
import { ERROR_CATALOGUE, ErrorCode, statusOf } from '../errors/error-codes';
import { correlationIdOf } from './correlation-id';

interface Mapped {
  code: ErrorCode;
  message?: string;
  details?: ErrorDetail[];
}

const STATUS_FALLBACK: Partial<Record<number, ErrorCode>> = {
  400: ErrorCode.BadRequest,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.MissingPermission,
  404: ErrorCode.RouteNotFound,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  415: ErrorCode.UnsupportedMediaType,
  429: ErrorCode.RateLimited,
  503: ErrorCode.DependencyUnavailable,
};

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);

/** The one place where any failure becomes the error envelope. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<Request>();
    const response = ctx.getResponse<Response>();
    const mapped = this.map(exception);
    const status = statusOf(mapped.code);
    const correlationId = correlationIdOf(request, response);
    if (status >= 500) {
      this.logger.error({ err: exception, correlationId, path: request.path }, 'request failed');
    }
    if (response.headersSent) return;
    response.setHeader('x-correlation-id', correlationId);
    response.status(status).json({
      statusCode: status,
      code: mapped.code,
      message: mapped.message ?? ERROR_CATALOGUE[mapped.code].message,
      ...(mapped.details?.length ? { details: mapped.details } : {}),
      correlationId,
    });
  }

  private map(exception: unknown): Mapped {
    if (exception instanceof DomainError) {
      return { code: exception.code, message: exception.message, details: exception.details };
    }
    if (exception instanceof ThrottlerException) return { code: ErrorCode.RateLimited };
    if (exception instanceof QueryFailedError) return this.mapDatabase(exception);
    const bodyParser = this.mapBodyParser(exception);
    if (bodyParser) return bodyParser;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = STATUS_FALLBACK[status];
      if (code)
        return {
          code,
          message: status === HttpStatus.NOT_FOUND ? undefined : this.httpMessage(exception),
        };
      if (status < 500) return { code: ErrorCode.BadRequest, message: this.httpMessage(exception) };
    }
    if (this.isConnectionError(exception)) return { code: ErrorCode.DependencyUnavailable };
    return { code: ErrorCode.Internal };
  }

  private mapBodyParser(exception: unknown): Mapped | undefined {
    const type = (exception as { type?: unknown } | null)?.type;
    if (type === 'entity.parse.failed') return { code: ErrorCode.MalformedJson };
    if (type === 'entity.too.large') return { code: ErrorCode.PayloadTooLarge };
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return { code: ErrorCode.UnsupportedMediaType };
    }
    if (type === 'request.aborted' || type === 'request.size.invalid')
      return { code: ErrorCode.BadRequest };
    return undefined;
  }

  private mapDatabase(error: QueryFailedError): Mapped {
    const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
    const code = driverError?.code;
    switch (code) {
      case '23505':
        if (driverError?.constraint?.endsWith('_code')) return { code: ErrorCode.DuplicateCode };
        return {
          code: ErrorCode.Conflict,
          message: 'A resource with these values already exists.',
        };
      case '23503':
        return {
          code: ErrorCode.Conflict,
          message: 'A referenced resource does not exist or is still referenced.',
        };
      case '22P02':
      case '22007':
      case '22008':
        return { code: ErrorCode.InvalidIdentifier, message: 'A value has an invalid format.' };
      case '22001':
      case '22003':
      case '54000':
        return {
          code: ErrorCode.ValidationFailed,
          message: 'A value is out of range or too long.',
        };
      case '22021':
      case '22P05':
        return {
          code: ErrorCode.ValidationFailed,
          message: 'A value contains a character that cannot be stored (such as NUL).',
        };
      case '23514':
        return { code: ErrorCode.ValidationFailed, message: 'A value is not allowed here.' };
      case '40001':
      case '40P01':
      case '55P03':
        return { code: ErrorCode.Conflict, message: 'Concurrent update; retry the request.' };
      default:
        if (this.isConnectionError(error.driverError))
          return { code: ErrorCode.DependencyUnavailable };
        return { code: ErrorCode.Internal };
    }
  }

  private isConnectionError(exception: unknown): boolean {
    // TypeORM releases a transaction's runner when its connection fails between two statements.
    if (exception instanceof QueryRunnerAlreadyReleasedError) return true;
    const err = exception as { code?: string; message?: string } | null;
    if (!err) return false;
    if (err.code && CONNECTION_ERRORS.has(err.code)) return true;
    return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established/i.test(
      err.message ?? '',
    );
  }

  private httpMessage(exception: HttpException): string {
    const body = exception.getResponse();
    if (typeof body === 'string') return body;
    const message = (body as { message?: unknown }).message;
    return Array.isArray(message)
      ? message.join('; ')
      : typeof message === 'string'
        ? message
        : exception.message;
  }
}

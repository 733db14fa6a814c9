import { applyDecorators, HttpCode, HttpStatus, Type } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiExtraModels,
  ApiNotFoundResponse,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import { ErrorCode, ERROR_CATALOGUE, statusOf } from '../errors/error-codes';
import { ErrorResponseDto } from './error-response.dto';
import { SUCCESS_MESSAGES, SuccessCode } from './success-codes';

function dataSchema(model: Type<unknown> | null, isArray = false) {
  if (!model) return { type: 'object', nullable: true };
  const ref = { $ref: getSchemaPath(model) };
  return isArray ? { type: 'array', items: ref } : ref;
}

/** A write answering `{ code, message, data }` with the seed's success code. */
export function ApiWrite(code: SuccessCode, model: Type<unknown> | null, status = HttpStatus.OK) {
  return applyDecorators(
    HttpCode(status),
    ...(model ? [ApiExtraModels(model)] : []),
    ApiResponse({
      status,
      description: `${code}: ${SUCCESS_MESSAGES[code]}`,
      schema: {
        type: 'object',
        required: ['code', 'message', 'data'],
        properties: {
          code: { type: 'string', example: code },
          message: { type: 'string', example: SUCCESS_MESSAGES[code] },
          data: dataSchema(model),
        },
      },
    }),
  );
}

/** A read answering `{ data }`. */
export function ApiRead(model: Type<unknown>, status = HttpStatus.OK) {
  return applyDecorators(
    ApiExtraModels(model),
    ApiResponse({
      status,
      schema: { type: 'object', required: ['data'], properties: { data: dataSchema(model) } },
    }),
  );
}

/** A keyset-paginated list answering `{ data: [...], page: { limit, nextCursor } }`. */
export function ApiList(model: Type<unknown>) {
  return applyDecorators(
    ApiExtraModels(model),
    ApiResponse({
      status: HttpStatus.OK,
      schema: {
        type: 'object',
        required: ['data', 'page'],
        properties: {
          data: dataSchema(model, true),
          page: {
            type: 'object',
            required: ['limit', 'nextCursor'],
            properties: {
              limit: { type: 'integer', minimum: 1, maximum: 200, example: 50 },
              nextCursor: {
                type: 'string',
                nullable: true,
                description: 'Pass as `cursor` for the next page; null on the last page.',
                example: 'WyIyMDI2LTAxLTA1VDA5OjAwOjAwLjAwMFoiXQ',
              },
            },
          },
        },
      },
    }),
  );
}

/** Documents the coded errors a route may answer besides 401/403. */
export function ApiErrors(...codes: ErrorCode[]) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of [ErrorCode.ValidationFailed, ...codes]) {
    const status = statusOf(code);
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  const decorators = [...byStatus.entries()].map(([status, list]) => {
    const description = list.map((c) => `${c}: ${ERROR_CATALOGUE[c].message}`).join(' · ');
    const options = { description, type: ErrorResponseDto };
    if (status === 400) return ApiBadRequestResponse(options);
    if (status === 404) return ApiNotFoundResponse(options);
    if (status === 409) return ApiConflictResponse(options);
    return ApiResponse({ status, ...options });
  });
  return applyDecorators(...decorators);
}

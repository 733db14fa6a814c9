import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional } from 'class-validator';

/**
 * `fields: { [key]: value }` of a create or edit body: the keys and values are checked against
 * the case type's field definitions by the aggregate (400 CASE4600 naming `fields.<key>`).
 */
export const CaseFieldsProperty = (description: string) =>
  applyDecorators(
    ApiPropertyOptional({
      description,
      type: 'object',
      additionalProperties: {
        oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'null' }],
      },
      example: { policyNumber: 'PN-2026-0042', damageAmount: 1200, severity: 'high' },
    }),
    IsOptional(),
    IsObject({ message: 'fields must be an object of field keys to values' }),
  );

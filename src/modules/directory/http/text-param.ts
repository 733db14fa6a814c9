import { Param, PipeTransform } from '@nestjs/common';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';

// eslint-disable-next-line no-control-regex
const PRINTABLE = /^[^\u0000-\u001f\u007f]{1,200}$/;

/** A user or group id in the path: 1–200 printable characters, else a coded 400. */
export const TextParam = (name: string) =>
  Param(name, {
    transform(value: string): string {
      if (PRINTABLE.test(value)) return value;
      throw new DomainError(ErrorCode.InvalidIdentifier, `${name} is not a valid id.`, [
        { field: name, message: `${name} must be 1-200 printable characters` },
      ]);
    },
  } satisfies PipeTransform<string, string>);

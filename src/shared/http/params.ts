import { Param, ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

/** A path parameter that must be a UUID; anything else is a coded 400. */
export const UuidParam = (name: string) =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () =>
        new DomainError(ErrorCode.InvalidIdentifier, `${name} must be a UUID.`, [
          { field: name, message: `${name} must be a UUID` },
        ]),
    }),
  );

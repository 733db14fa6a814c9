import { ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, ErrorDetail } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

function flatten(errors: ValidationError[], parent = ''): ErrorDetail[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: false,
    exceptionFactory: (errors) =>
      new DomainError(ErrorCode.ValidationFailed, undefined, flatten(errors)),
  });
}

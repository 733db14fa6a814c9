import { Param, PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { CaseRef, parseCaseRef } from '../domain/case-ref';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';

class ParseCaseRefPipe implements PipeTransform<string, CaseRef> {
  constructor(private readonly name: string) {}

  transform(value: string): CaseRef {
    const ref = parseCaseRef(value);
    if (ref) return ref;
    const message = `${this.name} must be a case GUID or displayId`;
    throw new DomainError(ErrorCode.InvalidIdentifier, `${message}.`, [
      { field: this.name, message },
    ]);
  }
}

/**
 * A case path parameter: the GUID or the displayId; anything else is a coded 400. It documents
 * itself, since Swagger cannot describe the parsed `CaseRef` type.
 */
export const CaseRefParam =
  (name = 'id'): ParameterDecorator =>
  (target, method, index) => {
    Param(name, new ParseCaseRefPipe(name))(target, method, index);
    if (method === undefined) return;
    const descriptor = Object.getOwnPropertyDescriptor(target, method);
    if (!descriptor) return;
    ApiParam({
      name,
      type: String,
      description: 'The case GUID or its displayId (`CM<client_id>-<n>`).',
      example: 'CMacme-42',
    })(target, method, descriptor);
  };

import { Query } from '@nestjs/cqrs';
import { Readable } from 'node:stream';
import { Actor } from '../../../../shared/auth/actor';
import { CaseTypeFileResponseDto } from '../../http/case-type-file.response.dto';

export interface CaseTypeFileContent {
  file: CaseTypeFileResponseDto;
  content: Readable;
}

export class GetCaseTypeFileContentQuery extends Query<CaseTypeFileContent> {
  constructor(
    readonly actor: Actor,
    readonly caseTypeId: string,
    readonly fileId: string,
  ) {
    super();
  }
}

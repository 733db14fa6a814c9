import { applyDecorators, Delete, Header, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiWrite } from '../../../shared/http/api-responses';
import { ApiFileUpload } from '../../../shared/http/multipart-upload';
import { SuccessCode } from '../../../shared/http/success-codes';
import { CaseTypeFileKind } from '../domain/case-type-file';
import { CaseTypeFileResponseDto } from './case-type-file.response.dto';

/** The seed's success codes of each kind's upload and removal. */
export const FILE_CODES: Record<CaseTypeFileKind, { upload: SuccessCode; remove: SuccessCode }> = {
  [CaseTypeFileKind.WORKFLOW]: { upload: 'CASE0800', remove: 'CASE0802' },
  [CaseTypeFileKind.DECISION_TREE]: { upload: 'CASE0804', remove: 'CASE0806' },
  [CaseTypeFileKind.STATUS_DECISION_TREE]: { upload: 'CASE0814', remove: 'CASE0816' },
};

/** A multipart upload of one file of `kind` (the route keeps its literal @Post for the Swagger plugin). */
export const UploadRoute = (kind: CaseTypeFileKind) =>
  applyDecorators(
    RequirePermissions(Permission.CASE_DEF_UPLOAD),
    ApiFileUpload(),
    ApiWrite(FILE_CODES[kind].upload, CaseTypeFileResponseDto, HttpStatus.CREATED),
    ApiErrors(
      ErrorCode.InvalidIdentifier,
      ErrorCode.CaseTypeNotFound,
      ErrorCode.PayloadTooLarge,
      ErrorCode.UnsupportedMediaType,
      ErrorCode.StorageUnavailable,
      ErrorCode.StorageFull,
    ),
  );

/** DELETE `<path>/:fileId`: removes a file of `kind` (a file of another kind is a 404). */
export const RemoveRoute = (path: string, kind: CaseTypeFileKind) =>
  applyDecorators(
    Delete(`${path}/:fileId`),
    RequirePermissions(Permission.CASE_DEF_UPLOAD_REMOVE),
    ApiWrite(FILE_CODES[kind].remove, null),
    ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.CaseTypeFileNotFound),
  );

/** The stored bytes as an attachment, never sniffed into something else by the browser. */
export const ApiDownload = () =>
  applyDecorators(
    Header('X-Content-Type-Options', 'nosniff'),
    ApiProduces('application/octet-stream'),
    ApiOkResponse({
      description: 'The stored bytes, as an attachment.',
      schema: { type: 'string', format: 'binary' },
    }),
    ApiErrors(
      ErrorCode.InvalidIdentifier,
      ErrorCode.CaseTypeFileNotFound,
      ErrorCode.StoredFileNotFound,
      ErrorCode.StorageUnavailable,
    ),
  );

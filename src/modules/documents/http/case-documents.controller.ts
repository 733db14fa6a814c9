import {
  Controller,
  Delete,
  Get,
  Header,
  HttpStatus,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { CaseRef } from '../../../shared/domain/case-ref';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList, ApiWrite } from '../../../shared/http/api-responses';
import { CaseRefParam } from '../../../shared/http/case-ref.param';
import { ListEnvelope, WriteEnvelope, written } from '../../../shared/http/envelope';
import { fileDownload } from '../../../shared/http/file-download';
import { ApiFileUpload, MultipartUpload } from '../../../shared/http/multipart-upload';
import { DEFAULT_LIMIT, PageQueryDto } from '../../../shared/http/pagination';
import { UuidParam } from '../../../shared/http/params';
import { CaseDocumentDto } from '../../cases';
import { ApiIfMatch, IfMatchVersion } from '../../cases';
import { GetCaseQuery } from '../../cases';
import { RemoveCaseDocumentCommand } from '../commands/remove-case-document/remove-case-document.command';
import { UploadCaseDocumentCommand } from '../commands/upload-case-document/upload-case-document.command';
import { GetCaseDocumentContentQuery } from '../queries/get-case-document-content/get-case-document-content.query';
import { ListCaseDocumentsQuery } from '../queries/list-case-documents/list-case-documents.query';

/** Documents attached to a case. `:id` is the case GUID or its displayId. */
@ApiTags('documents')
@Controller('api/v1/cases/:id/documents')
export class CaseDocumentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly uploads: MultipartUpload,
  ) {}

  /**
   * Multipart field `file`, streamed to storage (MAX_UPLOAD_BYTES, else 413) with its sha256. The
   * case is checked before the body is read; a failed upload leaves neither row nor file.
   */
  @Post()
  @RequirePermissions(Permission.CASE_DOC_UPLOAD)
  @ApiFileUpload()
  @ApiWrite('CASE0510', CaseDocumentDto, HttpStatus.CREATED)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseNotFound,
    ErrorCode.StaleVersion,
    ErrorCode.PayloadTooLarge,
    ErrorCode.UnsupportedMediaType,
    ErrorCode.StorageUnavailable,
    ErrorCode.StorageFull,
  )
  @ApiIfMatch()
  async upload(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Req() req: Request,
    @IfMatchVersion() expectedVersion?: number,
  ): Promise<WriteEnvelope<CaseDocumentDto>> {
    await this.queries.execute(new GetCaseQuery(actor, ref));
    const document = await this.uploads.receiveAndRecord(req, 'case-documents', (stored) =>
      this.commands.execute(new UploadCaseDocumentCommand(actor, ref, stored, expectedVersion)),
    );
    return written('CASE0510', document);
  }

  /** Oldest first. */
  @Get()
  @RequirePermissions(Permission.CASE_DOC_VIEW)
  @ApiList(CaseDocumentDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.InvalidCursor, ErrorCode.CaseNotFound)
  list(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @Query() page: PageQueryDto,
  ): Promise<ListEnvelope<CaseDocumentDto>> {
    const limit = page.limit ?? DEFAULT_LIMIT;
    return this.queries.execute(new ListCaseDocumentsQuery(actor, ref, limit, page.cursor));
  }

  /** The stored bytes as an attachment, with their stored content type, never sniffed. */
  @Get(':docId/content')
  @RequirePermissions(Permission.CASE_DOC_VIEW)
  @Header('X-Content-Type-Options', 'nosniff')
  @ApiProduces('application/octet-stream')
  @ApiOkResponse({
    description: 'The stored bytes, as an attachment.',
    schema: { type: 'string', format: 'binary' },
  })
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseNotFound,
    ErrorCode.DocumentNotFound,
    ErrorCode.StoredFileNotFound,
    ErrorCode.StorageUnavailable,
  )
  async content(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @UuidParam('docId') docId: string,
  ): Promise<StreamableFile> {
    const { document, content } = await this.queries.execute(
      new GetCaseDocumentContentQuery(actor, ref, docId),
    );
    return fileDownload(content, document);
  }

  /** Removes the row and, once that has committed, the stored bytes. */
  @Delete(':docId')
  @RequirePermissions(Permission.CASE_DOC_REMOVE)
  @ApiWrite('CASE0500', null)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseNotFound,
    ErrorCode.DocumentNotFound,
    ErrorCode.StaleVersion,
  )
  @ApiIfMatch()
  async remove(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') ref: CaseRef,
    @UuidParam('docId') docId: string,
    @IfMatchVersion() expectedVersion?: number,
  ): Promise<WriteEnvelope<{ id: string }>> {
    await this.commands.execute(new RemoveCaseDocumentCommand(actor, ref, docId, expectedVersion));
    return written('CASE0500', { id: docId });
  }
}

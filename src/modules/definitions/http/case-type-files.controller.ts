import { Controller, Get, Query, Req, StreamableFile } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiList } from '../../../shared/http/api-responses';
import { ListEnvelope, WriteEnvelope, written } from '../../../shared/http/envelope';
import { fileDownload } from '../../../shared/http/file-download';
import { MultipartUpload } from '../../../shared/http/multipart-upload';
import { DEFAULT_LIMIT, PageQueryDto } from '../../../shared/http/pagination';
import { UuidParam } from '../../../shared/http/params';
import { RemoveCaseTypeFileCommand } from '../commands/remove-case-type-file/remove-case-type-file.command';
import { UploadCaseTypeFileCommand } from '../commands/upload-case-type-file/upload-case-type-file.command';
import { CaseTypeFileKind } from '../domain/case-type-file';
import { GetCaseTypeQuery } from '../queries/get-case-type/get-case-type.query';
import { GetCaseTypeFileContentQuery } from '../queries/get-case-type-file-content/get-case-type-file-content.query';
import { ListCaseTypeFilesQuery } from '../queries/list-case-type-files/list-case-type-files.query';
import { CaseTypeFileResponseDto } from './case-type-file.response.dto';
import { ApiDownload, FILE_CODES, RemoveRoute, UploadRoute } from './case-type-file.routes';

const { WORKFLOW, DECISION_TREE, STATUS_DECISION_TREE } = CaseTypeFileKind;
type Uploaded = Promise<WriteEnvelope<CaseTypeFileResponseDto>>;
type Removed = Promise<WriteEnvelope<{ id: string }>>;

/** Workflow documents, decision trees and status decision trees of a case type. */
@ApiTags('definitions')
@Controller('api/v1/case-types/:id')
export class CaseTypeFilesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly uploads: MultipartUpload,
  ) {}

  @Post('workflows')
  @UploadRoute(WORKFLOW)
  uploadWorkflow(@CurrentActor() actor: Actor, @UuidParam('id') id: string, @Req() req: Request) {
    return this.upload(actor, id, req, WORKFLOW);
  }

  @RemoveRoute('workflows', WORKFLOW)
  removeWorkflow(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('fileId') fileId: string,
  ) {
    return this.remove(actor, id, fileId, WORKFLOW);
  }

  @Post('decision-trees')
  @UploadRoute(DECISION_TREE)
  uploadDecisionTree(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Req() req: Request,
  ) {
    return this.upload(actor, id, req, DECISION_TREE);
  }

  @RemoveRoute('decision-trees', DECISION_TREE)
  removeDecisionTree(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('fileId') fileId: string,
  ) {
    return this.remove(actor, id, fileId, DECISION_TREE);
  }

  @Post('status-decision-trees')
  @UploadRoute(STATUS_DECISION_TREE)
  uploadStatusDecisionTree(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Req() req: Request,
  ) {
    return this.upload(actor, id, req, STATUS_DECISION_TREE);
  }

  @RemoveRoute('status-decision-trees', STATUS_DECISION_TREE)
  removeStatusDecisionTree(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('fileId') fileId: string,
  ) {
    return this.remove(actor, id, fileId, STATUS_DECISION_TREE);
  }

  @Get('files')
  @RequirePermissions(Permission.CASE_DEF_VIEW)
  @ApiList(CaseTypeFileResponseDto)
  @ApiErrors(ErrorCode.InvalidIdentifier, ErrorCode.InvalidCursor, ErrorCode.CaseTypeNotFound)
  list(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @Query() q: PageQueryDto,
  ): Promise<ListEnvelope<CaseTypeFileResponseDto>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    return this.queries.execute(new ListCaseTypeFilesQuery(actor, id, limit, q.cursor));
  }

  @Get('files/:fileId/content')
  @RequirePermissions(Permission.CASE_DEF_VIEW)
  @ApiDownload()
  async content(
    @CurrentActor() actor: Actor,
    @UuidParam('id') id: string,
    @UuidParam('fileId') fileId: string,
  ): Promise<StreamableFile> {
    const query = new GetCaseTypeFileContentQuery(actor, id, fileId);
    const { file, content } = await this.queries.execute(query);
    return fileDownload(content, file);
  }

  /** The case type is checked before the body is read, so nothing is stored for a 404. */
  private async upload(
    actor: Actor,
    caseTypeId: string,
    req: Request,
    kind: CaseTypeFileKind,
  ): Uploaded {
    await this.queries.execute(new GetCaseTypeQuery(actor, caseTypeId));
    const file = await this.uploads.receiveAndRecord(req, 'case-type-files', (stored) =>
      this.commands.execute(new UploadCaseTypeFileCommand(actor, caseTypeId, kind, stored)),
    );
    return written(FILE_CODES[kind].upload, file);
  }

  private async remove(
    actor: Actor,
    caseTypeId: string,
    fileId: string,
    kind: CaseTypeFileKind,
  ): Removed {
    await this.commands.execute(new RemoveCaseTypeFileCommand(actor, caseTypeId, kind, fileId));
    return written(FILE_CODES[kind].remove, { id: fileId });
  }
}

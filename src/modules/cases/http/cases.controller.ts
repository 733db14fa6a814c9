import { Body, Controller, HttpStatus, Patch } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import {
  CurrentActor,
  RequireAllPermissions,
  RequirePermissions,
} from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { CaseRef } from '../../../shared/domain/case-ref';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiWrite } from '../../../shared/http/api-responses';
import { VersionETag } from '../../../shared/http/etag';
import { CaseRefParam } from '../../../shared/http/case-ref.param';
import { WriteEnvelope } from '../../../shared/http/envelope';
import { CreateCaseCommand } from '../commands/create-case/create-case.command';
import { CreateCaseRequestDto } from '../commands/create-case/create-case.request.dto';
import { EditCaseCommand } from '../commands/edit-case/edit-case.command';
import { EditCaseRequestDto } from '../commands/edit-case/edit-case.request.dto';
import { TransferCaseCommand } from '../commands/transfer-case/transfer-case.command';
import { TransferCaseRequestDto } from '../commands/transfer-case/transfer-case.request.dto';
import { CaseAnswers } from './case-answers';
import { CaseResponseDto } from './case.response.dto';
import { ApiIfMatch, IfMatchVersion } from './if-match';

type Written = Promise<WriteEnvelope<CaseResponseDto>>;

/** `:id` is the case GUID or its displayId everywhere; the reads are in CaseViewsController. */
@ApiTags('cases')
@Controller('api/v1/cases')
export class CasesController {
  constructor(private readonly answers: CaseAnswers) {}

  @Post()
  @RequirePermissions(Permission.CASE_CREATE)
  @VersionETag()
  @ApiWrite('CASE0600', CaseResponseDto, HttpStatus.CREATED)
  @ApiErrors(
    ErrorCode.CaseTypeNotFound,
    ErrorCode.DefinitionUnavailable,
    ErrorCode.ProxySaveRequired,
  )
  async create(@CurrentActor() actor: Actor, @Body() body: CreateCaseRequestDto): Written {
    const { dueDate, ...input } = body;
    const command = new CreateCaseCommand(actor, {
      ...input,
      dueDate: dueDate ? new Date(dueDate) : undefined,
    });
    return this.answers.after('CASE0600', actor, command);
  }

  @Patch(':id')
  @RequirePermissions(Permission.CASE_EDIT)
  @VersionETag()
  @ApiWrite('CASE0602', CaseResponseDto)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseNotFound,
    ErrorCode.InvalidTransition,
    ErrorCode.StaleVersion,
    ErrorCode.ProxySaveRequired,
  )
  @ApiIfMatch()
  async edit(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') caseRef: CaseRef,
    @Body() body: EditCaseRequestDto,
    @IfMatchVersion() ifMatch?: number,
  ): Written {
    const { version, dueDate, ...changes } = body;
    const input = {
      ...changes,
      dueDate: typeof dueDate === 'string' ? new Date(dueDate) : dueDate,
    };
    const command = new EditCaseCommand(actor, caseRef, input, ifMatch ?? version);
    return this.answers.after('CASE0602', actor, command);
  }

  /** Answers the new case; the original is canceled and points to it. */
  @Post(':id/transfer')
  @RequireAllPermissions(Permission.CASE_CREATE, Permission.CASE_EDIT)
  @VersionETag()
  @ApiWrite('CASE0600', CaseResponseDto, HttpStatus.CREATED)
  @ApiErrors(
    ErrorCode.InvalidIdentifier,
    ErrorCode.CaseNotFound,
    ErrorCode.CaseTypeNotFound,
    ErrorCode.DefinitionUnavailable,
    ErrorCode.InvalidTransition,
    ErrorCode.StaleVersion,
  )
  @ApiIfMatch()
  async transfer(
    @CurrentActor() actor: Actor,
    @CaseRefParam('id') caseRef: CaseRef,
    @Body() { caseTypeId, comment, commentVisibility }: TransferCaseRequestDto,
    @IfMatchVersion() expectedVersion?: number,
  ): Written {
    const options = { comment, commentVisibility, expectedVersion };
    const command = new TransferCaseCommand(actor, caseRef, caseTypeId, options);
    return this.answers.after('CASE0600', actor, command);
  }
}

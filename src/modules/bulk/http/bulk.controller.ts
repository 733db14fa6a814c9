import { Body, Controller } from '@nestjs/common';
import { Post } from '../../../shared/http/post.decorator';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Actor } from '../../../shared/auth/actor';
import { CurrentActor, RequirePermissions } from '../../../shared/auth/auth.decorators';
import { Permission } from '../../../shared/auth/permission.enum';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { ApiErrors, ApiWrite } from '../../../shared/http/api-responses';
import { WriteEnvelope, written } from '../../../shared/http/envelope';
import { paramProblems } from '../commands/run-bulk-action/bulk-actions';
import { RunBulkActionCommand } from '../commands/run-bulk-action/run-bulk-action.command';
import { RunBulkActionRequestDto } from '../commands/run-bulk-action/run-bulk-action.request.dto';
import { BulkResultResponseDto } from './bulk-result.response.dto';

@ApiTags('bulk')
@Controller('api/v1/cases/bulk')
export class BulkController {
  constructor(private readonly commands: CommandBus) {}

  /**
   * Runs one action on up to 500 cases, each in its own transaction with its own activity
   * entry, as the single-case route would; answers 200 with each case's status and code. Needs
   * CASE_BULK and the action's own permission (403 for the whole request without it).
   */
  @Post()
  @RequirePermissions(Permission.CASE_BULK)
  @ApiWrite('CASE1410', BulkResultResponseDto)
  @ApiErrors()
  async run(
    @CurrentActor() actor: Actor,
    @Body() body: RunBulkActionRequestDto,
  ): Promise<WriteEnvelope<BulkResultResponseDto>> {
    const params = body.params ?? {};
    const problems = paramProblems(body.action, params);
    if (problems.length > 0) throw new DomainError(ErrorCode.ValidationFailed, undefined, problems);
    const command = new RunBulkActionCommand(actor, body.caseIds, body.action, params);
    return written('CASE1410', await this.commands.execute(command));
  }
}

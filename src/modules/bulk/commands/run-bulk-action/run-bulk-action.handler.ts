import { Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommand, ICommandHandler } from '@nestjs/cqrs';
import { CaseRef, parseCaseRef } from '../../../../shared/domain/case-ref';
import { DomainError, ForbiddenError } from '../../../../shared/errors/domain-error';
import { ErrorCode, statusOf } from '../../../../shared/errors/error-codes';
import { BulkCaseResultDto, BulkResultResponseDto } from '../../http/bulk-result.response.dto';
import { BULK_ACTION_SPECS } from './bulk-actions';
import { RunBulkActionCommand } from './run-bulk-action.command';

/** Cases run at once: enough to overlap round trips, few enough to leave the pool to others. */
export const BULK_PARALLELISM = 4;

@CommandHandler(RunBulkActionCommand)
export class RunBulkActionHandler implements ICommandHandler<RunBulkActionCommand> {
  private readonly logger = new Logger(RunBulkActionHandler.name);

  constructor(private readonly commands: CommandBus) {}

  async execute({ actor, caseIds, action, params }: RunBulkActionCommand) {
    const spec = BULK_ACTION_SPECS[action];
    if (!actor.has(spec.permission)) {
      throw new ForbiddenError(
        ErrorCode.MissingPermission,
        `The ${action} action needs ${spec.permission} besides CASE_BULK.`,
      );
    }
    const results: BulkCaseResultDto[] = new Array(caseIds.length);
    let next = 0;
    const worker = async () => {
      while (next < caseIds.length) {
        const i = next++;
        results[i] = await this.runOne(
          caseIds[i],
          (ref) => spec.build(actor, ref, params),
          spec.code,
        );
      }
    };
    await Promise.all(Array.from({ length: BULK_PARALLELISM }, worker));
    const succeeded = results.filter((r) => r.status < 300).length;
    return {
      action,
      succeeded,
      failed: results.length - succeeded,
      results,
    } satisfies BulkResultResponseDto;
  }

  /** One case, its own command and transaction; its failure is its result, not the request's. */
  private async runOne(
    id: string,
    build: (ref: CaseRef) => ICommand,
    code: string,
  ): Promise<BulkCaseResultDto> {
    const ref = parseCaseRef(id);
    if (!ref)
      return {
        id,
        status: statusOf(ErrorCode.InvalidIdentifier),
        code: ErrorCode.InvalidIdentifier,
      };
    try {
      await this.commands.execute(build(ref));
      return { id, status: 200, code };
    } catch (error) {
      if (error instanceof DomainError)
        return { id, status: statusOf(error.code), code: error.code };
      this.logger.error({ err: error, caseId: id }, 'bulk action failed on a case');
      return { id, status: statusOf(ErrorCode.Internal), code: ErrorCode.Internal };
    }
  }
}

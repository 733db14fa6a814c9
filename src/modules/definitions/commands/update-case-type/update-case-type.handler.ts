import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CaseType } from '../../domain/case-type';
import { CaseTypeRepository } from '../../domain/case-type.repository';
import { requireLiveCalendars } from '../../domain/case-type-calendars';
import { DefinitionReferences } from '../../domain/definition-references';
import {
  CaseTypeNotFoundError,
  DuplicateDefinitionCodeError,
} from '../../domain/definition.errors';
import { UpdateCaseTypeCommand } from './update-case-type.command';

@CommandHandler(UpdateCaseTypeCommand)
export class UpdateCaseTypeHandler implements ICommandHandler<UpdateCaseTypeCommand> {
  constructor(
    private readonly references: DefinitionReferences,
    private readonly caseTypes: CaseTypeRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, caseTypeId, changes }: UpdateCaseTypeCommand): Promise<void> {
    const { clientId } = actor;
    return this.tx.run(async () => {
      const caseType = await this.caseTypes.findById(clientId, caseTypeId);
      if (!caseType) throw new CaseTypeNotFoundError();
      caseType.update(changes, actor.userId, this.clock.now());
      // Only references the request sets are checked again, so a rename never fails on an old one.
      if (CaseType.touchesPriorities(changes)) {
        const referenced = caseType.config.priorityReferences().map((r) => r.priorityId);
        caseType.config.requirePriorities(
          await this.references.livePriorities(clientId, referenced),
        );
      }
      if (CaseType.touchesCalendars(changes)) {
        await requireLiveCalendars(this.references, clientId, caseType.config);
      }
      if (changes.code && (await this.caseTypes.codeTaken(clientId, changes.code, caseTypeId))) {
        throw new DuplicateDefinitionCodeError('case type', changes.code);
      }
      await this.caseTypes.save(caseType);
    });
  }
}

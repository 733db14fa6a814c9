import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CaseType } from '../../domain/case-type';
import { CaseTypeRepository } from '../../domain/case-type.repository';
import { requireLiveCalendars } from '../../domain/case-type-calendars';
import { DefinitionReferences } from '../../domain/definition-references';
import { DuplicateDefinitionCodeError } from '../../domain/definition.errors';
import { CreateCaseTypeCommand } from './create-case-type.command';

@CommandHandler(CreateCaseTypeCommand)
export class CreateCaseTypeHandler implements ICommandHandler<CreateCaseTypeCommand> {
  constructor(
    private readonly references: DefinitionReferences,
    private readonly caseTypes: CaseTypeRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, input }: CreateCaseTypeCommand): Promise<string> {
    const { clientId } = actor;
    return this.tx.run(async () => {
      const process = await this.references.process(clientId, input.processId);
      const caseType = CaseType.create(clientId, input, process, actor.userId, this.clock.now());
      const referenced = caseType.config.priorityReferences().map((r) => r.priorityId);
      caseType.config.requirePriorities(await this.references.livePriorities(clientId, referenced));
      await requireLiveCalendars(this.references, clientId, caseType.config);
      if (await this.caseTypes.codeTaken(clientId, input.code)) {
        throw new DuplicateDefinitionCodeError('case type', input.code);
      }
      await this.caseTypes.save(caseType);
      return caseType.id;
    });
  }
}

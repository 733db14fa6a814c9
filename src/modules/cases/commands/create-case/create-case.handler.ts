import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { Case } from '../../domain/case.aggregate';
import { CaseTypeNotFoundError, InvalidCasePriorityError } from '../../domain/case.errors';
import { CaseRepository } from '../../domain/case.repository';
import { CaseTypeConfigReader } from '../../domain/case-type-config.reader';
import { requireKnownFieldUsers } from '../../domain/case-fields';
import { CreateCaseCommand } from './create-case.command';

@CommandHandler(CreateCaseCommand)
export class CreateCaseHandler implements ICommandHandler<CreateCaseCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly definitions: CaseTypeConfigReader,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, input }: CreateCaseCommand): Promise<string> {
    return this.tx.run(async () => {
      const { clientId } = actor;
      const type = await this.definitions.findCaseType(clientId, input.caseTypeId);
      if (!type) throw new CaseTypeNotFoundError();
      // An explicit priority must be usable; a stale type default is simply not applied.
      const priorityId = input.priorityId ?? type.defaultPriorityId;
      const priority = await this.definitions.findPriority(clientId, priorityId);
      if (input.priorityId && !priority) throw new InvalidCasePriorityError();
      await requireKnownFieldUsers(type.fields, input.fields, (ids) =>
        this.definitions.unknownUsers(clientId, ids),
      );
      // Drawn last: the counter row stays locked until commit, so keep that window short.
      const seq = await this.cases.nextSequence(clientId);
      const kase = Case.create({ ...input, seq }, type, priority, { actor, at: this.clock.now() });
      await this.cases.save(kase);
      return kase.id;
    });
  }
}

import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { Case } from '../../domain/case.aggregate';
import { InvalidCasePriorityError } from '../../domain/case.errors';
import { CaseRepository } from '../../domain/case.repository';
import { CasePriority, CaseTypeConfigReader } from '../../domain/case-type-config.reader';
import { visibleOr404 } from '../../domain/case-visibility';
import { requireKnownFieldUsers } from '../../domain/case-fields';
import { EditCaseCommand } from './edit-case.command';

@CommandHandler(EditCaseCommand)
export class EditCaseHandler implements ICommandHandler<EditCaseCommand> {
  constructor(
    private readonly cases: CaseRepository,
    private readonly definitions: CaseTypeConfigReader,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, caseRef, changes, expectedVersion }: EditCaseCommand): Promise<string> {
    return this.tx.run(async () => {
      const kase = visibleOr404(actor, await this.cases.findForUpdate(actor.clientId, caseRef));
      kase.expectVersion(expectedVersion);
      const priority = await this.newPriority(kase, changes.priorityId);
      await requireKnownFieldUsers(kase.fieldDefinitions, changes.fields, (ids) =>
        this.definitions.unknownUsers(actor.clientId, ids),
      );
      kase.edit(changes, priority, { actor, at: this.clock.now() });
      await this.cases.save(kase);
      return kase.id;
    });
  }

  /** Only a priority the edit changes to is looked up (and must be usable). */
  private async newPriority(kase: Case, priorityId?: string | null): Promise<CasePriority | null> {
    const { clientId, priorityId: current } = kase.snapshot;
    if (!priorityId || priorityId === current) return null;
    const priority = await this.definitions.findPriority(clientId, priorityId);
    if (!priority) throw new InvalidCasePriorityError();
    return priority;
  }
}

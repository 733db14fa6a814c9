import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { TERMINAL_STATES } from '../../../../shared/domain/case-state';
import { Clock } from '../../../../shared/time/clock';
import { CaseStatusLabel } from '../../domain/case-status-label';
import { CaseStatusLabelRepository } from '../../domain/case-status-label.repository';
import { CaseStatusResponseDto } from '../../http/case-status.response.dto';
import { RelabelCaseStatusCommand } from './relabel-case-status.command';

@CommandHandler(RelabelCaseStatusCommand)
export class RelabelCaseStatusHandler implements ICommandHandler<RelabelCaseStatusCommand> {
  constructor(
    private readonly labels: CaseStatusLabelRepository,
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
  ) {}

  execute({ actor, state, label }: RelabelCaseStatusCommand): Promise<CaseStatusResponseDto> {
    return this.tx.run(async () => {
      const relabelled = CaseStatusLabel.relabel(
        actor.clientId,
        state,
        label,
        actor.userId,
        this.clock.now(),
      );
      await this.labels.save(relabelled);
      return {
        state: relabelled.state,
        label: relabelled.label,
        terminal: TERMINAL_STATES.includes(relabelled.state),
      };
    });
  }
}

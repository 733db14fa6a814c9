import { AggregateRoot } from '../../../shared/domain/aggregate-root';
import { CaseState } from '../../../shared/domain/case-state';
import { DefinitionChangedEvent } from './definition-changed.event';
import { UnknownStateError } from './definition.errors';

export function isCaseState(value: string): value is CaseState {
  return (Object.values(CaseState) as string[]).includes(value);
}

/** A tenant's own label for one of the fixed states. */
export class CaseStatusLabel extends AggregateRoot {
  private constructor(
    readonly clientId: string,
    readonly state: CaseState,
    readonly label: string,
    readonly updatedBy: string,
    readonly updatedAt: Date,
  ) {
    super();
  }

  /** The states are fixed: relabelling an unknown one is a 404, never a new state. */
  static relabel(
    clientId: string,
    state: string,
    label: string,
    actorId: string,
    now: Date,
  ): CaseStatusLabel {
    if (!isCaseState(state)) throw new UnknownStateError(state);
    const relabelled = new CaseStatusLabel(clientId, state, label.trim(), actorId, now);
    relabelled.record(
      new DefinitionChangedEvent(clientId, state, now, 'case-status.relabeled', actorId, {
        state,
        label: relabelled.label,
      }),
    );
    return relabelled;
  }
}

import { randomUUID } from 'node:crypto';
import { AggregateRoot } from '../../../shared/domain/aggregate-root';
import { DefinitionChangedEvent } from './definition-changed.event';

export type DefinitionKind = 'solution' | 'process' | 'case-type';

export interface DefinitionProps {
  id: string;
  clientId: string;
  name: string;
  code: string;
  description: string | null;
  active: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export interface DefinitionInput {
  name: string;
  code: string;
  description?: string | null;
  active?: boolean;
}

function cleanDescription(value: string | null | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}

/** What solutions, processes and case types share: naming, activation and soft deletion. */
export abstract class Definition<P extends DefinitionProps> extends AggregateRoot {
  protected constructor(protected props: P) {
    super();
  }

  protected abstract get kind(): DefinitionKind;

  protected static newProps(
    clientId: string,
    input: DefinitionInput,
    actorId: string,
    now: Date,
  ): DefinitionProps {
    return {
      id: randomUUID(),
      clientId,
      name: input.name.trim(),
      code: input.code.trim(),
      description: cleanDescription(input.description),
      active: input.active ?? true,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
  }

  get id(): string {
    return this.props.id;
  }

  get snapshot(): Readonly<P> {
    return this.props;
  }

  update(changes: Partial<DefinitionInput>, actorId: string, now: Date): void {
    this.applyChanges(changes, now);
    this.changed('updated', actorId, now);
  }

  /** Soft delete; the handler cascades it to the children in the same transaction. */
  delete(actorId: string, now: Date): void {
    this.props = { ...this.props, deletedAt: now, updatedAt: now };
    this.changed('deleted', actorId, now);
  }

  protected applyChanges(changes: Partial<DefinitionInput>, now: Date): void {
    const p = this.props;
    this.props = {
      ...p,
      name: changes.name?.trim() ?? p.name,
      code: changes.code?.trim() ?? p.code,
      description:
        changes.description === undefined ? p.description : cleanDescription(changes.description),
      active: changes.active ?? p.active,
      updatedAt: now,
    };
  }

  protected changed(change: string, actorId: string, now: Date): void {
    this.record(
      new DefinitionChangedEvent(
        this.props.clientId,
        this.props.id,
        now,
        `${this.kind}.${change}`,
        actorId,
      ),
    );
  }
}

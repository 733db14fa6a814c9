import { randomUUID } from 'node:crypto';
import { AggregateRoot } from '../../../shared/domain/aggregate-root';
import { PriorityChange, PriorityChangedEvent } from './priority-changed.event';

export interface PriorityProps {
  id: string;
  clientId: string;
  name: string;
  code: string;
  level: number;
  color: string | null;
  active: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export type PriorityInput = Pick<PriorityProps, 'name' | 'code' | 'level'> &
  Partial<Pick<PriorityProps, 'color' | 'active'>>;

export class Priority extends AggregateRoot {
  private constructor(private props: PriorityProps) {
    super();
  }

  static create(clientId: string, input: PriorityInput, actorId: string, now: Date): Priority {
    const priority = new Priority({
      id: randomUUID(),
      clientId,
      name: input.name.trim(),
      code: input.code.trim(),
      level: input.level,
      color: input.color ?? null,
      active: input.active ?? true,
      createdBy: actorId,
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    });
    priority.changed('created', actorId, now);
    return priority;
  }

  static restore(props: PriorityProps): Priority {
    return new Priority({ ...props });
  }

  get id(): string {
    return this.props.id;
  }

  get code(): string {
    return this.props.code;
  }

  get snapshot(): Readonly<PriorityProps> {
    return this.props;
  }

  update(changes: Partial<PriorityInput>, actorId: string, now: Date): void {
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    this.props = { ...this.props, ...defined, updatedAt: now };
    this.changed('updated', actorId, now);
  }

  delete(actorId: string, now: Date): void {
    this.props = { ...this.props, deletedAt: now, updatedAt: now };
    this.changed('deleted', actorId, now);
  }

  private changed(change: PriorityChange, actorId: string, now: Date): void {
    this.record(new PriorityChangedEvent(this.props.clientId, this.props.id, now, change, actorId));
  }
}

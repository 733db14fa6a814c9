import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { DomainEvent } from '../../../shared/domain/domain-event';
import { TransactionalSubscriber } from '../../../shared/outbox/transactional-subscriber';
import { CaseEvent } from '../../cases';

/**
 * The comment rows (case_comments), written in the transaction of the change that carries them:
 * a comment command, or an action with its optional comment (event `comment`, see CaseEvent).
 */
@Injectable()
export class CaseCommentsSubscriber extends TransactionalSubscriber {
  readonly name = 'comments';
  readonly order = 20;

  constructor(private readonly tx: TransactionManager) {
    super();
  }

  handles(event: DomainEvent): boolean {
    return event instanceof CaseEvent && event.context.comment !== undefined;
  }

  async handle(events: DomainEvent[]): Promise<void> {
    const params: unknown[] = [];
    const rows = (events as CaseEvent[]).map((e) => {
      const c = e.context.comment!;
      const values = [c.id, e.clientId, e.aggregateId, c.kind ?? 'COMMENT', c.visibility];
      return `(${[...values, c.authorId, c.text, c.createdAt].map((v) => `$${params.push(v)}`).join(', ')})`;
    });
    await this.tx.query(
      `INSERT INTO case_comments (id, client_id, case_id, kind, visibility, author_id, text, created_at)
       VALUES ${rows.join(', ')}`,
      params,
    );
  }
}

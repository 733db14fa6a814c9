import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TransactionManager } from '../../../../shared/database/transaction-manager';
import { Clock } from '../../../../shared/time/clock';
import { CalendarWeeks, weekIn } from '../../../calendars';
import { visibleCaseId } from '../../../cases';
import { currentSpan } from '../../domain/business-clock';
import { readClock } from '../../domain/clock-reading';
import { CaseSlaResponseDto } from '../../http/case-sla.response.dto';
import { loadInstances } from '../../infrastructure/sla-instances.sql';
import { ListCaseSlasQuery } from './list-case-slas.query';

/** Every SLA instance of a visible case (re-selected ones too), oldest first, read at now. */
@QueryHandler(ListCaseSlasQuery)
export class ListCaseSlasHandler implements IQueryHandler<ListCaseSlasQuery> {
  constructor(
    private readonly tx: TransactionManager,
    private readonly calendars: CalendarWeeks,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, caseRef }: ListCaseSlasQuery): Promise<CaseSlaResponseDto[]> {
    const caseId = await visibleCaseId(this.tx, actor, caseRef);
    const instances = await loadInstances(this.tx, actor.clientId, [caseId], { all: true });
    const weeks = await this.calendars.find(
      actor.clientId,
      instances.map((c) => c.calendarId),
    );
    const now = this.clock.now();
    return instances.map((c) => {
      const reading = readClock(c, weekIn(weeks, c.calendarId).week, now, c.closedAt);
      const span = currentSpan(c);
      return {
        id: c.id,
        name: c.name,
        metric: c.metric,
        calendarId: c.calendarId,
        startedAt: c.createdAt,
        targetMinutes: c.targetMinutes,
        warnAt: c.warnAt,
        dueAt: c.breachAt,
        ...reading,
        warnedAt: c.warnedAt,
        violatedAt: c.violatedAt,
        metAt: span.state === 'met' ? span.from : null,
        escalations: c.escalations.map((r) => ({ atPercent: r.atPercent, firedAt: r.firedAt })),
      };
    });
  }
}

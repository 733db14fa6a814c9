import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Clock } from '../../../../shared/time/clock';
import { CalendarWeeks } from '../../../calendars';
import { CaseTypeCatalog, proposeSlas, requireProposedCalendars } from '../../../definitions';
import { previewOf, SlaPreview } from '../../domain/sla-recompute';
import { RECOMPUTE_BATCH, SlaRecompute } from '../../infrastructure/sla-recompute.sql';
import { withCalendars } from '../../infrastructure/sla-tracker.sql';
import { PreviewSlasQuery } from './preview-slas.query';

const ZERO: SlaPreview = {
  openInstances: 0,
  wouldBeBreached: 0,
  wouldBeAtRisk: 0,
  wouldMoveEarlier: 0,
  wouldMoveLater: 0,
  withoutDefinition: 0,
};

/**
 * The recompute a case type update would run (the same pure functions), on the open cases of
 * the type, batch by batch, reading only: nothing is locked or written.
 */
@QueryHandler(PreviewSlasQuery)
export class PreviewSlasHandler implements IQueryHandler<PreviewSlasQuery> {
  constructor(
    private readonly catalog: CaseTypeCatalog,
    private readonly calendars: CalendarWeeks,
    private readonly recompute: SlaRecompute,
    private readonly clock: Clock,
  ) {}

  async execute({ actor, caseTypeId, proposal }: PreviewSlasQuery): Promise<SlaPreview> {
    const { clientId } = actor;
    const type = await this.catalog.findAny(clientId, caseTypeId);
    const calendarId = proposal.calendarId === undefined ? type.calendarId : proposal.calendarId;
    const proposed = proposeSlas({ slas: proposal.slas, calendarId }, type.slas);
    const live = await this.calendars.find(clientId, proposed.calendarIds);
    requireProposedCalendars(proposed, new Set(live.keys()));
    const definitions = withCalendars(proposed.slas, proposed.calendarId);
    const now = this.clock.now();
    let total = ZERO;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const caseIds = await this.recompute.openCasesOfType(
        clientId,
        caseTypeId,
        after,
        RECOMPUTE_BATCH,
      );
      if (caseIds.length === 0) return total;
      const part = previewOf(
        await this.recompute.pairs(clientId, caseIds, definitions),
        definitions,
        now,
      );
      total = Object.fromEntries(
        Object.entries(total).map(([k, v]) => [k, v + part[k as keyof SlaPreview]]),
      ) as unknown as SlaPreview;
      after = caseIds[caseIds.length - 1];
    }
  }
}

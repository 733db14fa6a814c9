import { CaseState } from '../../../shared/domain/case-state';
import { ALWAYS } from '../../calendars';
import { SlaDefinition } from '../../definitions';
import { clockAt, startBusinessClock } from './business-clock';
import { previewOf, recomputed } from './sla-recompute';

const at = (m: number) => new Date(Date.UTC(2026, 0, 5, 9) + m * 60_000);
const definition: SlaDefinition = {
  id: 'd1',
  name: 'Resolution',
  priorityId: null,
  warnAfterMinutes: 30,
  breachAfterMinutes: 120,
  pauseInStates: [CaseState.ON_HOLD],
  metric: 'resolution',
  calendarId: null,
  targetMinutes: 120,
  escalations: [],
};
const instance = (minutesAgo: number) => ({
  slaDefinitionId: 'd1',
  calendarId: null,
  ...startBusinessClock(
    { ...definition, warnMinutes: 30, targetMinutes: 120 },
    ALWAYS,
    CaseState.NEW,
    at(-minutesAgo),
  ),
});

describe('Recomputing open instances', () => {
  it('takes the edited definition, keeping marks made', () => {
    const warned = { ...instance(60), warnedAt: at(-30) };
    const edited = recomputed(warned, () => ALWAYS, [
      { ...definition, warnAfterMinutes: 10, breachAfterMinutes: 50 },
    ]);
    expect(edited).toMatchObject({ warnAt: warned.warnAt, breachAt: at(-10), targetMinutes: 50 });
    expect(recomputed(warned, () => ALWAYS, [])).toEqual(warned);
  });

  it('previews what the change would make due, and nothing for clocks stopped', () => {
    const running = instance(60);
    const resolved = clockAt(instance(60), ALWAYS, CaseState.RESOLVED, at(-5));
    const shorter = [{ ...definition, warnAfterMinutes: 10, breachAfterMinutes: 40 }];
    const pairs = [running, resolved].map((before) => ({
      before,
      after: recomputed(before, () => ALWAYS, shorter),
    }));
    expect(previewOf(pairs, shorter, at(0))).toEqual({
      openInstances: 1,
      wouldBeBreached: 1,
      wouldBeAtRisk: 0,
      wouldMoveEarlier: 1,
      wouldMoveLater: 0,
      withoutDefinition: 0,
    });
    expect(previewOf(pairs, [], at(0)).withoutDefinition).toBe(1);
  });
});

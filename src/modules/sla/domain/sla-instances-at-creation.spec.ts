import { slaInstancesAtCreation } from './sla-instances-at-creation';

const T0 = new Date('2026-01-05T09:00:00.000Z');

describe('SLA instances at creation', () => {
  it('keeps definitions for every priority or for the case priority only', () => {
    const defs = [
      {
        id: 'a',
        name: 'A',
        priorityId: null,
        warnAfterMinutes: 15,
        breachAfterMinutes: 45,
        pauseInStates: [],
      },
      {
        id: 'b',
        name: 'B',
        priorityId: 'p1',
        warnAfterMinutes: 1,
        breachAfterMinutes: 2,
        pauseInStates: [],
      },
    ];
    expect(slaInstancesAtCreation(defs, null, T0).map((s) => s.slaDefinitionId)).toEqual(['a']);
    const [a, b] = slaInstancesAtCreation(defs, 'p1', T0);
    expect(a).toMatchObject({
      slaDefinitionId: 'a',
      name: 'A',
      warnAt: new Date('2026-01-05T09:15:00.000Z'),
      breachAt: new Date('2026-01-05T09:45:00.000Z'),
      createdAt: T0,
    });
    expect(b.slaDefinitionId).toBe('b');
    expect(a.id).not.toBe(b.id);
  });
});

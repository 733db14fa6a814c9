import { parseSlaDefinitions } from './sla-definition';

describe('SLA definitions from case_types.slas', () => {
  it('reads the stored shape and skips entries without an id', () => {
    expect(
      parseSlaDefinitions([
        { id: 'a', name: 'A', warnAfterMinutes: '5', breachAfterMinutes: 9 },
        { name: 'no id', warnAfterMinutes: 1, breachAfterMinutes: 2 },
      ]),
    ).toEqual([
      {
        id: 'a',
        name: 'A',
        priorityId: null,
        warnAfterMinutes: 5,
        breachAfterMinutes: 9,
        pauseInStates: [],
        metric: 'resolution',
        calendarId: null,
        targetMinutes: 9,
        escalations: [],
      },
    ]);
    expect(parseSlaDefinitions(null)).toEqual([]);
  });
});

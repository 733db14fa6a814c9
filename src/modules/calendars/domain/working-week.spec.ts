import { validateWorkingWeek, WEEKDAYS, WorkingHours, WorkingWeek } from './working-week';

const valid: WorkingWeek = {
  timeZone: 'Europe/Berlin',
  workingHours: {
    ...(Object.fromEntries(WEEKDAYS.map((d) => [d, []])) as unknown as WorkingHours),
    mon: [{ start: '09:00', end: '17:00' }],
  },
  holidays: [{ date: '2026-12-25', name: 'Christmas' }],
};
const fields = (week: Partial<WorkingWeek>) =>
  validateWorkingWeek({ ...valid, ...week }).map((d) => d.field);
const hours = (h: Partial<WorkingHours>) => ({ ...valid.workingHours, ...h });

describe('validateWorkingWeek', () => {
  it('accepts a valid week, a full day to 24:00 and overnight shifts', () => {
    expect(validateWorkingWeek(valid)).toEqual([]);
    expect(fields({ workingHours: hours({ tue: [{ start: '00:00', end: '24:00' }] }) })).toEqual(
      [],
    );
    expect(fields({ workingHours: hours({ sun: [{ start: '22:00', end: '06:00' }] }) })).toEqual(
      [],
    );
    expect(fields({ timeZone: 'UTC' })).toEqual([]);
    expect(fields({ timeZone: 'America/Argentina/Buenos_Aires' })).toEqual([]);
  });

  it('refuses unknown zones and UTC offsets', () => {
    expect(fields({ timeZone: 'Mars/Olympus' })).toEqual(['timeZone']);
    expect(fields({ timeZone: '+01:00' })).toEqual(['timeZone']);
    expect(fields({ timeZone: '' })).toEqual(['timeZone']);
  });

  it('refuses bad HH:MM, 24:00 as a start and start == end', () => {
    expect(
      fields({
        workingHours: hours({
          mon: [
            { start: '9:00', end: '17:00' },
            { start: '24:00', end: '23:00' },
            { start: '18:00', end: '25:00' },
            { start: '20:00', end: '20:00' },
          ],
        }),
      }),
    ).toEqual([
      'workingHours.mon.0.start',
      'workingHours.mon.1.start',
      'workingHours.mon.2.end',
      'workingHours.mon.3',
    ]);
  });

  it('refuses overlapping intervals, within a day and across midnight and the week end', () => {
    expect(
      fields({
        workingHours: hours({
          mon: [
            { start: '09:00', end: '12:00' },
            { start: '11:00', end: '13:00' },
          ],
        }),
      }),
    ).toEqual(['workingHours.mon.1']);
    expect(
      fields({
        workingHours: hours({
          mon: [{ start: '22:00', end: '06:00' }],
          tue: [{ start: '05:00', end: '08:00' }],
        }),
      }),
    ).toEqual(['workingHours.tue.0']);
    expect(
      fields({
        workingHours: hours({ sun: [{ start: '22:00', end: '09:30' }] }),
      }),
    ).toEqual(['workingHours.mon.0']);
    // Touching is not overlapping.
    expect(
      fields({
        workingHours: hours({
          mon: [
            { start: '09:00', end: '12:00' },
            { start: '12:00', end: '13:00' },
          ],
        }),
      }),
    ).toEqual([]);
  });

  it('refuses a week without working time and holidays that are not real dates', () => {
    expect(fields({ workingHours: hours({ mon: [] }) })).toEqual(['workingHours']);
    expect(
      fields({
        holidays: [
          { date: '2026-02-30', name: 'x' },
          { date: '26-01-01', name: 'x' },
          { date: '2026-01-01', name: 'ok' },
          { date: '1850-01-01', name: 'x' },
        ],
      }),
    ).toEqual(['holidays.0.date', 'holidays.1.date', 'holidays.3.date']);
  });
});

import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const office = [{ start: '09:00', end: '17:00' }];
const berlinOffice = {
  name: 'Berlin office',
  timeZone: 'Europe/Berlin',
  workingHours: { mon: office, tue: office, wed: office, thu: office, fri: office },
  holidays: [{ date: '2026-12-25', name: 'Christmas' }],
};
const fieldsOf = (body: { details?: { field: string }[] }) =>
  (body.details ?? []).map((d) => d.field).sort();

describe('Calendars: business-time questions (e2e)', () => {
  let t: TestApp;
  const admin = bearer({ tenant: newTenant() });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const createId = async () =>
    (await t.http.post('/api/v1/calendars').set(admin).send(berlinOffice).expect(201)).body.data
      .id as string;
  const businessTime = (id: string, query: string) =>
    t.http.get(`/api/v1/calendars/${id}/business-time?${query}`).set(admin);

  it('answers business-time questions in the calendar zone', async () => {
    const id = await createId();
    const at = await businessTime(id, 'from=2026-03-06T15:00:00Z&addMinutes=240').expect(200);
    expect(at.body).toEqual({ data: { at: '2026-03-09T11:00:00.000Z' } });
    const minutes = await businessTime(
      id,
      'from=2026-03-06T15:00:00.000Z&to=2026-03-09T11:00:00%2B00:00',
    ).expect(200);
    expect(minutes.body).toEqual({ data: { minutes: 240 } });
    const offset = await businessTime(id, 'from=2026-03-06T16:00:00%2B01:00&addMinutes=0');
    expect(offset.body).toEqual({ data: { at: '2026-03-06T15:00:00.000Z' } });
    const reversed = await businessTime(id, 'from=2026-03-09T10:00:00Z&to=2026-03-09T09:00:00Z');
    expect(reversed.body).toEqual({ data: { minutes: 0 } });
    const half = await businessTime(id, 'from=2026-03-09T09:00:00Z&addMinutes=0.5').expect(200);
    expect(half.body).toEqual({ data: { at: '2026-03-09T09:00:30.000Z' } });
    // Thursday 24 December 16:30 CET: 30 minutes that day, Friday is Christmas, 30 on Monday.
    const holiday = await businessTime(id, 'from=2026-12-24T15:30:00Z&addMinutes=60');
    expect(holiday.body.data.at).toBe('2026-12-28T08:30:00.000Z');
  });

  it('refuses bad business-time questions with coded 400s', async () => {
    const id = await createId();
    const cases: [string, string, string[]][] = [
      ['addMinutes=5', 'CASE4000', ['from']],
      ['from=2026-03-06T15:00:00Z', 'CASE4000', ['addMinutes', 'to']],
      [
        'from=2026-03-06T15:00:00Z&addMinutes=5&to=2026-03-07T00:00:00Z',
        'CASE4000',
        ['addMinutes', 'to'],
      ],
      ['from=yesterday&addMinutes=5', 'CASE4000', ['from']],
      ['from=2026-03-06T15:00:00&addMinutes=5', 'CASE4000', ['from']],
      ['from=2026-02-30T15:00:00Z&addMinutes=5', 'CASE4000', ['from']],
      ['from=2026-03-06T15:00:00Z&addMinutes=abc', 'CASE4000', ['addMinutes']],
      ['from=2026-03-06T15:00:00Z&addMinutes=', 'CASE4000', ['addMinutes']],
      ['from=2026-03-06T15:00:00Z&addMinutes=-1', 'CASE4000', ['addMinutes']],
      ['from=2026-03-06T15:00:00Z&addMinutes=1e12', 'CASE4000', ['addMinutes']],
      ['from=2026-03-06T15:00:00Z&to=tomorrow', 'CASE4000', ['to']],
      ['from=2026-03-06T15:00:00Z&addMinutes=1&addMinutes=2', 'CASE4000', ['addMinutes']],
      ['from=2026-03-06T15:00:00Z&to=2040-01-01T00:00:00Z', 'CASE4401', ['to']],
      ['from=1800-01-01T00:00:00Z&addMinutes=5', 'CASE4401', ['from']],
      ['from=2026-03-06T15:00:00Z&addMinutes=5000000', 'CASE4401', []],
    ];
    for (const [query, code, fields] of cases) {
      const res = await businessTime(id, query);
      expect([query, res.status, res.body.code, [...new Set(fieldsOf(res.body))]]).toEqual([
        query,
        400,
        code,
        fields,
      ]);
    }
    await t.http
      .get(`/api/v1/calendars/not-a-uuid/business-time?from=2026-03-06T15:00:00Z&addMinutes=1`)
      .set(admin)
      .expect(400);
  });
});

import { Permission } from '../../src/shared/auth/permission.enum';
import { createCaseType } from '../support/builders/definitions-http.builder';
import { expectPermissionMatrix } from '../support/permission-matrix';
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

describe('Calendars (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({ tenant });

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const create = (body: object, headers = admin) =>
    t.http.post('/api/v1/calendars').set(headers).send(body);
  const createId = async (body: object = berlinOffice, headers = admin) =>
    (await create(body, headers).expect(201)).body.data.id as string;
  const businessTime = (id: string, query: string, headers = admin) =>
    t.http.get(`/api/v1/calendars/${id}/business-time?${query}`).set(headers);

  it('creates, reads, updates and soft-deletes a calendar with the CASE11xx codes', async () => {
    const created = await create(berlinOffice);
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      code: 'CASE1100',
      message: 'Calendar saved successfully.',
      data: {
        id: expect.any(String),
        name: 'Berlin office',
        timeZone: 'Europe/Berlin',
        workingHours: {
          mon: office,
          tue: office,
          wed: office,
          thu: office,
          fri: office,
          sat: [],
          sun: [],
        },
        holidays: [{ date: '2026-12-25', name: 'Christmas' }],
        version: 1,
        createdBy: 'alice',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    });
    const id = created.body.data.id as string;
    const got = await t.http.get(`/api/v1/calendars/${id}`).set(admin).expect(200);
    expect(got.body).toEqual({ data: created.body.data });

    const updated = await t.http
      .patch(`/api/v1/calendars/${id}`)
      .set(admin)
      .send({ name: 'Night desk', workingHours: { mon: [{ start: '22:00', end: '06:00' }] } })
      .expect(200);
    expect(updated.body).toMatchObject({
      code: 'CASE1102',
      message: 'Calendar updated successfully.',
      data: {
        id,
        name: 'Night desk',
        timeZone: 'Europe/Berlin',
        workingHours: { mon: [{ start: '22:00', end: '06:00' }], tue: [] },
        holidays: [{ date: '2026-12-25', name: 'Christmas' }],
        version: 2,
      },
    });

    const deleted = await t.http.delete(`/api/v1/calendars/${id}`).set(admin).expect(200);
    expect(deleted.body).toEqual({
      code: 'CASE1104',
      message: 'Calendar deleted successfully.',
      data: { id },
    });
    const gone = await t.http.get(`/api/v1/calendars/${id}`).set(admin).expect(404);
    expect(gone.body).toMatchObject({ statusCode: 404, code: 'CASE4404' });
    await t.http.delete(`/api/v1/calendars/${id}`).set(admin).expect(404);
    await businessTime(id, 'from=2026-03-06T15:00:00Z&addMinutes=1').expect(404);
  });

  it('serialises concurrent updates: none is lost, each raises the version once', async () => {
    const id = await createId();
    const results = await Promise.all(
      [0, 1, 2, 3, 4].map((i) =>
        t.http
          .patch(`/api/v1/calendars/${id}`)
          .set(admin)
          .send(
            i % 2
              ? { name: `Name ${i}` }
              : { holidays: [{ date: `2026-01-0${i + 1}`, name: `H${i}` }] },
          ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    // Each answer is read after its commit, so it may already show a later update.
    for (const r of results) expect(r.body.data.version).toBeGreaterThanOrEqual(2);
    const last = await t.http.get(`/api/v1/calendars/${id}`).set(admin).expect(200);
    expect(last.body.data.version).toBe(6);
  });

  it('lists live calendars with keyset pagination', async () => {
    const own = bearer({ tenant: newTenant() });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(await createId({ ...berlinOffice, name: `C${i}` }, own));
    await t.http.delete(`/api/v1/calendars/${ids[2]}`).set(own).expect(200);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await t.http
        .get(`/api/v1/calendars?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
        .set(own)
        .expect(200);
      expect(page.body.page.limit).toBe(2);
      expect(page.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.data.map((c: { id: string }) => c.id));
      cursor = page.body.page.nextCursor as string | null;
    } while (cursor);
    expect(seen.sort()).toEqual(ids.filter((_, i) => i !== 2).sort());
    const bad = await t.http.get('/api/v1/calendars?cursor=garbage').set(own).expect(400);
    expect(bad.body.code).toBe('CASE4002');
    await t.http.get('/api/v1/calendars?limit=0').set(own).expect(400);
  });

  it('refuses an invalid calendar with CASE4400 and a detail per field', async () => {
    const res = await create({
      name: 'Broken',
      timeZone: 'Mars/Olympus_Mons',
      workingHours: {
        mon: [
          { start: '9:00', end: '17:00' },
          { start: '10:00', end: '10:00' },
        ],
        tue: [
          { start: '09:00', end: '12:00' },
          { start: '11:00', end: '13:00' },
        ],
      },
      holidays: [{ date: '2026-02-30', name: 'Nope' }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'CASE4400' });
    expect(fieldsOf(res.body)).toEqual([
      'holidays.0.date',
      'timeZone',
      'workingHours.mon.0.start',
      'workingHours.mon.1',
      'workingHours.tue.1',
    ]);
    const empty = await create({ ...berlinOffice, workingHours: { sat: [] } });
    expect(empty.status).toBe(400);
    expect(empty.body.code).toBe('CASE4400');
    expect(fieldsOf(empty.body)).toEqual(['workingHours']);
  });

  it('refuses malformed bodies with CASE4000, nested fields named', async () => {
    const res = await create({
      name: ' ',
      timeZone: 5,
      workingHours: { mon: [{ start: 9 }], funday: [] },
      holidays: [null, { date: '2026-01-01' }],
      extra: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CASE4000');
    expect(fieldsOf(res.body)).toEqual(
      expect.arrayContaining([
        'extra',
        'holidays.0',
        'holidays.1.name',
        'name',
        'timeZone',
        'workingHours.funday',
        'workingHours.mon.0.end',
        'workingHours.mon.0.start',
      ]),
    );
    const list = await create({ ...berlinOffice, workingHours: [] });
    expect(list.status).toBe(400);
    expect(fieldsOf(list.body)).toContain('workingHours');
    const id = await createId();
    const nulls = await t.http
      .patch(`/api/v1/calendars/${id}`)
      .set(admin)
      .send({ name: null, workingHours: null, holidays: null, timeZone: null });
    expect(nulls.status).toBe(400);
    expect([...new Set(fieldsOf(nulls.body))]).toEqual([
      'holidays',
      'name',
      'timeZone',
      'workingHours',
    ]);
    const invalid = await t.http
      .patch(`/api/v1/calendars/${id}`)
      .set(admin)
      .send({ timeZone: 'Europe/Atlantis' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('CASE4400');
    const unchanged = await t.http.get(`/api/v1/calendars/${id}`).set(admin).expect(200);
    expect(unchanged.body.data).toMatchObject({ timeZone: 'Europe/Berlin', version: 1 });
    await t.http.get('/api/v1/calendars/not-a-uuid').set(admin).expect(400);
  });

  it('refuses to delete a calendar a case type names (409 CASE4409)', async () => {
    const id = await createId();
    const caseTypeId = await createCaseType(t, admin);
    await t.dataSource.query(
      `UPDATE case_types SET slas = jsonb_build_array(jsonb_build_object(
         'id', 'sla-1', 'name', 'Response', 'calendarId', $2::text,
         'warnAfterMinutes', 30, 'breachAfterMinutes', 60)) WHERE id = $1`,
      [caseTypeId, id],
    );
    const refused = await t.http.delete(`/api/v1/calendars/${id}`).set(admin);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ statusCode: 409, code: 'CASE4409' });
    await t.http.get(`/api/v1/calendars/${id}`).set(admin).expect(200);
    // Another calendar of the tenant is not held by that reference.
    const other = await createId();
    await t.http.delete(`/api/v1/calendars/${other}`).set(admin).expect(200);
    // Once the case type is deleted the calendar is free.
    await t.http.delete(`/api/v1/case-types/${caseTypeId}`).set(admin).expect(200);
    await t.http.delete(`/api/v1/calendars/${id}`).set(admin).expect(200);
  });

  it("never shows, uses or changes another tenant's calendar", async () => {
    const id = await createId();
    const intruder = bearer({ tenant: newTenant() });
    await t.http.get(`/api/v1/calendars/${id}`).set(intruder).expect(404);
    await businessTime(id, 'from=2026-03-06T15:00:00Z&addMinutes=1', intruder).expect(404);
    await t.http.patch(`/api/v1/calendars/${id}`).set(intruder).send({ name: 'x' }).expect(404);
    await t.http.delete(`/api/v1/calendars/${id}`).set(intruder).expect(404);
    const list = await t.http.get('/api/v1/calendars').set(intruder).expect(200);
    expect(list.body.data).toEqual([]);
    const mine = await t.http.get(`/api/v1/calendars/${id}`).set(admin).expect(200);
    expect(mine.body.data).toMatchObject({ name: 'Berlin office', version: 1 });
  });

  it('enforces the permission matrix on every route', async () => {
    const id = await createId();
    const routes = [
      { method: 'post', path: '/api/v1/calendars', body: berlinOffice, p: 'CASE_DEF_CREATE' },
      { method: 'get', path: '/api/v1/calendars', p: 'CASE_DEF_VIEW' },
      { method: 'get', path: `/api/v1/calendars/${id}`, p: 'CASE_DEF_VIEW' },
      {
        method: 'get',
        path: `/api/v1/calendars/${id}/business-time?from=2026-03-06T15:00:00Z&addMinutes=1`,
        p: 'CASE_DEF_VIEW',
      },
      { method: 'patch', path: `/api/v1/calendars/${id}`, body: { name: 'y' }, p: 'CASE_DEF_EDIT' },
      { method: 'delete', path: `/api/v1/calendars/${id}`, p: 'CASE_DEF_DELETE' },
    ] as const;
    for (const r of routes) {
      await expectPermissionMatrix(t, tenant, {
        method: r.method,
        path: r.path,
        body: 'body' in r ? r.body : undefined,
        permissions: [Permission[r.p]],
      });
    }
  });
});

import { Permission } from '../../src/shared/auth/permission.enum';
import { createCaseType } from '../support/builders/definitions-http.builder';
import { createTestApp, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

type Headers = Record<string, string>;
interface Detail {
  field: string;
}

const FIELDS = [
  { key: 'policy', label: 'Policy number', type: 'string', required: true, maxLength: 12 },
  { key: 'amount', label: 'Damage amount', type: 'number', min: 0, max: 100000 },
  { key: 'severity', label: 'Severity', type: 'enum', options: ['low', 'high'], default: 'low' },
  { key: 'urgent', label: 'Urgent', type: 'boolean', filterable: true },
  { key: 'since', label: 'Damage since', type: 'date', max: '2026-12-31' },
  { key: 'expert', label: 'Expert', type: 'user' },
];

const fieldsOf = (body: { details?: Detail[] }) => (body.details ?? []).map((d) => d.field).sort();

describe('Custom case fields (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const admin = bearer({
    tenant,
    permissions: [Permission.CASE_ALL, Permission.CASE_DIRECTORY_MANAGE],
  });
  let typeId: string;
  let otherTypeId: string;

  beforeAll(async () => {
    t = await createTestApp();
    typeId = await createCaseType(t, admin, { fields: FIELDS });
    otherTypeId = await createCaseType(t, admin, {
      fields: [{ key: 'amount', label: 'Amount (text)', type: 'string' }],
    });
  });
  afterAll(() => t.close());

  const create = (fields: object, headers: Headers = admin, caseTypeId = typeId) =>
    t.http.post('/api/v1/cases').set(headers).send({ caseTypeId, details: 'Leak', fields });
  const createId = async (fields: object, headers: Headers = admin, caseTypeId = typeId) =>
    (await create(fields, headers, caseTypeId).expect(201)).body.data.id as string;
  const list = async (query: string, headers: Headers = admin, path = '/api/v1/cases') => {
    const res = await t.http.get(`${path}?${query}`).set(headers).expect(200);
    return (res.body.data as { id: string }[]).map((c) => c.id).sort();
  };

  it('keeps the definitions on the case type, defaults and all', async () => {
    const res = await t.http.get(`/api/v1/case-types/${typeId}`).set(admin).expect(200);
    expect(res.body.data.fields).toHaveLength(FIELDS.length);
    expect(res.body.data.fields[2]).toEqual({
      ...FIELDS[2],
      required: false,
      min: null,
      max: null,
      maxLength: null,
      filterable: false,
    });
    const bad = await t.http
      .patch(`/api/v1/case-types/${typeId}`)
      .set(admin)
      .send({
        fields: [
          { key: 'x', label: 'X', type: 'enum' },
          { key: 'x', label: 'Y', type: 'string' },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('CASE4005');
    expect(fieldsOf(bad.body)).toEqual(['fields.0.options', 'fields.1.key']);
  });

  it('stores the values a case is created with, defaults applied, in every response', async () => {
    const res = await create({ policy: 'PN-1', amount: 1200, since: '2026-03-01' }).expect(201);
    const fields = { policy: 'PN-1', amount: 1200, since: '2026-03-01', severity: 'low' };
    expect(res.body.data.fields).toEqual(fields);
    const read = await t.http.get(`/api/v1/cases/${res.body.data.id}`).set(admin).expect(200);
    expect(read.body.data.fields).toEqual(fields);
    const mine = await t.http.get('/api/v1/cases/mine').set(admin).expect(200);
    expect(mine.body.data.find((c: { id: string }) => c.id === res.body.data.id).fields).toEqual(
      fields,
    );
  });

  it('answers 400 CASE4600 naming each wrong field, and writes nothing', async () => {
    const before = await list(`caseTypeId=${typeId}`);
    const res = await create({
      amount: -1,
      severity: 'medium',
      urgent: 'yes',
      since: '2027-01-01',
      unknown: 1,
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('CASE4600');
    expect(fieldsOf(res.body)).toEqual([
      'fields.amount',
      'fields.policy',
      'fields.severity',
      'fields.since',
      'fields.unknown',
      'fields.urgent',
    ]);
    const tooLong = await create({ policy: 'P'.repeat(13) });
    expect(fieldsOf(tooLong.body)).toEqual(['fields.policy']);
    const notObject = await create(['policy']);
    expect(notObject.body.code).toBe('CASE4000');
    expect(await list(`caseTypeId=${typeId}`)).toEqual(before);
  });

  it('merges edits (null clears) and records old and new values in the activity', async () => {
    const id = await createId({ policy: 'PN-2', amount: 10, urgent: true });
    const res = await t.http
      .patch(`/api/v1/cases/${id}`)
      .set(admin)
      .send({ fields: { amount: 20, urgent: null } })
      .expect(200);
    expect(res.body.data.fields).toEqual({ policy: 'PN-2', amount: 20, severity: 'low' });
    const cleared = await t.http
      .patch(`/api/v1/cases/${id}`)
      .set(admin)
      .send({ fields: { policy: null } });
    expect(cleared.status).toBe(400);
    expect(fieldsOf(cleared.body)).toEqual(['fields.policy']);
    const activity = await t.http.get(`/api/v1/cases/${id}/activities`).set(admin).expect(200);
    const changes = (activity.body.data as { data: { changes?: object } }[])
      .map((a) => a.data.changes)
      .filter(Boolean);
    expect(changes).toContainEqual({
      'fields.amount': { old: 10, new: 20 },
      'fields.urgent': { old: true, new: null },
    });
  });

  it('keeps stored values when the type changes its fields; new rules apply to new writes', async () => {
    const typeB = await createCaseType(t, admin, {
      fields: [
        { key: 'level', label: 'Level', type: 'number', max: 10 },
        { key: 'note', label: 'Note', type: 'string' },
      ],
    });
    const id = await createId({ level: 9, note: 'old' }, admin, typeB);
    await t.http
      .patch(`/api/v1/case-types/${typeB}`)
      .set(admin)
      .send({ fields: [{ key: 'level', label: 'Level', type: 'number', max: 5 }] })
      .expect(200);
    const read = await t.http.get(`/api/v1/cases/${id}`).set(admin).expect(200);
    expect(read.body.data.fields).toEqual({ level: 9, note: 'old' });
    // An edit that does not touch `level` does not revalidate it.
    await t.http.patch(`/api/v1/cases/${id}`).set(admin).send({ details: 'Edited' }).expect(200);
    const note = await t.http
      .patch(`/api/v1/cases/${id}`)
      .set(admin)
      .send({ fields: { note: 'x' } });
    expect(fieldsOf(note.body)).toEqual(['fields.note']);
    const level = await t.http
      .patch(`/api/v1/cases/${id}`)
      .set(admin)
      .send({ fields: { level: 6 } });
    expect(fieldsOf(level.body)).toEqual(['fields.level']);
  });

  it('checks user fields against the directory once the tenant keeps one', async () => {
    const lone = newTenant();
    const lead = bearer({
      tenant: lone,
      permissions: [Permission.CASE_ALL, Permission.CASE_DIRECTORY_MANAGE],
    });
    const type = await createCaseType(t, lead, { fields: [FIELDS[5]] });
    await createId({ expert: 'anyone' }, lead, type);
    await t.http.put('/api/v1/directory/users/anna').set(lead).send({ name: 'Anna' }).expect(200);
    await createId({ expert: 'anna' }, lead, type);
    const res = await create({ expert: 'bob' }, lead, type);
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual(['fields.expert']);
  });

  it('filters every list with field.<key>=<value>, typed when scoped to a type', async () => {
    const a = await createId({ policy: 'F-A', amount: 42, severity: 'high', urgent: true });
    const b = await createId({ policy: 'F-B', amount: 7 });
    const c = await createId({ amount: '42' }, admin, otherTypeId);
    expect(await list('field.policy=F-A')).toEqual([a]);
    expect(await list('field.amount=42')).toEqual([a, c].sort());
    expect(await list(`field.amount=42&caseTypeId=${typeId}`)).toEqual([a]);
    expect(await list('field.severity=high&field.urgent=true')).toEqual([a]);
    expect(await list('field.policy=F-B', admin, '/api/v1/cases/mine')).toEqual([b]);
    expect(await list('field.policy=F-B', admin, '/api/v1/cases/unassigned')).toEqual([b]);
    for (const [query, field] of [
      ['field.Bad-Key=1', 'field.Bad-Key'],
      [`field.amount=lots&caseTypeId=${typeId}`, 'field.amount'],
      [`field.nope=1&caseTypeId=${typeId}`, 'field.nope'],
      ['field.policy=a&field.policy=b', 'field.policy'],
    ]) {
      const res = await t.http.get(`/api/v1/cases?${query}`).set(admin);
      expect([res.status, res.body.code, fieldsOf(res.body)]).toEqual([400, 'CASE4601', [field]]);
    }
  });

  it('runs saved views with field filters', async () => {
    const a = await createId({ policy: 'SV-1' });
    const view = await t.http
      .post('/api/v1/views')
      .set(admin)
      .send({ name: 'Policy SV-1', list: 'all', filters: { 'field.policy': 'SV-1' } })
      .expect(201);
    const run = await t.http.get(`/api/v1/views/${view.body.data.id}/cases`).set(admin).expect(200);
    expect(run.body.data.map((x: { id: string }) => x.id)).toEqual([a]);
  });

  it('never matches another tenant’s cases', async () => {
    const other = bearer({ tenant: newTenant() });
    const type = await createCaseType(t, other, { fields: [FIELDS[0]] });
    await createId({ policy: 'SHARED' }, other, type);
    const mineId = await createId({ policy: 'SHARED' });
    expect(await list('field.policy=SHARED')).toEqual([mineId]);
    expect(await list(`field.policy=SHARED&caseTypeId=${type}`)).toEqual([]);
    const foreign = await create({ policy: 'x' }, admin, type);
    expect(foreign.status).toBe(404);
  });
});

import { randomUUID } from 'node:crypto';
import { Permission } from '../../src/shared/auth/permission.enum';
import { CaseRowBuilder } from '../support/builders/case-rows.builder';
import { createTestApp, TEST_START, TestApp } from '../support/test-app';
import { newTenant } from '../support/test-env';
import { bearer } from '../support/tokens';

const FROM = '2026-03-01T00:00:00.000Z';
const TO = '2026-04-01T00:00:00.000Z';
const inPeriod = '2026-03-10T12:00:00.000Z';

interface Instance {
  metric: 'resolution' | 'firstResponse';
  startedAt?: string;
  met?: number;
  violated?: boolean;
  stopped?: boolean;
  closed?: boolean;
}

const stats = (s: Partial<Record<string, number | null>>) => ({
  total: 0,
  met: 0,
  breached: 0,
  open: 0,
  stopped: 0,
  p50Minutes: null,
  p90Minutes: null,
  p95Minutes: null,
  ...s,
});
const p = (p50: number, p90: number, p95: number) => ({
  p50Minutes: p50,
  p90Minutes: p90,
  p95Minutes: p95,
});

/**
 * GET /reports/sla over instances written as rows (what the SLA clock leaves: metric, met_at,
 * violated_at, stopped_at, elapsed_minutes), with the expected counts and percentiles worked out
 * by hand (percentile_cont: linear interpolation at p × (n − 1)).
 */
describe('Reports: SLA outcomes (e2e)', () => {
  let t: TestApp;
  const tenant = newTenant();
  const other = newTenant();
  const viewer = bearer({ tenant, permissions: [Permission.CASE_REPORT_VIEW] });
  const report = (query: string, headers = viewer) =>
    t.http.get(`/api/v1/reports/sla${query}`).set(headers);
  const ids: Record<string, string> = {};

  async function instances(tenantId: string, caseId: string, list: Instance[]) {
    for (const s of list) {
      const start = s.startedAt ?? inPeriod;
      const later = (minutes: number) => new Date(Date.parse(start) + minutes * 60_000);
      await t.dataSource.query(
        `INSERT INTO sla_instances (id, client_id, case_id, sla_definition_id, name, metric,
           warn_at, breach_at, violated_at, met_at, stopped_at, closed_at, elapsed_minutes,
           created_at)
         VALUES ($1, $2, $3, $4, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          randomUUID(),
          tenantId,
          caseId,
          `${s.metric}-sla`,
          s.metric,
          later(50),
          later(100),
          s.violated ? later(100) : null,
          s.met !== undefined ? later(s.met) : null,
          s.met !== undefined || s.stopped ? later(s.met ?? 5) : null,
          s.closed ? later(1) : null,
          s.met ?? 0,
          start,
        ],
      );
    }
  }

  beforeAll(async () => {
    t = await createTestApp();
    const b = new CaseRowBuilder(t.dataSource, tenant);
    const [incident, request] = [await b.caseType('Incident'), await b.caseType('Request')];
    const high = await b.priority(1, 'High');
    const kase = async (caseTypeId: string, priorityId: string | null, groups: string[]) =>
      (await b.create({ caseTypeId, priorityId, assignedToGroups: groups })).id;
    ids.incident = incident;
    ids.request = request;
    ids.high = high;
    const a = await kase(incident, high, ['desk', 'network']);
    const bb = await kase(incident, null, []);
    const c = await kase(request, high, ['desk']);
    const d = await kase(incident, high, []);
    await instances(tenant, a, [
      { metric: 'resolution', met: 30 },
      { metric: 'firstResponse', met: 10 },
      { metric: 'resolution', violated: true, closed: true },
    ]);
    await instances(tenant, bb, [
      { metric: 'resolution', violated: true, met: 200 },
      { metric: 'resolution' },
      { metric: 'firstResponse', met: 20 },
    ]);
    await instances(tenant, c, [
      { metric: 'resolution', met: 60 },
      { metric: 'resolution', stopped: true },
      { metric: 'firstResponse', violated: true },
    ]);
    await instances(tenant, d, [
      { metric: 'resolution', met: 90, startedAt: FROM },
      { metric: 'resolution', met: 1000, startedAt: '2026-02-28T23:59:59.999Z' },
      { metric: 'firstResponse', met: 5, startedAt: TO },
    ]);
    const o = new CaseRowBuilder(t.dataSource, other);
    const theirs = await o.create({ caseTypeId: await o.caseType('Incident') });
    await instances(other, theirs.id, [{ metric: 'resolution', violated: true }]);
  }, 120_000);
  afterAll(() => t.close());

  it('groups by case type: counts and percentiles of business minutes to met', async () => {
    const res = await report(`?from=${FROM}&to=${TO}&groupBy=caseType`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      data: {
        from: FROM,
        to: TO,
        groupBy: 'caseType',
        groups: [
          {
            id: ids.incident,
            name: 'Incident',
            // met at 30, 90 and (late) 200 minutes; one running.
            resolution: stats({ total: 4, met: 2, breached: 1, open: 1, ...p(90, 178, 189) }),
            firstResponse: stats({ total: 2, met: 2, ...p(15, 19, 19.5) }),
          },
          {
            id: ids.request,
            name: 'Request',
            resolution: stats({ total: 2, met: 1, stopped: 1, ...p(60, 60, 60) }),
            firstResponse: stats({ total: 1, breached: 1 }),
          },
        ],
      },
    });
  });

  it('groups by priority, cases without one under null (last)', async () => {
    const res = await report(`?from=${FROM}&to=${TO}&groupBy=priority`).expect(200);
    expect(res.body.data.groups).toEqual([
      {
        id: ids.high,
        name: 'High',
        resolution: stats({ total: 4, met: 3, stopped: 1, ...p(60, 84, 87) }),
        firstResponse: stats({ total: 2, met: 1, breached: 1, ...p(10, 10, 10) }),
      },
      {
        id: null,
        name: null,
        resolution: stats({ total: 2, breached: 1, open: 1, ...p(200, 200, 200) }),
        firstResponse: stats({ total: 1, met: 1, ...p(20, 20, 20) }),
      },
    ]);
  });

  it('groups by assigned group: a case counts in each of its groups, one with none under null', async () => {
    const res = await report(`?from=${FROM}&to=${TO}&groupBy=group`).expect(200);
    expect(res.body.data.groups).toEqual([
      {
        id: 'desk',
        name: 'desk',
        resolution: stats({ total: 3, met: 2, stopped: 1, ...p(45, 57, 58.5) }),
        firstResponse: stats({ total: 2, met: 1, breached: 1, ...p(10, 10, 10) }),
      },
      {
        id: 'network',
        name: 'network',
        resolution: stats({ total: 1, met: 1, ...p(30, 30, 30) }),
        firstResponse: stats({ total: 1, met: 1, ...p(10, 10, 10) }),
      },
      {
        id: null,
        name: null,
        resolution: stats({ total: 3, met: 1, breached: 1, open: 1, ...p(145, 189, 194.5) }),
        firstResponse: stats({ total: 1, met: 1, ...p(20, 20, 20) }),
      },
    ]);
  });

  it('defaults to caseType over the 30 days before now, and sees only the caller’s tenant', async () => {
    t.clock.set(new Date('2026-03-20T00:00:00.000Z'));
    const res = await report('').expect(200);
    expect(res.body.data).toMatchObject({
      from: '2026-02-18T00:00:00.000Z',
      to: '2026-03-20T00:00:00.000Z',
      groupBy: 'caseType',
    });
    // The default window also takes the instance started on 2026-02-28.
    expect(res.body.data.groups[0].resolution).toMatchObject({ total: 5, met: 3 });
    const theirs = await report('', bearer({ tenant: other, permissions: [Permission.CASE_ALL] }));
    expect(theirs.body.data.groups).toEqual([
      expect.objectContaining({ name: 'Incident', resolution: stats({ total: 1, breached: 1 }) }),
    ]);
    t.clock.set(TEST_START);
    expect((await report('').expect(200)).body.data.groups).toEqual([]);
  });

  it('refuses a bad period or grouping (400, coded) and callers without CASE_REPORT_VIEW', async () => {
    const bad: [string, string][] = [
      [`?from=${TO}&to=${FROM}`, 'CASE4520'],
      [`?from=${FROM}&to=${FROM}`, 'CASE4520'],
      ['?from=2025-01-01T00:00:00Z&to=2026-01-03T00:00:00Z', 'CASE4520'],
      [`?to=${FROM}&from=2026-03-01T00:00:00.001Z`, 'CASE4520'],
      ['?from=yesterday', 'CASE4000'],
      ['?to=2026-03-01T00:00:00', 'CASE4000'],
      ['?from=2026-02-30T00:00:00Z', 'CASE4000'],
      ['?groupBy=state', 'CASE4000'],
      ['?groupBy=caseType&extra=1', 'CASE4000'],
    ];
    for (const [query, code] of bad) {
      const res = await report(query);
      expect({ query, status: res.status, code: res.body.code }).toEqual({
        query,
        status: 400,
        code,
      });
    }
    const exactlyAYear = await report('?from=2025-01-01T00:00:00Z&to=2026-01-02T00:00:00Z');
    expect(exactlyAYear.status).toBe(200);
    const denied = await report('', bearer({ tenant, permissions: [Permission.CASE_VIEW] }));
    expect([denied.status, denied.body.code]).toEqual([403, 'CASE4030']);
  });
});

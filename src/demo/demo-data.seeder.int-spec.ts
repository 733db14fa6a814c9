import { createHttpTestModule, TestApp } from '../../test/support/test-module';
import { DefinitionsModule } from '../modules/definitions';
import { PrioritiesModule } from '../modules/priorities';
import { DemoModule } from './demo.module';
import { newTenant } from '../../test/support/test-env';
import { bearer } from '../../test/support/tokens';
import { CommandBus } from '@nestjs/cqrs';
import { AppConfig } from '../config/configuration';
import { DatabaseTarget } from '../shared/database/database-target';
import { TransactionManager } from '../shared/database/transaction-manager';
import { DEMO_TENANT } from './demo-data';
import { DemoDataSeeder } from './demo-data.seeder';

describe('DemoDataSeeder (integration)', () => {
  let t: TestApp;
  let seeder: DemoDataSeeder;

  beforeAll(async () => {
    t = await createHttpTestModule([DemoModule, DefinitionsModule, PrioritiesModule]);
    seeder = t.app.get(DemoDataSeeder);
  });
  afterAll(() => t.close());

  const counts = async (tenant: string) => {
    const [row] = await t.dataSource.query(
      `SELECT (SELECT count(*)::int FROM priorities WHERE client_id = $1) AS priorities,
              (SELECT count(*)::int FROM solutions WHERE client_id = $1) AS solutions,
              (SELECT count(*)::int FROM processes WHERE client_id = $1) AS processes,
              (SELECT count(*)::int FROM case_types WHERE client_id = $1) AS "caseTypes"`,
      [tenant],
    );
    return row;
  };

  it('creates the demo definitions once, however often it runs', async () => {
    const tenant = newTenant();
    expect(await seeder.seed(tenant)).toBe(true);
    expect(await seeder.seed(tenant)).toBe(false);
    await Promise.all([seeder.seed(tenant), seeder.seed(tenant)]);
    expect(await counts(tenant)).toEqual({
      priorities: 4,
      solutions: 1,
      processes: 1,
      caseTypes: 1,
    });

    const admin = bearer({ tenant });
    const [caseType] = (await t.http.get('/api/v1/case-types').set(admin).expect(200)).body.data;
    const priorities = (await t.http.get('/api/v1/priorities').set(admin).expect(200)).body.data;
    const byCode = Object.fromEntries(
      priorities.map((p: { code: string; id: string }) => [p.code, p.id]),
    );
    expect(Object.keys(byCode).sort()).toEqual(['CRITICAL', 'HIGH', 'LOW', 'MEDIUM']);
    expect(caseType).toMatchObject({
      name: 'Incident',
      processName: 'Incident Management',
      solutionName: 'IT Service Desk',
      dueDate: { dueInHours: 24, warnBeforeHours: 4 },
      defaultPriorityId: byCode.MEDIUM,
    });
    expect(caseType.slas).toHaveLength(2);
    expect(caseType.slas[0].priorityId).toBe(byCode.CRITICAL);
    expect(caseType.milestones.length).toBeGreaterThan(0);
  });

  it('leaves a tenant that already has definitions alone', async () => {
    const tenant = newTenant();
    await t.http
      .post('/api/v1/solutions')
      .set(bearer({ tenant }))
      .send({ name: 'Own', code: 'OWN' })
      .expect(201);
    expect(await seeder.seed(tenant)).toBe(false);
    expect(await counts(tenant)).toEqual({
      priorities: 0,
      solutions: 1,
      processes: 0,
      caseTypes: 0,
    });
  });

  it.each([
    [true, true, 1],
    [true, false, 0],
    [false, true, 0],
  ])(
    'on bootstrap with DEMO_DATA=%s and embedded=%s seeds the demo tenant %i time(s)',
    async (demoData, isEmbedded, times) => {
      const gated = new DemoDataSeeder(
        t.app.get(CommandBus),
        t.app.get(TransactionManager),
        { isEmbedded } as DatabaseTarget,
        { demoData } as AppConfig,
      );
      const seed = jest.spyOn(gated, 'seed').mockResolvedValue(false);
      await gated.onApplicationBootstrap();
      expect(seed).toHaveBeenCalledTimes(times);
      if (times) expect(seed).toHaveBeenCalledWith(DEMO_TENANT);
    },
  );
});

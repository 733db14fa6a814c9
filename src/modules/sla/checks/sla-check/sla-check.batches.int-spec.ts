import { CommandBus } from '@nestjs/cqrs';
import { Client } from 'pg';
import { DefinitionsBuilder } from '../../../../../test/support/builders/definitions.builder';
import { userActor } from '../../../../../test/support/case-trail';
import { deliverNotifications } from '../../../../../test/support/deliver-notifications';
import {
  createTestModule,
  TEST_START,
  TestModule,
  CASE_PATH_MODULES,
} from '../../../../../test/support/test-module';
import { SlaModule } from '../../sla.module';
import { newTenant } from '../../../../../test/support/test-env';
import { CreateCaseCommand } from '../../../cases';
import { EditCaseCommand } from '../../../cases';
import { SlaCheck } from './sla-check';

const engine = process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';
const at = (minutes: number) => new Date(TEST_START.getTime() + minutes * 60_000);

/** The SLA check over many batches, and (PostgreSQL only: PGlite is one session) beside other sessions. */
/** The SLA clocks and checks on the case commands that move them, without HTTP. */
const SLA_MODULES = [...CASE_PATH_MODULES, SlaModule];

describe(`SLA check: batches and concurrency (integration, ${engine})`, () => {
  let t: TestModule;
  let check: SlaCheck;

  beforeAll(async () => {
    t = await createTestModule(SLA_MODULES, { env: { DATABASE_POOL_SIZE: '8' } });
    check = t.get(SlaCheck);
  });
  beforeEach(() => t.clock.set(TEST_START));
  afterAll(() => t.close());

  /**
   * The Response SLA's escalation ladder in the concurrency test: at 45 minutes its rungs at 5,
   * 8 and 40 minutes are due (two notify a lead, one assigns a group), the one at 100 is not.
   */
  const LADDER = `jsonb_build_array(
    jsonb_build_object('atPercent', 50, 'dueAt', c.created_at + interval '5 minutes',
      'actions', jsonb_build_array(jsonb_build_object('type', 'notify', 'users', jsonb_build_array('lead')))),
    jsonb_build_object('atPercent', 80, 'dueAt', c.created_at + interval '8 minutes',
      'actions', jsonb_build_array(jsonb_build_object('type', 'assign', 'groups', jsonb_build_array('escalations')))),
    jsonb_build_object('atPercent', 400, 'dueAt', c.created_at + interval '40 minutes',
      'actions', jsonb_build_array(jsonb_build_object('type', 'notify', 'users', jsonb_build_array('lead')))),
    jsonb_build_object('atPercent', 1000, 'dueAt', c.created_at + interval '100 minutes',
      'actions', jsonb_build_array()))`;

  /** `cases` open cases of a fresh tenant with two SLAs each, inserted set-based, all due. */
  async function bulkTenant(cases: number, escalating = false) {
    const tenant = newTenant();
    const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType();
    await t.dataSource.query(
      `WITH c AS (
         INSERT INTO cases (id, client_id, seq, display_id, case_type_id, state, details,
                            initiator_id, initiator_type, assigned_to_users, created_by,
                            created_at, updated_by, updated_at)
         SELECT gen_random_uuid(), $1, g, 'CM' || $1 || '-' || g, $2, 'OPENED', 'Bulk ' || g,
                'initiator', 'USER', ARRAY['agent-' || (g % 7)], 'bulk', $3, 'bulk', $3
           FROM generate_series(1, $4::int) g
         RETURNING id, created_at)
       INSERT INTO sla_instances (id, client_id, case_id, sla_definition_id, name, warn_at,
                                  breach_at, created_at, escalations, next_escalation_at)
       SELECT gen_random_uuid(), $1, c.id, d.name, d.name, c.created_at + d.warn,
              c.created_at + d.breach, c.created_at,
              CASE WHEN ${escalating} AND d.name = 'Response' THEN ${LADDER} ELSE '[]' END,
              CASE WHEN ${escalating} AND d.name = 'Response' THEN c.created_at + interval '5 minutes' END
         FROM c, (VALUES ('Response', interval '10 minutes', interval '20 minutes'),
                         ('Resolution', interval '30 minutes', interval '2 hours')) AS d(name, warn, breach)`,
      [tenant, type.id, TEST_START, cases],
    );
    return tenant;
  }

  it('walks more due SLAs than one batch holds and marks each once', async () => {
    const tenant = await bulkTenant(700);
    t.clock.set(at(45));
    expect(await check.run({ clientId: tenant, continueOnError: true })).toEqual({
      checked: 700,
      warned: 1400,
      violated: 700,
      escalated: 0,
      errors: 0,
      stopped: false,
    });
    expect(await check.run({ clientId: tenant, continueOnError: true })).toMatchObject({
      checked: 0,
    });
    const [{ warned }] = await t.dataSource.query(
      `SELECT count(*)::int AS warned FROM sla_instances WHERE client_id = $1 AND warned_at = $2`,
      [tenant, at(45)],
    );
    expect(warned).toBe(1400);
  });

  if (process.env.TEST_DATABASE_URL) {
    it('three concurrent runs warn, violate and escalate each SLA exactly once between them', async () => {
      const tenant = await bulkTenant(700, true);
      t.clock.set(at(45));
      const runs = await Promise.all(
        [1, 2, 3].map(() => check.run({ clientId: tenant, continueOnError: true })),
      );

      const sum = (k: 'warned' | 'violated' | 'escalated' | 'errors') =>
        runs.reduce((n, r) => n + r[k], 0);
      expect({
        warned: sum('warned'),
        violated: sum('violated'),
        escalated: sum('escalated'),
        errors: sum('errors'),
      }).toEqual({ warned: 1400, violated: 700, escalated: 2100, errors: 0 });
      // SKIP LOCKED shared the batches out: more than one run marked something.
      expect(runs.filter((r) => r.warned + r.violated > 0).length).toBeGreaterThan(1);
      const [counts] = await t.dataSource.query(
        `SELECT count(*) FILTER (WHERE type = 'sla.warned')::int AS warned,
              count(*) FILTER (WHERE type = 'sla.violated')::int AS violated,
              count(DISTINCT (case_id, type, data->>'slaInstanceId'))
                FILTER (WHERE type IN ('sla.warned', 'sla.violated'))::int AS distinct_marks,
              count(DISTINCT (data->>'slaInstanceId', data->>'atPercent'))
                FILTER (WHERE type = 'sla.escalated')::int AS distinct_rungs,
              count(*) FILTER (WHERE type = 'sla.escalated')::int AS escalated,
              count(*) FILTER (WHERE type = 'case.updated' AND actor_id = 'system')::int AS edits
         FROM case_activities WHERE client_id = $1`,
        [tenant],
      );
      expect(counts).toEqual({
        warned: 1400,
        violated: 700,
        distinct_marks: 2100,
        distinct_rungs: 2100,
        escalated: 2100,
        edits: 700,
      });
      // Each ladder: three rungs fired once, the fourth owed; each case assigned once, one bump.
      const [ladders] = await t.dataSource.query(
        `SELECT count(*) FILTER (WHERE (SELECT count(*) FROM jsonb_array_elements(escalations) e
                                         WHERE e->>'firedAt' IS NOT NULL) = 3
                                   AND next_escalation_at = created_at + interval '100 minutes')::int AS right,
              count(*)::int AS total
         FROM sla_instances WHERE client_id = $1 AND name = 'Response'`,
        [tenant],
      );
      expect(ladders).toEqual({ right: 700, total: 700 });
      const [assigned] = await t.dataSource.query(
        `SELECT count(*) FILTER (WHERE assigned_to_groups = ARRAY['escalations'] AND version = 2)::int AS once
         FROM cases WHERE client_id = $1`,
        [tenant],
      );
      expect(assigned).toEqual({ once: 700 });
      const [cases] = await t.dataSource.query(
        `SELECT count(*) FILTER (WHERE cardinality(message_warned_slas) = 2)::int AS with_two,
              count(*)::int AS total
         FROM cases WHERE client_id = $1`,
        [tenant],
      );
      expect(cases).toEqual({ with_two: 700, total: 700 });
      await deliverNotifications(t, tenant);
      // Delivered again (a crashed relay): the marks' dedupe keys record nothing more.
      await deliverNotifications(t, tenant);
      const [notifications] = await t.dataSource.query(
        `SELECT count(*)::int AS n, count(DISTINCT dedupe_key)::int AS keys
         FROM notifications WHERE client_id = $1 AND template LIKE 'sla.%'`,
        [tenant],
      );
      // Marks to the one assignee each; escalations to the lead, from two rungs a ladder.
      expect(notifications).toEqual({ n: 2100 + 1400, keys: 2100 + 1400 });
      expect(await check.run({ clientId: tenant, continueOnError: true })).toMatchObject({
        checked: 0,
      });
    }, 300_000);

    it('skips a case a user command holds, and loses neither the user’s change nor the mark', async () => {
      const tenant = newTenant();
      const admin = userActor(tenant);
      const type = await new DefinitionsBuilder(t.dataSource, tenant).caseType({
        slas: [{ name: 'Response', warnAfterMinutes: 30, breachAfterMinutes: 60 }],
      });
      const bus = t.get(CommandBus);
      const id: string = await bus.execute(
        new CreateCaseCommand(admin, { caseTypeId: type.id, details: 'Locked by a user' }),
      );
      t.clock.set(at(40));
      const user = new Client({ connectionString: process.env.TEST_DATABASE_URL });
      await user.connect();
      try {
        await user.query('BEGIN');
        await user.query(`SELECT 1 FROM cases WHERE id = $1 FOR UPDATE`, [id]);
        expect(await check.run({ clientId: tenant, continueOnError: true })).toMatchObject({
          checked: 0,
          warned: 0,
          errors: 0,
        });
        await user.query(`UPDATE cases SET details = 'Edited by a user' WHERE id = $1`, [id]);
        await user.query('COMMIT');
      } finally {
        await user.end();
      }
      expect(await check.run({ clientId: tenant, continueOnError: true })).toMatchObject({
        checked: 1,
        warned: 1,
      });
      await bus.execute(new EditCaseCommand(admin, { id }, { description: 'after the mark' }));
      const [row] = await t.dataSource.query(
        `SELECT details, description, cardinality(message_warned_slas)::int AS warned
         FROM cases WHERE id = $1`,
        [id],
      );
      expect(row).toEqual({
        details: 'Edited by a user',
        description: 'after the mark',
        warned: 1,
      });
    });
  }
});

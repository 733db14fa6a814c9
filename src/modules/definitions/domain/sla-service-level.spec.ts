import { DomainError } from '../../../shared/errors/domain-error';
import { CaseTypeConfig, CaseTypeConfigInput, SlaInput } from './case-type-config';
import { InvalidCaseTypeConfigError } from './definition.errors';
import { calendarReferences, unknownCalendars } from './sla-service-level';

const sla = (overrides: Partial<SlaInput> = {}): SlaInput => ({
  name: 'Resolution',
  warnAfterMinutes: 30,
  breachAfterMinutes: 60,
  ...overrides,
});

function rejected(input: CaseTypeConfigInput): string[] {
  try {
    CaseTypeConfig.create(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCaseTypeConfigError);
    return ((error as DomainError).details ?? []).map((d) => d.field ?? '');
  }
  throw new Error('expected the configuration to be rejected');
}

const notify = { type: 'notify', users: ['lead', 'lead'], groups: [] };

describe('SLA service levels (business time)', () => {
  it('defaults to resolution on no calendar without escalations', () => {
    const [s] = CaseTypeConfig.create({ slas: [sla()] }).data.slas;
    expect(s).toMatchObject({ metric: 'resolution', calendarId: null, escalations: [] });
  });

  it('takes targetMinutes as the alias of breachAfterMinutes', () => {
    const input = { name: 'R', warnAfterMinutes: 10, targetMinutes: 90 };
    const [s] = CaseTypeConfig.create({ slas: [input] }).data.slas;
    expect(s.breachAfterMinutes).toBe(90);
    expect(rejected({ slas: [{ ...input, breachAfterMinutes: 80 }] })).toEqual([
      'slas.0.targetMinutes',
    ]);
    expect(rejected({ slas: [{ name: 'R', warnAfterMinutes: 0 }] })).toEqual([
      'slas.0.breachAfterMinutes',
    ]);
    expect(() =>
      CaseTypeConfig.create({ slas: [{ ...input, breachAfterMinutes: 90 }] }),
    ).not.toThrow();
  });

  it('keeps the ladder sorted, its users unique, and lists the priorities it raises to', () => {
    const config = CaseTypeConfig.create({
      calendarId: 'cal-type',
      slas: [
        sla({
          metric: 'firstResponse',
          calendarId: 'cal-sla',
          escalations: [
            { atPercent: 100, actions: [{ type: 'raisePriority', priorityId: 'p-up' }] },
            { atPercent: 50, actions: [notify] },
          ],
        }),
      ],
    });
    const [s] = config.data.slas;
    expect(s.escalations.map((e) => e.atPercent)).toEqual([50, 100]);
    expect(s.escalations[0].actions).toEqual([{ type: 'notify', users: ['lead'], groups: [] }]);
    expect(config.priorityReferences()).toEqual([
      { field: 'slas.0.escalations.1.actions.0.priorityId', priorityId: 'p-up' },
    ]);
    const refs = calendarReferences(config.data.calendarId, config.data.slas);
    expect(refs).toEqual([
      { field: 'calendarId', calendarId: 'cal-type' },
      { field: 'slas.0.calendarId', calendarId: 'cal-sla' },
    ]);
    expect(unknownCalendars(refs, new Set(['cal-sla'])).map((d) => d.field)).toEqual([
      'calendarId',
    ]);
  });

  it('names every broken rule of metric and ladder', () => {
    expect(
      rejected({
        slas: [
          sla({
            metric: 'whenever',
            escalations: [
              { atPercent: 0, actions: [notify] },
              { atPercent: 50, actions: [] },
              { atPercent: 50, actions: [{ type: 'notify' }] },
              { atPercent: 60, actions: [{ type: 'raisePriority' }, { type: 'page' }] },
            ],
          }),
        ],
      }),
    ).toEqual([
      'slas.0.metric',
      'slas.0.escalations.0.atPercent',
      'slas.0.escalations.1.actions',
      'slas.0.escalations.2.atPercent',
      'slas.0.escalations.2.actions.0.users',
      'slas.0.escalations.3.actions.0.priorityId',
      'slas.0.escalations.3.actions.1.type',
    ]);
  });
});

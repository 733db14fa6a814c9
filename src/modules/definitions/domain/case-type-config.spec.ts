import { CaseState } from '../../../shared/domain/case-state';
import { DomainError } from '../../../shared/errors/domain-error';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { CaseTypeConfig, CaseTypeConfigInput, MAX_HOURS, SlaInput } from './case-type-config';
import { InvalidCaseTypeConfigError } from './definition.errors';

const sla = (overrides: Partial<SlaInput> = {}): SlaInput => ({
  name: 'Response',
  warnAfterMinutes: 30,
  breachAfterMinutes: 60,
  ...overrides,
});

function fieldsRejected(input: CaseTypeConfigInput): string[] {
  try {
    CaseTypeConfig.create(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidCaseTypeConfigError);
    expect((error as DomainError).code).toBe(ErrorCode.InvalidConfiguration);
    return ((error as DomainError).details ?? []).map((d) => d.field ?? '');
  }
  throw new Error('expected the configuration to be rejected');
}

function ids(): () => string {
  let n = 0;
  return () => `generated-${++n}`;
}

describe('CaseTypeConfig', () => {
  it('defaults to no auto-close, no due date, no SLAs, milestones, priority or groups', () => {
    expect(CaseTypeConfig.create({}).data).toEqual({
      calendarId: null,
      autoCloseHours: null,
      dueDate: null,
      slas: [],
      milestones: [],
      defaultPriorityId: null,
      defaultAssignedToGroups: [],
      assignment: null,
      fields: [],
    });
  });

  it('accepts a full configuration and normalizes names, states and groups', () => {
    const config = CaseTypeConfig.create(
      {
        autoCloseHours: 0,
        dueDate: { dueInHours: 24, warnBeforeHours: 24 },
        slas: [
          sla({
            name: '  Response ',
            warnAfterMinutes: 60,
            breachAfterMinutes: 60,
            pauseInStates: [CaseState.ON_HOLD, CaseState.ON_HOLD, CaseState.REQUEST_INPUT],
          }),
        ],
        milestones: [{ name: 'Done', percent: 100, onState: CaseState.COMPLETED }],
        defaultAssignedToGroups: [' agents ', 'agents', 'leads'],
      },
      [],
      ids(),
    );
    expect(config.data).toMatchObject({
      autoCloseHours: 0,
      dueDate: { dueInHours: 24, warnBeforeHours: 24 },
      slas: [
        {
          id: 'generated-1',
          name: 'Response',
          priorityId: null,
          pauseInStates: [CaseState.ON_HOLD, CaseState.REQUEST_INPUT],
        },
      ],
      milestones: [{ name: 'Done', percent: 100, onState: CaseState.COMPLETED }],
      defaultAssignedToGroups: ['agents', 'leads'],
    });
  });

  it('rejects negative, non-finite and absurd hours', () => {
    expect(fieldsRejected({ autoCloseHours: -1 })).toEqual(['autoCloseHours']);
    expect(fieldsRejected({ autoCloseHours: Number.POSITIVE_INFINITY })).toEqual([
      'autoCloseHours',
    ]);
    expect(fieldsRejected({ dueDate: { dueInHours: MAX_HOURS + 1, warnBeforeHours: 0 } })).toEqual([
      'dueDate.dueInHours',
    ]);
    expect(fieldsRejected({ dueDate: { dueInHours: 5, warnBeforeHours: -1 } })).toEqual([
      'dueDate.warnBeforeHours',
    ]);
  });

  it('refuses a due-date warning that comes before the case is created', () => {
    expect(fieldsRejected({ dueDate: { dueInHours: 4, warnBeforeHours: 5 } })).toEqual([
      'dueDate.warnBeforeHours',
    ]);
  });

  it('requires warn <= breach, whole non-negative minutes and known pause states', () => {
    const fields = fieldsRejected({
      slas: [
        sla(),
        sla({ warnAfterMinutes: 61, breachAfterMinutes: 60 }),
        sla({ warnAfterMinutes: -1, breachAfterMinutes: 1.5 }),
        sla({ name: ' ', pauseInStates: ['ON_HOLD', 'SLEEPING'] }),
      ],
    });
    expect(fields.sort()).toEqual(
      [
        'slas.1.warnAfterMinutes',
        'slas.2.warnAfterMinutes',
        'slas.2.breachAfterMinutes',
        'slas.3.name',
        'slas.3.pauseInStates.1',
      ].sort(),
    );
  });

  it('requires milestones with a percent from 0 to 100 and a known state', () => {
    const fields = fieldsRejected({
      milestones: [
        { name: 'ok', percent: 0, onState: 'NEW' },
        { name: 'too much', percent: 101, onState: 'RESOLVED' },
        { name: '', percent: 50, onState: 'DONE' },
      ],
    });
    expect(fields.sort()).toEqual(
      ['milestones.1.percent', 'milestones.2.name', 'milestones.2.onState'].sort(),
    );
  });

  it('refuses blank group names', () => {
    expect(fieldsRejected({ defaultAssignedToGroups: ['agents', '   '] })).toEqual([
      'defaultAssignedToGroups.1',
    ]);
  });

  it('reports every broken rule at once', () => {
    expect(
      fieldsRejected({
        autoCloseHours: -5,
        dueDate: { dueInHours: 1, warnBeforeHours: 2 },
        slas: [sla({ warnAfterMinutes: 9, breachAfterMinutes: 1 })],
      }),
    ).toEqual(['autoCloseHours', 'dueDate.warnBeforeHours', 'slas.0.warnAfterMinutes']);
  });

  describe('SLA ids', () => {
    const original = CaseTypeConfig.create(
      { slas: [sla({ name: 'A' }), sla({ name: 'B' })] },
      [],
      ids(),
    );

    it('keeps the ids the client sends back and mints new ones for the rest', () => {
      const [a] = original.data.slas;
      const changed = original.change({
        slas: [sla({ id: a.id, name: 'A renamed' }), sla({ name: 'C' })],
      });
      expect(changed.data.slas[0]).toMatchObject({ id: a.id, name: 'A renamed' });
      expect(changed.data.slas[1].id).not.toEqual(a.id);
      expect(changed.data.slas[1].id).not.toEqual(original.data.slas[1].id);
    });

    it('does not adopt an id that is not one of this type', () => {
      const changed = original.change({ slas: [sla({ id: 'someone-elses-id' })] });
      expect(changed.data.slas[0].id).not.toBe('someone-elses-id');
    });

    it('refuses the same id twice', () => {
      const [a] = original.data.slas;
      expect(() => original.change({ slas: [sla({ id: a.id }), sla({ id: a.id })] })).toThrow(
        InvalidCaseTypeConfigError,
      );
    });

    it('keeps every id when an update leaves the SLAs alone', () => {
      const changed = original.change({ autoCloseHours: 12 });
      expect(changed.data.slas).toEqual(original.data.slas);
      expect(changed.data.autoCloseHours).toBe(12);
    });
  });

  describe('change', () => {
    const config = CaseTypeConfig.create({
      autoCloseHours: 48,
      dueDate: { dueInHours: 10, warnBeforeHours: 2 },
    });

    it('leaves undefined settings as they are and clears null ones', () => {
      const changed = config.change({ autoCloseHours: null, dueDate: undefined });
      expect(changed.data.autoCloseHours).toBeNull();
      expect(changed.data.dueDate).toEqual({ dueInHours: 10, warnBeforeHours: 2 });
    });

    it('validates the merged result, not just the change', () => {
      expect(() => config.change({ dueDate: { dueInHours: 1, warnBeforeHours: 2 } })).toThrow(
        InvalidCaseTypeConfigError,
      );
    });
  });

  describe('priorities', () => {
    const config = CaseTypeConfig.create({
      defaultPriorityId: 'p-default',
      slas: [sla({ priorityId: 'p-sla' }), sla()],
    });

    it('lists every reference with the field that makes it', () => {
      expect(config.priorityReferences()).toEqual([
        { field: 'defaultPriorityId', priorityId: 'p-default' },
        { field: 'slas.0.priorityId', priorityId: 'p-sla' },
      ]);
    });

    it('names each field whose priority is not live', () => {
      expect(() => config.requirePriorities(new Set(['p-default', 'p-sla']))).not.toThrow();
      try {
        config.requirePriorities(new Set(['p-default']));
        throw new Error('expected a rejection');
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidCaseTypeConfigError);
        expect((error as DomainError).details?.map((d) => d.field)).toEqual(['slas.0.priorityId']);
      }
    });
  });
});

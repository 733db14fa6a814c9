import { CaseState } from '../../../shared/domain/case-state';
import { ErrorCode } from '../../../shared/errors/error-codes';
import { CaseType, CaseTypeInput } from './case-type';
import { CaseTypeFile, CaseTypeFileKind } from './case-type-file';
import { CaseStatusLabel } from './case-status-label';
import { DefinitionChangedEvent } from './definition-changed.event';
import {
  CaseTypeFileNotFoundError,
  InvalidCaseTypeConfigError,
  ParentDeletedError,
  ProcessNotFoundError,
  SolutionNotFoundError,
  UnknownStateError,
} from './definition.errors';
import { Process } from './process';
import { Solution } from './solution';

const NOW = new Date('2026-01-05T09:00:00.000Z');
const LATER = new Date('2026-01-05T10:00:00.000Z');

const input = (overrides: Partial<CaseTypeInput> = {}): CaseTypeInput => ({
  processId: 'process-1',
  name: ' Incident ',
  code: ' INC ',
  slas: [{ name: 'Response', warnAfterMinutes: 10, breachAfterMinutes: 20 }],
  ...overrides,
});

const types = (events: unknown[]) => (events as DefinitionChangedEvent[]).map((e) => e.type);

describe('CaseType', () => {
  it('is created under a live (even inactive) process, trimmed and active by default', () => {
    const caseType = CaseType.create('tenant', input(), 'live', 'alice', NOW);
    expect(caseType.snapshot).toMatchObject({
      clientId: 'tenant',
      processId: 'process-1',
      name: 'Incident',
      code: 'INC',
      active: true,
      description: null,
      createdBy: 'alice',
      createdAt: NOW,
      deletedAt: null,
    });
    expect(caseType.config.data.slas[0].id).toEqual(expect.any(String));
    expect(types(caseType.pullEvents())).toEqual(['case-type.created']);
  });

  it('cannot be created under a missing or deleted process', () => {
    expect(() => CaseType.create('tenant', input(), 'missing', 'alice', NOW)).toThrow(
      ProcessNotFoundError,
    );
    const deleted = () => CaseType.create('tenant', input(), 'deleted', 'alice', NOW);
    expect(deleted).toThrow(ParentDeletedError);
    expect(deleted).toThrow(expect.objectContaining({ code: ErrorCode.ParentDeleted }));
  });

  it('rejects an invalid configuration on creation', () => {
    expect(() =>
      CaseType.create(
        'tenant',
        input({ dueDate: { dueInHours: 1, warnBeforeHours: 3 } }),
        'live',
        'alice',
        NOW,
      ),
    ).toThrow(InvalidCaseTypeConfigError);
  });

  it('keeps SLA ids sent back on update and revalidates the whole configuration', () => {
    const caseType = CaseType.create('tenant', input(), 'live', 'alice', NOW);
    const [response] = caseType.config.data.slas;
    caseType.update(
      {
        name: 'Major incident',
        slas: [{ ...response, breachAfterMinutes: 90 }],
        milestones: [{ name: 'Open', percent: 10, onState: CaseState.OPENED }],
      },
      'bob',
      LATER,
    );
    expect(caseType.snapshot).toMatchObject({
      name: 'Major incident',
      code: 'INC',
      updatedAt: LATER,
    });
    expect(caseType.config.data.slas).toEqual([{ ...response, breachAfterMinutes: 90 }]);
    expect(() =>
      caseType.update({ slas: [{ ...response, warnAfterMinutes: 100 }] }, 'bob', LATER),
    ).toThrow(InvalidCaseTypeConfigError);
    expect(caseType.config.data.slas[0].breachAfterMinutes).toBe(90);
  });

  it('knows when an update touches priority references', () => {
    expect(CaseType.touchesPriorities({ name: 'x' })).toBe(false);
    expect(CaseType.touchesPriorities({ defaultPriorityId: null })).toBe(true);
    expect(CaseType.touchesPriorities({ slas: [] })).toBe(true);
  });

  it('is soft deleted with an event', () => {
    const caseType = CaseType.create('tenant', input(), 'live', 'alice', NOW);
    caseType.pullEvents();
    caseType.delete('bob', LATER);
    expect(caseType.snapshot.deletedAt).toEqual(LATER);
    expect(types(caseType.pullEvents())).toEqual(['case-type.deleted']);
  });
});

describe('Solution and Process', () => {
  it('a solution updates only what is given and clears a blank description', () => {
    const solution = Solution.create(
      'tenant',
      { name: 'IT', code: 'IT', description: 'Desk', active: false },
      'alice',
      NOW,
    );
    solution.update({ description: '  ', active: true }, 'bob', LATER);
    expect(solution.snapshot).toMatchObject({
      name: 'IT',
      code: 'IT',
      description: null,
      active: true,
      updatedAt: LATER,
    });
    expect(types(solution.pullEvents())).toEqual(['solution.created', 'solution.updated']);
  });

  it('a process needs a solution that exists and is not deleted', () => {
    const create = (state: 'live' | 'deleted' | 'missing') =>
      Process.create('tenant', { solutionId: 's', name: 'P', code: 'P' }, state, 'alice', NOW);
    expect(create('live').snapshot.solutionId).toBe('s');
    expect(() => create('missing')).toThrow(SolutionNotFoundError);
    expect(() => create('deleted')).toThrow(ParentDeletedError);
  });
});

describe('CaseTypeFile', () => {
  const stored = {
    key: 'k/1',
    fileName: 'flow.bpmn',
    contentType: 'text/xml',
    size: 3,
    sha256: 'abc',
  };

  it('records who uploaded what, and is removed only through its own kind', () => {
    const file = CaseTypeFile.upload(
      'tenant',
      'ct',
      CaseTypeFileKind.WORKFLOW,
      stored,
      'alice',
      NOW,
    );
    expect(file.snapshot).toMatchObject({ storageKey: 'k/1', uploadedBy: 'alice', size: 3 });
    expect(() => file.remove(CaseTypeFileKind.DECISION_TREE, 'bob', LATER)).toThrow(
      CaseTypeFileNotFoundError,
    );
    file.remove(CaseTypeFileKind.WORKFLOW, 'bob', LATER);
    expect(types(file.pullEvents())).toEqual(['case-type.file-uploaded', 'case-type.file-removed']);
  });
});

describe('CaseStatusLabel', () => {
  it('relabels a known state with a trimmed label', () => {
    const label = CaseStatusLabel.relabel('tenant', 'ON_HOLD', ' Waiting ', 'alice', NOW);
    expect(label).toMatchObject({ state: CaseState.ON_HOLD, label: 'Waiting' });
    expect(types(label.pullEvents())).toEqual(['case-status.relabeled']);
  });

  it('never invents a state', () => {
    expect(() => CaseStatusLabel.relabel('tenant', 'ARCHIVED', 'x', 'alice', NOW)).toThrow(
      UnknownStateError,
    );
    expect(() => CaseStatusLabel.relabel('tenant', 'on_hold', 'x', 'alice', NOW)).toThrow(
      UnknownStateError,
    );
  });
});

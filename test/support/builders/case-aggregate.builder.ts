import { Actor } from '../../../src/shared/auth/actor';
import { Permission } from '../../../src/shared/auth/permission.enum';
import { CaseState } from '../../../src/shared/domain/case-state';
import { Case } from '../../../src/modules/cases/domain/case.aggregate';
import {
  CaseProps,
  CaseTypeRules,
  ChangeContext,
} from '../../../src/modules/cases/domain/case.props';
import { CaseTypeConfig } from '../../../src/modules/cases/domain/case-type-config.reader';

export const TENANT = 'acme';
export const T0 = new Date('2026-01-05T09:00:00.000Z');
export const T1 = new Date('2026-01-05T10:30:00.000Z');

export function actor(
  userId = 'alice',
  permissions: Permission[] = [Permission.CASE_ALL],
  groups: string[] = [],
): Actor {
  return new Actor(TENANT, userId, new Set(permissions), groups);
}

export function ctx(by: Actor = actor(), at = T1, comment?: string): ChangeContext {
  return { actor: by, at, comment };
}

export function caseType(overrides: Partial<CaseTypeConfig> = {}): CaseTypeConfig {
  return {
    id: 'type-1',
    name: 'Incident',
    available: true,
    autoCloseHours: null,
    dueInHours: null,
    warnBeforeHours: null,
    slas: [],
    milestones: [],
    defaultPriorityId: null,
    defaultAssignedToGroups: [],
    fields: [],
    ...overrides,
  };
}

/** A persisted case (version 3) in the given state, with no pending events. */
export function caseIn(
  state: CaseState,
  overrides: Partial<CaseProps> = {},
  rules: Partial<CaseTypeRules> = {},
): Case {
  const created = Case.create(
    { caseTypeId: 'type-1', details: 'Printer on fire', seq: 7 },
    caseType(),
    null,
    ctx(actor(), T0),
  );
  return Case.restore(
    { ...created.snapshot, state, version: 3, ...overrides },
    { name: 'Incident', milestones: [], warnBeforeHours: null, fields: [], ...rules },
  );
}

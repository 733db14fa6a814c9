import { CaseState } from '../shared/domain/case-state';

export const DEMO_TENANT = 'demo';
export const DEMO_USER = 'demo-admin';
export const DEMO_GROUP = 'demo-agents';

export const DEMO_PRIORITIES = [
  { name: 'Critical', code: 'CRITICAL', level: 1, color: '#d32f2f' },
  { name: 'High', code: 'HIGH', level: 2, color: '#f57c00' },
  { name: 'Medium', code: 'MEDIUM', level: 3, color: '#fbc02d' },
  { name: 'Low', code: 'LOW', level: 4, color: '#388e3c' },
];

export const DEMO_SOLUTION = {
  name: 'IT Service Desk',
  code: 'ITSD',
  description: 'Everything the service desk handles.',
};

export const DEMO_PROCESS = {
  name: 'Incident Management',
  code: 'INCIDENT_MGMT',
  description: 'Restore normal service as quickly as possible.',
};

/** The demo "Incident" type, pointing at the demo priorities by code. */
export function DEMO_CASE_TYPE(processId: string, priorityIds: Record<string, string>) {
  return {
    processId,
    name: 'Incident',
    code: 'INCIDENT',
    description: 'An unplanned interruption or degradation of a service.',
    autoCloseHours: 72,
    dueDate: { dueInHours: 24, warnBeforeHours: 4 },
    slas: [
      {
        name: 'Critical response',
        priorityId: priorityIds.CRITICAL,
        warnAfterMinutes: 15,
        breachAfterMinutes: 30,
      },
      {
        name: 'Resolution',
        warnAfterMinutes: 6 * 60,
        breachAfterMinutes: 8 * 60,
        pauseInStates: [CaseState.REQUEST_INPUT, CaseState.ON_HOLD],
      },
    ],
    milestones: [
      { name: 'Acknowledged', percent: 10, onState: CaseState.OPENED },
      { name: 'In progress', percent: 30, onState: CaseState.IN_PROCESS },
      { name: 'Resolved', percent: 90, onState: CaseState.RESOLVED },
      { name: 'Closed', percent: 100, onState: CaseState.COMPLETED },
    ],
    defaultPriorityId: priorityIds.MEDIUM,
    defaultAssignedToGroups: [DEMO_GROUP],
  };
}

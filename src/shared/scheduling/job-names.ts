import { Permission } from '../auth/permission.enum';

/** The built-in jobs, by the name of their SchedulerRegistry entry and advisory lock. */
export const JOB_NAMES = ['sla-check', 'due-date-check', 'auto-close'] as const;
export type JobName = (typeof JOB_NAMES)[number];

/** The permission that runs a job by REST, and shows its runs. */
export const JOB_PERMISSIONS: Record<JobName, Permission> = {
  'sla-check': Permission.CASE_CHECK_SLA,
  'due-date-check': Permission.CASE_CHECK_DUE_DATES,
  'auto-close': Permission.CASE_AUTOCLOSE_VIEW,
};

export type JobTrigger = 'schedule' | 'api';

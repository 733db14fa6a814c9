import { ErrorDetail } from '../../../shared/errors/domain-error';

export const ASSIGNMENT_STRATEGIES = ['none', 'round-robin', 'least-loaded'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

/** Far above any real workload; keeps the number an ordinary integer. */
export const MAX_CAPACITY = 10_000;

/**
 * How new and unclaimed cases of a type get an agent. `groups` null: the type's
 * defaultAssignedToGroups at the time of each pick; `capacity` null: no limit of open cases.
 */
export interface AssignmentRule {
  readonly strategy: AssignmentStrategy;
  readonly groups: readonly string[] | null;
  readonly capacity: number | null;
}

export interface AssignmentInput {
  strategy?: string;
  groups?: readonly string[] | null;
  capacity?: number | null;
}

const isStrategy = (value: unknown): value is AssignmentStrategy =>
  ASSIGNMENT_STRATEGIES.includes(value as AssignmentStrategy);

/** The validated rule (null for none given); every broken rule is pushed onto `issues`. */
export function assignmentOf(
  issues: ErrorDetail[],
  input: AssignmentInput | null | undefined,
): AssignmentRule | null {
  if (!input) return null;
  if (!isStrategy(input.strategy)) {
    issues.push({
      field: 'assignment.strategy',
      message: `assignment.strategy must be one of ${ASSIGNMENT_STRATEGIES.join(', ')}`,
    });
  }
  const groups = input.groups ?? null;
  if (groups !== null) {
    if (groups.length === 0) {
      issues.push({
        field: 'assignment.groups',
        message: 'assignment.groups must name a group (leave it out for defaultAssignedToGroups)',
      });
    }
    groups.forEach((g, i) => {
      if (typeof g !== 'string' || !g.trim())
        issues.push({ field: `assignment.groups.${i}`, message: 'a group must not be empty' });
    });
  }
  const capacity = input.capacity ?? null;
  if (
    capacity !== null &&
    !(Number.isInteger(capacity) && capacity >= 1 && capacity <= MAX_CAPACITY)
  ) {
    issues.push({
      field: 'assignment.capacity',
      message: `assignment.capacity must be an integer between 1 and ${MAX_CAPACITY}`,
    });
  }
  return {
    strategy: input.strategy as AssignmentStrategy,
    groups: groups && [...new Set(groups.map((g) => String(g).trim()))],
    capacity,
  };
}

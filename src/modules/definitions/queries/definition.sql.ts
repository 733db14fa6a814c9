/** The response columns every definition shares, from a table aliased `alias`. */
export function definitionColumns(alias: string): string {
  return `${alias}.id, ${alias}.name, ${alias}.code, ${alias}.description, ${alias}.active,
    ${alias}.created_by AS "createdBy", ${alias}.created_at AS "createdAt",
    ${alias}.updated_at AS "updatedAt"`;
}

export const SOLUTION_SELECT = `SELECT ${definitionColumns('s')} FROM solutions s`;

export const PROCESS_SELECT = `SELECT ${definitionColumns('p')}, p.solution_id AS "solutionId",
    s.name AS "solutionName"
  FROM processes p JOIN solutions s ON s.id = p.solution_id AND s.client_id = p.client_id`;

/**
 * The SLA definitions with the business-time fields of issue 12 filled for those stored before
 * (metric resolution, no calendar, no escalations) and `targetMinutes`, the alias of
 * `breachAfterMinutes`, always shown.
 */
const SLAS_COLUMN = `(SELECT coalesce(jsonb_agg(jsonb_build_object('metric', 'resolution',
      'calendarId', NULL, 'escalations', '[]'::jsonb) || e.s
      || jsonb_build_object('targetMinutes', e.s -> 'breachAfterMinutes') ORDER BY e.n), '[]')
    FROM jsonb_array_elements(ct.slas) WITH ORDINALITY e(s, n))`;

export const CASE_TYPE_COLUMNS = `${definitionColumns('ct')}, ct.process_id AS "processId",
    p.name AS "processName", p.solution_id AS "solutionId", s.name AS "solutionName",
    ct.auto_close_hours::float8 AS "autoCloseHours",
    CASE WHEN ct.due_in_hours IS NULL THEN NULL ELSE json_build_object(
      'dueInHours', ct.due_in_hours::float8, 'warnBeforeHours', ct.warn_before_hours::float8) END
      AS "dueDate",
    ct.calendar_id AS "calendarId", ${SLAS_COLUMN} AS slas, ct.milestones,
    ct.default_priority_id AS "defaultPriorityId",
    ct.default_assigned_to_groups AS "defaultAssignedToGroups", ct.assignment, ct.fields`;

export const CASE_TYPE_FROM = `FROM case_types ct
  JOIN processes p ON p.id = ct.process_id AND p.client_id = ct.client_id
  JOIN solutions s ON s.id = p.solution_id AND s.client_id = p.client_id`;

export const CASE_TYPE_SELECT = `SELECT ${CASE_TYPE_COLUMNS} ${CASE_TYPE_FROM}`;

/** `?q=` as a case-insensitive substring pattern, with LIKE's wildcards taken literally. */
export function containsPattern(q: string | undefined): string | null {
  const text = q?.trim();
  return text ? `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
}

/** The keyset condition for ORDER BY created_at, id on the table aliased `alias`. */
export function afterCursor(alias: string, at: number): string {
  return `($${at}::timestamptz IS NULL OR (${alias}.created_at, ${alias}.id) > ($${at}::timestamptz, $${at + 1}::uuid))`;
}

/**
 * The one projection of a case row into CaseResponseDto (lists and single view alike).
 * Expects `cases c` joined as in CASE_FROM; `stateLabel` falls back to the default label.
 */
export const CASE_COLUMNS = `
  c.id, c.display_id AS "displayId", c.case_type_id AS "caseTypeId", ct.name AS "caseTypeName",
  p.name AS "processName", s.name AS "solutionName", c.priority_id AS "priorityId",
  CASE WHEN pr.id IS NULL THEN NULL
       ELSE json_build_object('id', pr.id, 'name', pr.name, 'code', pr.code, 'level', pr.level) END AS "priority",
  c.state, COALESCE(sl.label, INITCAP(REPLACE(c.state, '_', ' '))) AS "stateLabel",
  c.details, c.description, c.tags, c.initiator_id AS "initiatorId", c.initiator_type AS "initiatorType",
  c.first_name AS "firstName", c.assigned_to_users AS "assignedToUsers", c.assigned_to_groups AS "assignedToGroups",
  c.location, c.location_id AS "locationId", c.location_code AS "locationCode",
  COALESCE((SELECT array_agg(si.id ORDER BY si.created_at, si.id) FROM sla_instances si
             WHERE si.client_id = c.client_id AND si.case_id = c.id AND si.closed_at IS NULL), '{}') AS "slaInstanceIds",
  c.message_warned_slas AS "messageWarnedSLAs", c.resolution, c.resolved_by AS "resolvedBy",
  c.resolution_date AS "resolutionDate", c.case_relation AS "caseRelation", c.transferred_to AS "transferredTo",
  c.merged_into AS "mergedInto", c.completed_percent AS "completedPercent", c.due_date AS "dueDate",
  c.due_date_warning AS "dueDateWarning",
  c.marked_due_date_exceeded AS "markedDueDateExceeded", c.marked_due_date_warning AS "markedDueDateWarning",
  c.sla_status AS "slaStatus", c.sla_due_at AS "slaDueAt",
  c.watchers, c.milestones, c.fields, c.version, c.created_at AS "createdAt", c.created_by AS "createdBy",
  c.updated_at AS "updatedAt", c.updated_by AS "updatedBy"`;

export const CASE_FROM = `
  cases c
  JOIN case_types ct ON ct.id = c.case_type_id
  JOIN processes p ON p.id = ct.process_id
  JOIN solutions s ON s.id = p.solution_id
  LEFT JOIN priorities pr ON pr.id = c.priority_id
  LEFT JOIN case_status_labels sl ON sl.client_id = c.client_id AND sl.state = c.state`;

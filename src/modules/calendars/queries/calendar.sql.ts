export const CALENDAR_COLUMNS = `id, name, time_zone AS "timeZone", working_hours AS "workingHours",
  holidays, version, created_by AS "createdBy", created_at AS "createdAt",
  updated_at AS "updatedAt"`;

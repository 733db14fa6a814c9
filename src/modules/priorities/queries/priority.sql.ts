export const PRIORITY_COLUMNS = `id, name, code, level, color, active, created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt"`;

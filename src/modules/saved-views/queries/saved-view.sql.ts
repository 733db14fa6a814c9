export const VIEW_RESPONSE_COLUMNS = `id, name, list, filters, sort, shared, owner_id AS "ownerId",
  created_at AS "createdAt"`;

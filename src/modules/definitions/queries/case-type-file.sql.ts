export const CASE_TYPE_FILE_COLUMNS = `f.id, f.case_type_id AS "caseTypeId", f.kind,
  f.file_name AS "name", f.content_type AS "contentType", f.size_bytes::float8 AS "size",
  f.sha256, f.uploaded_by AS "uploadedBy", f.created_at AS "createdAt"`;

/** A row when the case type exists in the tenant and is not deleted. */
export const LIVE_CASE_TYPE = `SELECT 1 FROM case_types WHERE client_id = $1 AND id = $2 AND deleted_at IS NULL`;

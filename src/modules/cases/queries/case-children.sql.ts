/** Projections of the rows a case owns in other tables, shared by the case view and the lists. */
/** The one projection of a `case_documents d` row into CaseDocumentDto. */
export const CASE_DOCUMENT_COLUMNS = `
  d.id, d.case_id AS "caseId", d.file_name AS "name", d.content_type AS "contentType",
  d.size_bytes::float8 AS "size", d.sha256, d.uploaded_by AS "uploadedBy", d.created_at AS "createdAt",
  '/api/v1/cases/' || d.case_id || '/documents/' || d.id || '/content' AS "contentUrl"`;

/** The one projection of a `case_comments cc` row into CaseCommentDto. */
export const CASE_COMMENT_COLUMNS = `
  cc.id, cc.kind, cc.visibility, cc.author_id AS "authorId", cc.text, cc.created_at AS "createdAt"`;

/**
 * The extra condition on `case_comments cc` for a reader who sees the case only as its initiator:
 * public comments only, word for word the predicate of the partial index ix_case_comments_public.
 */
export const commentsFor = (publicOnly: boolean) =>
  publicOnly ? `AND cc.visibility = 'public'` : '';

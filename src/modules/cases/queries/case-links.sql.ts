import { Actor } from '../../../shared/auth/actor';
import { canView, VisibleFacts } from '../domain/case-visibility';
import { CaseLinkSummaryDto } from '../http/case.response.dto';

export type CaseLinkRow = CaseLinkSummaryDto & VisibleFacts;

/**
 * The links of the case `c` (`case_links`, written by the case-links module, read here like the
 * comment and document rows) from its side, oldest first, as one JSON array of CaseLinkRow, with
 * the other case's visibility facts. The view types mirror case-links' `seenFrom`: a link is
 * stored once, `child` as `parent` reversed.
 */
export const CASE_LINKS_JSON = `(SELECT coalesce(json_agg(json_build_object(
      'id', l.id,
      'type', CASE WHEN l.from_case_id = c.id THEN l.kind
                   WHEN l.kind = 'parent' THEN 'child'
                   WHEN l.kind = 'duplicate-of' THEN 'duplicated-by'
                   ELSE l.kind END,
      'caseId', o.id, 'displayId', o.display_id, 'initiatorId', o.initiator_id,
      'assignedToUsers', o.assigned_to_users, 'assignedToGroups', o.assigned_to_groups)
      ORDER BY l.created_at, l.id), '[]')
     FROM case_links l
     JOIN cases o ON o.client_id = l.client_id
                 AND o.id = CASE WHEN l.from_case_id = c.id THEN l.to_case_id ELSE l.from_case_id END
    WHERE l.client_id = c.client_id AND (l.from_case_id = c.id OR l.to_case_id = c.id))`;

/** The links to cases of the tenant the viewer can see. */
export function visibleLinks(actor: Actor, rows: readonly CaseLinkRow[]): CaseLinkSummaryDto[] {
  return rows
    .filter((row) => canView(actor, row))
    .map(({ id, type, caseId, displayId }) => ({ id, type, caseId, displayId }));
}

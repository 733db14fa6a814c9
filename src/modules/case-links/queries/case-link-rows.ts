import { QueryBus } from '@nestjs/cqrs';
import { Actor } from '../../../shared/auth/actor';
import { NotFoundError } from '../../../shared/errors/domain-error';
import { GetCaseQuery } from '../../cases';
import { CaseLink, seenFrom } from '../domain/case-link';
import { CaseLinkResponseDto } from '../http/case-link.response.dto';

export const LINK_ROW_COLUMNS = `id, from_case_id AS "fromCaseId", to_case_id AS "toCaseId", kind,
  created_by AS "createdBy", created_at AS "createdAt"`;

export type LinkRow = Omit<CaseLink, 'clientId'>;

/**
 * The rows as seen from `caseId`, leaving out links whose other case the caller cannot see
 * (the case module's read decides, as everywhere else).
 */
export async function visibleLinks(
  queries: QueryBus,
  actor: Actor,
  caseId: string,
  rows: LinkRow[],
): Promise<CaseLinkResponseDto[]> {
  const out: CaseLinkResponseDto[] = [];
  for (const row of rows) {
    const { type, otherCaseId } = seenFrom(row, caseId);
    try {
      const other = await queries.execute(new GetCaseQuery(actor, { id: otherCaseId }));
      const { id, createdBy, createdAt } = row;
      out.push({ id, type, caseId: other.id, displayId: other.displayId, createdBy, createdAt });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return out;
}

import { Injectable } from '@nestjs/common';
import { ActivityLog } from '../../activity';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { Outbox } from '../../../shared/outbox/outbox';
import { CaseLink, seenFrom } from '../domain/case-link';
import { CaseLinkChangedEvent } from '../domain/case-link-changed.event';
import { CaseLinkRepository } from '../domain/case-link.repository';

const LINK_COLUMNS = `id, client_id AS "clientId", from_case_id AS "fromCaseId",
  to_case_id AS "toCaseId", kind, created_by AS "createdBy", created_at AS "createdAt"`;

@Injectable()
export class CaseLinkSqlRepository extends CaseLinkRepository {
  constructor(
    private readonly tx: TransactionManager,
    private readonly activity: ActivityLog,
    private readonly outbox: Outbox,
  ) {
    super();
  }

  async add(link: CaseLink): Promise<boolean> {
    const { rows } = await this.tx.execute(
      `INSERT INTO case_links (id, client_id, from_case_id, to_case_id, kind, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [
        link.id,
        link.clientId,
        link.fromCaseId,
        link.toCaseId,
        link.kind,
        link.createdBy,
        link.createdAt,
      ],
    );
    if (rows.length === 0) return false;
    await this.record('case.linked', link, link.createdBy, link.createdAt);
    return true;
  }

  async isAncestorOrSelf(clientId: string, ancestorId: string, caseId: string): Promise<boolean> {
    const rows = await this.tx.query(
      `WITH RECURSIVE up(id) AS (
         SELECT $3::uuid
         UNION
         SELECT l.from_case_id FROM case_links l JOIN up ON l.to_case_id = up.id
          WHERE l.client_id = $1 AND l.kind = 'parent'
       )
       SELECT 1 FROM up WHERE id = $2::uuid LIMIT 1`,
      [clientId, ancestorId, caseId],
    );
    return rows.length > 0;
  }

  async lockHierarchy(clientId: string): Promise<void> {
    await this.tx.query(`SELECT pg_advisory_xact_lock(hashtext('case-links:' || $1))`, [clientId]);
  }

  async findOn(clientId: string, caseId: string, linkId: string): Promise<CaseLink | null> {
    const [row] = await this.tx.query<CaseLink>(
      `SELECT ${LINK_COLUMNS} FROM case_links
        WHERE client_id = $1 AND id = $2 AND (from_case_id = $3 OR to_case_id = $3)`,
      [clientId, linkId, caseId],
    );
    return row ?? null;
  }

  async remove(link: CaseLink, actorId: string, at: Date): Promise<void> {
    await this.tx.query(`DELETE FROM case_links WHERE client_id = $1 AND id = $2`, [
      link.clientId,
      link.id,
    ]);
    await this.record('case.unlinked', link, actorId, at);
  }

  /** An activity entry and an event on each of the two cases, each from that case's side. */
  private async record(
    type: 'case.linked' | 'case.unlinked',
    link: CaseLink,
    actorId: string,
    at: Date,
  ): Promise<void> {
    const sides = [link.fromCaseId, link.toCaseId].map((caseId) => ({
      caseId,
      ...seenFrom(link, caseId),
    }));
    await this.activity.append(
      sides.map(({ caseId, type: linkType, otherCaseId }) => ({
        clientId: link.clientId,
        caseId,
        type,
        actorId,
        onBehalfOf: null,
        occurredAt: at,
        data: { linkId: link.id, type: linkType, caseId: otherCaseId },
      })),
    );
    await this.outbox.append(
      sides.map(
        (s) =>
          new CaseLinkChangedEvent(
            type,
            link.clientId,
            s.caseId,
            at,
            link.id,
            s.type,
            s.otherCaseId,
            actorId,
          ),
      ),
    );
  }
}

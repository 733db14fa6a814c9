import { TransactionManager } from '../../../shared/database/transaction-manager';

export interface EligibleCaseRow {
  caseId: string;
  displayId: string;
  caseTypeId: string;
  resolutionDate: Date;
  eligibleSince: Date;
  /** resolution_date as ISO text with microseconds: the keyset cursor, exact. */
  cursorAt: string;
}

/**
 * A tenant's RESOLVED cases whose type's autoCloseHours have passed since their resolution, by
 * resolution date (ix_cases_resolved). The type's hours apply whether or not the type is still
 * active: deactivating a type stops new cases, not the closing of old ones.
 */
export function eligibleCases(
  tx: TransactionManager,
  query: { clientId: string; now: Date; limit: number; after?: [string, string] },
): Promise<EligibleCaseRow[]> {
  const params: unknown[] = [query.clientId, query.now, query.limit];
  const after = query.after
    ? `AND (c.resolution_date, c.id) > ($${params.push(query.after[0])}::timestamptz, $${params.push(query.after[1])}::uuid)`
    : '';
  return tx.query<EligibleCaseRow>(
    `SELECT c.id AS "caseId", c.display_id AS "displayId", c.case_type_id AS "caseTypeId",
            c.resolution_date AS "resolutionDate",
            c.resolution_date + ct.auto_close_hours::float8 * interval '1 hour' AS "eligibleSince",
            to_char(c.resolution_date AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "cursorAt"
       FROM cases c JOIN case_types ct ON ct.id = c.case_type_id
      WHERE c.client_id = $1 AND c.state = 'RESOLVED' AND c.resolution_date IS NOT NULL
        AND ct.auto_close_hours IS NOT NULL
        AND c.resolution_date + ct.auto_close_hours::float8 * interval '1 hour' <= $2
        ${after}
      ORDER BY c.resolution_date, c.id
      LIMIT $3`,
    params,
  );
}

/** The tenants that have a case type with auto-close configured (the job's walk). */
export async function autoCloseTenants(tx: TransactionManager): Promise<string[]> {
  const rows = await tx.query<{ client_id: string }>(
    `SELECT DISTINCT client_id FROM case_types WHERE auto_close_hours IS NOT NULL ORDER BY client_id`,
  );
  return rows.map((r) => r.client_id);
}

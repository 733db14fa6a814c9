import { TransactionManager } from './transaction-manager';

/**
 * Moves a module's rows of one case of a tenant to another case, in the caller's transaction
 * (which holds both case rows): all of them, or only those of `ids` still on the source. Answers
 * the ids moved, sorted. The rows keep their ids; for case merges and their undo.
 */
export async function moveCaseRows(
  tx: TransactionManager,
  table: 'case_comments' | 'case_documents',
  move: { clientId: string; fromCaseId: string; toCaseId: string; ids?: readonly string[] },
): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `UPDATE ${table} SET case_id = $3
      WHERE client_id = $1 AND case_id = $2 AND ($4::uuid[] IS NULL OR id = ANY($4::uuid[]))
      RETURNING id`,
    [move.clientId, move.fromCaseId, move.toCaseId, move.ids ?? null],
  );
  return rows.map((r) => r.id).sort();
}

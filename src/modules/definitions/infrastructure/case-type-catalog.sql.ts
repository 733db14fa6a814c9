import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { parseFieldDefinitions } from '../case-field-definition';
import { CaseTypeCatalog, CaseTypeDefinition, parseSlaDefinitions } from '../case-type-catalog';
import { CaseTypeNotFoundError, DefinitionUnavailableError } from '../domain/definition.errors';
import { CASE_TYPE_COLUMNS, CASE_TYPE_FROM } from '../queries/definition.sql';

const STATUS_COLUMNS = `ct.deleted_at IS NOT NULL AS deleted,
  (ct.active AND p.active AND s.active
    AND ct.deleted_at IS NULL AND p.deleted_at IS NULL AND s.deleted_at IS NULL) AS available,`;

// Built once: the same string on every call, so naming the prepared statement neither copies nor
// hashes it again.
const loadSql = (lock: boolean) =>
  `SELECT ${STATUS_COLUMNS} ${CASE_TYPE_COLUMNS} ${CASE_TYPE_FROM}
    WHERE ct.client_id = $1 AND ct.id = $2 ${lock ? 'FOR SHARE OF ct, p, s' : ''}`;
const LOAD_SQL = { lock: loadSql(true), read: loadSql(false) };

@Injectable()
export class SqlCaseTypeCatalog extends CaseTypeCatalog {
  constructor(private readonly tx: TransactionManager) {
    super();
  }

  async findForNewCase(clientId: string, caseTypeId: string): Promise<CaseTypeDefinition> {
    const caseType = await this.load(clientId, caseTypeId, this.tx.inTransaction);
    if (!caseType.available) throw new DefinitionUnavailableError();
    return caseType;
  }

  findAny(clientId: string, caseTypeId: string): Promise<CaseTypeDefinition> {
    return this.load(clientId, caseTypeId, false);
  }

  private async load(clientId: string, id: string, lock: boolean): Promise<CaseTypeDefinition> {
    // Prepared: every create and state action reads its type.
    const sql = lock ? LOAD_SQL.lock : LOAD_SQL.read;
    const [row] = await this.tx.queryPrepared<CaseTypeDefinition>(sql, [clientId, id]);
    if (!row) throw new CaseTypeNotFoundError();
    return {
      ...row,
      slas: parseSlaDefinitions(row.slas),
      fields: parseFieldDefinitions(row.fields),
    };
  }
}

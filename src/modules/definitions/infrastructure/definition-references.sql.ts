import { Injectable } from '@nestjs/common';
import { TransactionManager } from '../../../shared/database/transaction-manager';
import { DefinitionReferences } from '../domain/definition-references';
import { ReferenceState } from '../domain/reference';

const TABLES = { solution: 'solutions', process: 'processes', caseType: 'case_types' } as const;

@Injectable()
export class SqlDefinitionReferences extends DefinitionReferences {
  constructor(private readonly tx: TransactionManager) {
    super();
  }

  solution(clientId: string, id: string): Promise<ReferenceState> {
    return this.stateOf('solution', clientId, id);
  }

  process(clientId: string, id: string): Promise<ReferenceState> {
    return this.stateOf('process', clientId, id);
  }

  caseType(clientId: string, id: string): Promise<ReferenceState> {
    return this.stateOf('caseType', clientId, id);
  }

  async livePriorities(clientId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.tx.query<{ id: string }>(
      `SELECT id FROM priorities WHERE client_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL
       ${this.lock}`,
      [clientId, [...new Set(ids)]],
    );
    return new Set(rows.map((r) => r.id));
  }

  async liveCalendars(clientId: string, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.tx.query<{ id: string }>(
      `SELECT id FROM calendars WHERE client_id = $1 AND id = ANY($2::uuid[]) AND deleted_at IS NULL
       ${this.lock}`,
      [clientId, [...new Set(ids)]],
    );
    return new Set(rows.map((r) => r.id));
  }

  private get lock(): string {
    return this.tx.inTransaction ? 'FOR SHARE' : '';
  }

  private async stateOf(
    kind: keyof typeof TABLES,
    clientId: string,
    id: string,
  ): Promise<ReferenceState> {
    const [row] = await this.tx.query<{ deleted: boolean }>(
      `SELECT deleted_at IS NOT NULL AS deleted FROM ${TABLES[kind]}
        WHERE client_id = $1 AND id = $2 ${this.lock}`,
      [clientId, id],
    );
    if (!row) return 'missing';
    return row.deleted ? 'deleted' : 'live';
  }
}

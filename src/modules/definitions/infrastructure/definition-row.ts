import { DefinitionProps } from '../domain/definition';

export interface DefinitionRow {
  id: string;
  client_id: string;
  name: string;
  code: string;
  description: string | null;
  active: boolean;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export function definitionProps(row: DefinitionRow): DefinitionProps {
  return {
    id: row.id,
    clientId: row.client_id,
    name: row.name,
    code: row.code,
    description: row.description,
    active: row.active,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

/** $1..$10 of an INSERT of the shared columns, in the order of DEFINITION_COLUMNS. */
export const DEFINITION_COLUMNS =
  'id, client_id, name, code, description, active, created_by, created_at, updated_at, deleted_at';

export function definitionParams(p: DefinitionProps): unknown[] {
  return [
    p.id,
    p.clientId,
    p.name,
    p.code,
    p.description,
    p.active,
    p.createdBy,
    p.createdAt,
    p.updatedAt,
    p.deletedAt,
  ];
}

/** The ON CONFLICT update of the shared columns; the tenant guard keeps ids from crossing tenants. */
export function updateShared(table: string, extra = ''): string {
  return `ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, code = EXCLUDED.code,
    description = EXCLUDED.description, active = EXCLUDED.active, updated_at = EXCLUDED.updated_at,
    deleted_at = EXCLUDED.deleted_at${extra} WHERE ${table}.client_id = EXCLUDED.client_id`;
}

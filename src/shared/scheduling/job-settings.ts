import { Inject, Injectable } from '@nestjs/common';
import { jobsConfig, JobsConfig } from '../../config/configuration';
import { TransactionManager } from '../database/transaction-manager';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { Clock } from '../time/clock';

/** A tenant's job settings in effect: its own where set, else the deployment's defaults. */
export interface JobSettings {
  dueDateCaseTypeIds: string[];
  continueOnError: boolean;
  enabled: { slaCheck: boolean; dueDateCheck: boolean; autoClose: boolean };
}

/** What a tenant sets; an absent (or null) field follows the deployment's default. */
export interface JobSettingsInput {
  dueDateCaseTypeIds?: string[] | null;
  continueOnError?: boolean | null;
  enabled?: {
    slaCheck?: boolean | null;
    dueDateCheck?: boolean | null;
    autoClose?: boolean | null;
  } | null;
}

interface SettingsRow {
  client_id: string;
  due_date_case_type_ids: string[] | null;
  continue_on_error: boolean | null;
  sla_check_enabled: boolean | null;
  due_date_check_enabled: boolean | null;
  auto_close_enabled: boolean | null;
}

/**
 * Per-tenant job settings (`job_settings`) over the deployment's defaults
 * (DUE_DATE_CASE_TYPE_IDS, JOBS_CONTINUE_ON_ERROR; every job enabled). The scheduled jobs read
 * them for each tenant they run for; the REST-triggered checks take their input from the call.
 */
@Injectable()
export class JobSettingsStore {
  constructor(
    private readonly tx: TransactionManager,
    private readonly clock: Clock,
    @Inject(jobsConfig.KEY) private readonly config: JobsConfig,
  ) {}

  async of(clientId: string): Promise<JobSettings> {
    return (await this.forTenants([clientId])).get(clientId)!;
  }

  /**
   * The settings in effect of each tenant given (defaults for those with none stored). A
   * tenant's default case types are those of DUE_DATE_CASE_TYPE_IDS that are its own: a tenant
   * never sees another's ids.
   */
  async forTenants(clientIds: readonly string[]): Promise<Map<string, JobSettings>> {
    const tenants = [...clientIds];
    const rows = await this.tx.query<SettingsRow>(
      `SELECT * FROM job_settings WHERE client_id = ANY($1::text[])`,
      [tenants],
    );
    const stored = new Map(rows.map((r) => [r.client_id, r]));
    const defaults = await this.ownCaseTypes(tenants, this.config.dueDateCaseTypeIds);
    return new Map(
      tenants.map((id) => [id, this.effective(stored.get(id), defaults.get(id) ?? [])]),
    );
  }

  /** The tenants owning the case types `ids`, each with its own among them (in `ids` order). */
  async ownCaseTypes(clientIds: string[] | null, ids: readonly string[]) {
    const owned = new Map<string, string[]>();
    if (ids.length === 0) return owned;
    const rows = await this.tx.query<{ id: string; client_id: string }>(
      `SELECT id, client_id FROM case_types
        WHERE id = ANY($1::uuid[]) AND ($2::text[] IS NULL OR client_id = ANY($2::text[]))`,
      [[...ids], clientIds],
    );
    const tenantOf = new Map(rows.map((r) => [r.id, r.client_id]));
    for (const id of ids) {
      const tenant = tenantOf.get(id);
      if (tenant) owned.set(tenant, [...(owned.get(tenant) ?? []), id]);
    }
    return owned;
  }

  /** The tenants whose own dueDateCaseTypeIds replace DUE_DATE_CASE_TYPE_IDS, with those ids. */
  async dueDateOverrides(): Promise<Map<string, string[]>> {
    const rows = await this.tx.query<SettingsRow>(
      `SELECT client_id, due_date_case_type_ids FROM job_settings
        WHERE due_date_case_type_ids IS NOT NULL`,
    );
    return new Map(rows.map((r) => [r.client_id, r.due_date_case_type_ids!]));
  }

  /** Replaces the tenant's settings (an absent field: back to the default); answers those in effect. */
  async save(clientId: string, input: JobSettingsInput, by: string): Promise<JobSettings> {
    const ids = input.dueDateCaseTypeIds
      ? [...new Set(input.dueDateCaseTypeIds.map((id) => id.toLowerCase()))]
      : null;
    const own = ids ? ((await this.ownCaseTypes([clientId], ids)).get(clientId) ?? []) : [];
    const unknown = ids?.filter((id) => !own.includes(id)) ?? [];
    if (unknown.length > 0) {
      const message = `not case types of this tenant: ${unknown.join(', ')}`;
      throw new DomainError(ErrorCode.ValidationFailed, `dueDateCaseTypeIds: ${message}.`, [
        { field: 'dueDateCaseTypeIds', message },
      ]);
    }
    await this.tx.query(
      `INSERT INTO job_settings (client_id, due_date_case_type_ids, continue_on_error,
                   sla_check_enabled, due_date_check_enabled, auto_close_enabled, updated_by, updated_at)
       VALUES ($1, $2::uuid[], $3, $4, $5, $6, $7, $8)
       ON CONFLICT (client_id) DO UPDATE SET
         due_date_case_type_ids = EXCLUDED.due_date_case_type_ids,
         continue_on_error = EXCLUDED.continue_on_error,
         sla_check_enabled = EXCLUDED.sla_check_enabled,
         due_date_check_enabled = EXCLUDED.due_date_check_enabled,
         auto_close_enabled = EXCLUDED.auto_close_enabled,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [
        clientId,
        ids,
        input.continueOnError ?? null,
        input.enabled?.slaCheck ?? null,
        input.enabled?.dueDateCheck ?? null,
        input.enabled?.autoClose ?? null,
        by,
        this.clock.now(),
      ],
    );
    return this.of(clientId);
  }

  private effective(row: SettingsRow | undefined, defaultTypes: string[]): JobSettings {
    return {
      dueDateCaseTypeIds: row?.due_date_case_type_ids ?? defaultTypes,
      continueOnError: row?.continue_on_error ?? this.config.continueOnError,
      enabled: {
        slaCheck: row?.sla_check_enabled ?? true,
        dueDateCheck: row?.due_date_check_enabled ?? true,
        autoClose: row?.auto_close_enabled ?? true,
      },
    };
  }
}

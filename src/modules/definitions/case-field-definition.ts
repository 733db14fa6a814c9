export const CASE_FIELD_TYPES = ['string', 'number', 'boolean', 'date', 'enum', 'user'] as const;
export type CaseFieldType = (typeof CASE_FIELD_TYPES)[number];

/** A stored field value: dates are `YYYY-MM-DD` strings, users their directory id. */
export type CaseFieldValue = string | number | boolean;

export const FIELD_KEY_PATTERN = /^[a-z][a-zA-Z0-9_]{0,39}$/;
export const MAX_FIELDS = 50;
export const MAX_FIELD_STRING = 10_000;
export const MAX_FIELD_USER_ID = 200;

/** One custom field of a case type; cases of the type carry `fields: { [key]: value }`. */
export interface CaseFieldDefinition {
  readonly key: string;
  readonly label: string;
  readonly type: CaseFieldType;
  readonly required: boolean;
  /** Only for `enum`: the allowed values. */
  readonly options: readonly string[] | null;
  /** `number`: inclusive bounds; `date`: inclusive `YYYY-MM-DD` bounds. */
  readonly min: number | string | null;
  readonly max: number | string | null;
  /** Only for `string`. */
  readonly maxLength: number | null;
  /** A hint for clients (filter bars); every field can be filtered with `field.<key>`. */
  readonly filterable: boolean;
  /** Applied on create when the request leaves the field out. */
  readonly default: CaseFieldValue | null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` string naming a real calendar day. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return day.toISOString().slice(0, 10) === value;
}

function rangeProblem(def: CaseFieldDefinition, value: number | string): string | null {
  const { min, max } = def;
  if (min !== null && value < min) return `must not be less than ${min}`;
  if (max !== null && value > max) return `must not be greater than ${max}`;
  return null;
}

/**
 * Why `value` is not a valid value of the field (a message without the field name), or null.
 * `user` values are only checked for shape here; the directory check is the caller's.
 */
export function fieldValueProblem(def: CaseFieldDefinition, value: unknown): string | null {
  switch (def.type) {
    case 'string': {
      if (typeof value !== 'string') return 'must be a string';
      const limit = def.maxLength ?? MAX_FIELD_STRING;
      if (value.length > limit) return `must be at most ${limit} characters`;
      return def.required && !value.trim() ? 'must not be blank' : null;
    }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a finite number';
      return rangeProblem(def, value);
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'date':
      if (!isIsoDate(value)) return 'must be a date as YYYY-MM-DD';
      return rangeProblem(def, value);
    case 'enum':
      return typeof value === 'string' && (def.options ?? []).includes(value)
        ? null
        : `must be one of ${(def.options ?? []).join(', ')}`;
    case 'user':
      return typeof value === 'string' && value.trim() && value.length <= MAX_FIELD_USER_ID
        ? null
        : `must be a user id (1 to ${MAX_FIELD_USER_ID} characters)`;
  }
}

/** Field definitions as stored (jsonb on case_types), with absent settings as null. */
export function parseFieldDefinitions(
  raw: readonly Partial<CaseFieldDefinition>[] | null | undefined,
): CaseFieldDefinition[] {
  return (raw ?? []).map((f) => ({
    key: String(f.key),
    label: String(f.label),
    type: f.type as CaseFieldType,
    required: f.required === true,
    options: f.options ?? null,
    min: f.min ?? null,
    max: f.max ?? null,
    maxLength: f.maxLength ?? null,
    filterable: f.filterable === true,
    default: f.default ?? null,
  }));
}

import { ErrorDetail } from '../../../shared/errors/domain-error';
import {
  CASE_FIELD_TYPES,
  CaseFieldDefinition,
  CaseFieldType,
  CaseFieldValue,
  FIELD_KEY_PATTERN,
  fieldValueProblem,
  isIsoDate,
  MAX_FIELD_STRING,
  MAX_FIELDS,
} from '../case-field-definition';

export const MAX_FIELD_OPTIONS = 100;
export const MAX_FIELD_LABEL = 200;

/** What a client may send for one field (the whole list replaces the previous one). */
export interface CaseFieldInput {
  key: string;
  label: string;
  type: string;
  required?: boolean | null;
  options?: readonly string[] | null;
  min?: number | string | null;
  max?: number | string | null;
  maxLength?: number | null;
  filterable?: boolean | null;
  default?: CaseFieldValue | null;
}

type Issues = ErrorDetail[];
type Issue = (setting: string, message: string) => void;

const TYPES = new Set<string>(CASE_FIELD_TYPES);

function optionsOf(input: CaseFieldInput, type: string, issue: Issue): string[] | null {
  if (type !== 'enum') {
    if (input.options != null) issue('options', 'is only allowed for enum fields');
    return null;
  }
  const options = input.options ?? [];
  if (!Array.isArray(options) || options.length === 0 || options.length > MAX_FIELD_OPTIONS) {
    issue('options', `must list 1 to ${MAX_FIELD_OPTIONS} values for an enum field`);
    return [];
  }
  if (options.some((o) => typeof o !== 'string' || !o.trim() || o.length > MAX_FIELD_LABEL)) {
    issue('options', `must be non-blank strings of at most ${MAX_FIELD_LABEL} characters`);
  } else if (new Set(options).size !== options.length) {
    issue('options', 'must not repeat a value');
  }
  return [...options];
}

function boundOf(
  input: CaseFieldInput,
  name: 'min' | 'max',
  type: string,
  issue: Issue,
): number | string | null {
  const value = input[name];
  if (value == null) return null;
  if (type === 'number' && typeof value === 'number' && Number.isFinite(value)) return value;
  if (type === 'date' && isIsoDate(value)) return value;
  if (type === 'number') issue(name, 'must be a finite number');
  else if (type === 'date') issue(name, 'must be a date as YYYY-MM-DD');
  else issue(name, 'is only allowed for number and date fields');
  return null;
}

function maxLengthOf(input: CaseFieldInput, type: string, issue: Issue): number | null {
  const value = input.maxLength;
  if (value == null) return null;
  if (type !== 'string') issue('maxLength', 'is only allowed for string fields');
  else if (!Number.isInteger(value) || value < 1 || value > MAX_FIELD_STRING) {
    issue('maxLength', `must be an integer between 1 and ${MAX_FIELD_STRING}`);
  } else return value;
  return null;
}

function fieldOf(input: CaseFieldInput, at: string, issues: Issues): CaseFieldDefinition {
  const issue: Issue = (setting, message) =>
    issues.push({ field: `${at}.${setting}`, message: `${at}.${setting} ${message}` });
  const key = typeof input.key === 'string' ? input.key : '';
  if (!FIELD_KEY_PATTERN.test(key)) {
    issue('key', 'must start with a lower-case letter, then up to 39 letters, digits or _');
  }
  const label = typeof input.label === 'string' ? input.label.trim() : '';
  if (!label || label.length > MAX_FIELD_LABEL) {
    issue('label', `must be 1 to ${MAX_FIELD_LABEL} characters`);
  }
  const type = input.type;
  if (!TYPES.has(type)) issue('type', `must be one of ${CASE_FIELD_TYPES.join(', ')}`);
  const def: CaseFieldDefinition = {
    key,
    label,
    type: type as CaseFieldType,
    required: input.required === true,
    options: optionsOf(input, type, issue),
    min: boundOf(input, 'min', type, issue),
    max: boundOf(input, 'max', type, issue),
    maxLength: maxLengthOf(input, type, issue),
    filterable: input.filterable === true,
    default: input.default ?? null,
  };
  if (def.min !== null && def.max !== null && def.min > def.max) {
    issue('min', `must not be greater than ${at}.max`);
  }
  if (def.default !== null && TYPES.has(type)) {
    const problem = fieldValueProblem(def, def.default);
    if (problem) issue('default', problem);
  }
  return def;
}

/** Validates a case type's field list: every broken rule, each with the setting it concerns. */
export function fieldDefinitionsOf(
  issues: Issues,
  input: readonly CaseFieldInput[],
): CaseFieldDefinition[] {
  if (input.length > MAX_FIELDS) {
    issues.push({ field: 'fields', message: `a case type has at most ${MAX_FIELDS} fields` });
  }
  const seen = new Set<string>();
  return input.map((field, i) => {
    const def = fieldOf(field ?? ({} as CaseFieldInput), `fields.${i}`, issues);
    if (seen.has(def.key)) {
      issues.push({ field: `fields.${i}.key`, message: `fields.${i}.key ${def.key} is repeated` });
    }
    seen.add(def.key);
    return def;
  });
}

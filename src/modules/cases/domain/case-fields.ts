import { ErrorDetail } from '../../../shared/errors/domain-error';
import { CaseFieldDefinition, CaseFieldValue, fieldValueProblem } from '../../definitions';
import { InvalidCaseFieldsError } from './case-field.errors';
import { FieldChange } from './events/case.event';

/** A case's custom field values by key (jsonb `cases.fields`). */
export type CaseFields = Record<string, CaseFieldValue>;

/** What a request sends: a value sets a field, `null` clears it (on create: leaves it out). */
export type CaseFieldsInput = Record<string, unknown>;

const byKey = (defs: readonly CaseFieldDefinition[]) => new Map(defs.map((d) => [d.key, d]));

function problems(
  defs: readonly CaseFieldDefinition[],
  given: CaseFieldsInput,
  nullClears = true,
): ErrorDetail[] {
  const known = byKey(defs);
  return Object.entries(given).flatMap(([key, value]) => {
    const def = known.get(key);
    const field = `fields.${key}`;
    if (!def) return [{ field, message: `${field} is not a field of this case type` }];
    if (value === null) {
      return def.required && nullClears ? [{ field, message: `${field} is required` }] : [];
    }
    const problem = fieldValueProblem(def, value);
    return problem ? [{ field, message: `${field} ${problem}` }] : [];
  });
}

function throwIfAny(issues: ErrorDetail[]): void {
  if (issues.length > 0) throw new InvalidCaseFieldsError(issues);
}

/**
 * The values of a new case: what the request sends, validated against the type's current
 * definitions, plus each missing field's default; a required field must end up with a value.
 */
export function fieldsAtCreation(
  defs: readonly CaseFieldDefinition[],
  given: CaseFieldsInput = {},
): CaseFields {
  const issues = problems(defs, given, false);
  const values: CaseFields = {};
  for (const def of defs) {
    const value = given[def.key] ?? def.default;
    if (value !== null && value !== undefined) values[def.key] = value as CaseFieldValue;
    else if (def.required && !issues.some((i) => i.field === `fields.${def.key}`)) {
      issues.push({ field: `fields.${def.key}`, message: `fields.${def.key} is required` });
    }
  }
  throwIfAny(issues);
  return values;
}

/**
 * Merge semantics: the keys sent replace their values, `null` removes one, the others stay as
 * stored. Only the keys sent are validated, so values written under older definitions survive.
 */
export function fieldsAfterEdit(
  defs: readonly CaseFieldDefinition[],
  current: CaseFields,
  given: CaseFieldsInput,
): CaseFields {
  throwIfAny(problems(defs, given));
  const next: CaseFields = { ...current };
  for (const [key, value] of Object.entries(given)) {
    if (value === null) delete next[key];
    else next[key] = value as CaseFieldValue;
  }
  return next;
}

/**
 * A transferred case keeps the values the target type defines under the same key and accepts;
 * the rest of the target's fields get their defaults. Required ones may stay empty: the case
 * already exists, and its next edit of the field is checked.
 */
export function fieldsForTransfer(
  defs: readonly CaseFieldDefinition[],
  from: CaseFields,
): CaseFields {
  const values: CaseFields = {};
  for (const def of defs) {
    const carried = from[def.key];
    const keep = carried !== undefined && fieldValueProblem(def, carried) === null;
    const value = keep ? carried : def.default;
    if (value !== null && value !== undefined) values[def.key] = value;
  }
  return values;
}

/** Each field an edit changed, as `fields.<key>` with its old and new value (null: unset). */
export function fieldChanges(before: CaseFields, after: CaseFields): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const [old, now] = [before[key] ?? null, after[key] ?? null];
    if (old !== now) changes[`fields.${key}`] = { old, new: now };
  }
  return changes;
}

/**
 * The `user` values a request sends, checked against the tenant's directory: `unknown` answers
 * the ids it does not know as active users (none when the tenant keeps no directory).
 */
export async function requireKnownFieldUsers(
  defs: readonly CaseFieldDefinition[],
  given: CaseFieldsInput | undefined,
  unknown: (ids: string[]) => Promise<string[]>,
): Promise<void> {
  const known = byKey(defs);
  const sent = Object.entries(given ?? {}).filter(
    (entry): entry is [string, string] =>
      known.get(entry[0])?.type === 'user' && typeof entry[1] === 'string',
  );
  if (sent.length === 0) return;
  const missing = new Set(await unknown([...new Set(sent.map(([, id]) => id))]));
  throwIfAny(
    sent
      .filter(([, id]) => missing.has(id))
      .map(([key, id]) => ({
        field: `fields.${key}`,
        message: `fields.${key} must be an active user of the directory (${id} is not)`,
      })),
  );
}

import { DomainError, ErrorDetail } from '../../../../../shared/errors/domain-error';
import { ErrorCode } from '../../../../../shared/errors/error-codes';
import {
  CaseFieldDefinition,
  CaseFieldValue,
  FIELD_KEY_PATTERN,
  isIsoDate,
} from '../../../../definitions';

export const MAX_FIELD_FILTERS = 10;
const MAX_FILTER_VALUE = 200;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** One `field.<key>=<value>` filter: a case matches when its value equals any candidate. */
export interface FieldMatch {
  key: string;
  candidates: CaseFieldValue[];
}

/**
 * A query-string value as the field's type reads it (a list scoped to one case type), or, with
 * no definition, every JSON value the text could mean: `42` matches the string "42" and the
 * number 42, `true` the string and the boolean. Values stored under older definitions of a
 * field still match (an enum value no longer offered, say).
 */
function candidatesOf(raw: string, def: CaseFieldDefinition | null): CaseFieldValue[] | string {
  if (!def) {
    const extra = NUMBER.test(raw)
      ? [Number(raw)]
      : raw === 'true' || raw === 'false'
        ? [raw === 'true']
        : [];
    return [raw, ...extra.filter((v) => typeof v !== 'number' || Number.isFinite(v))];
  }
  switch (def.type) {
    case 'number':
      return NUMBER.test(raw) && Number.isFinite(Number(raw)) ? [Number(raw)] : 'must be a number';
    case 'boolean':
      return raw === 'true' || raw === 'false' ? [raw === 'true'] : 'must be true or false';
    case 'date':
      return isIsoDate(raw) ? [raw] : 'must be a date as YYYY-MM-DD';
    default:
      return [raw];
  }
}

/**
 * The `field` filters of a list request, checked and typed; `definitions` are the fields of the
 * case type the list is scoped to (`caseTypeId`), null when it is not. 400 CASE4601 names
 * `field.<key>` for a malformed key, a key the scoped type does not define, or a value its
 * type cannot hold.
 */
export function resolveFieldFilters(
  raw: Record<string, unknown> | undefined,
  definitions: readonly CaseFieldDefinition[] | null,
): FieldMatch[] {
  const entries = Object.entries(raw ?? {});
  const issues: ErrorDetail[] = [];
  const issue = (key: string, message: string) =>
    issues.push({ field: `field.${key}`, message: `field.${key} ${message}` });
  if (entries.length > MAX_FIELD_FILTERS) {
    issues.push({ field: 'field', message: `at most ${MAX_FIELD_FILTERS} field filters` });
  }
  const byKey = new Map((definitions ?? []).map((d) => [d.key, d]));
  const matches = entries.flatMap(([key, value]): FieldMatch[] => {
    if (!FIELD_KEY_PATTERN.test(key)) {
      issue(key, 'is not a field key (a lower-case letter, then up to 39 letters, digits or _)');
    } else if (typeof value !== 'string' || value.length > MAX_FILTER_VALUE) {
      issue(key, `must be given once, as text of at most ${MAX_FILTER_VALUE} characters`);
    } else if (definitions && !byKey.has(key)) {
      issue(key, 'is not a field of this case type');
    } else {
      const candidates = candidatesOf(value, definitions ? byKey.get(key)! : null);
      if (typeof candidates !== 'string') return [{ key, candidates }];
      issue(key, candidates);
    }
    return [];
  });
  if (issues.length > 0) throw new DomainError(ErrorCode.InvalidFieldFilter, undefined, issues);
  return matches;
}

/**
 * Containment tests the cases_fields_gin (jsonb_path_ops) index answers: the single-candidate
 * filters as one `fields @> {...}`, each ambiguous one as an OR of its readings.
 */
export function fieldFilterSql(param: (value: unknown) => string, matches: FieldMatch[]): string[] {
  if (matches.length === 0) return [];
  const exact = matches.filter((m) => m.candidates.length === 1);
  // Repeats the partial index's predicate word for word, so the planner can use it.
  const conditions = [`c.fields <> '{}'::jsonb`];
  if (exact.length > 0) {
    const object = Object.fromEntries(exact.map((m) => [m.key, m.candidates[0]]));
    conditions.push(`c.fields @> ${param(JSON.stringify(object))}::jsonb`);
  }
  for (const { key, candidates } of matches.filter((m) => m.candidates.length > 1)) {
    const tests = candidates.map(
      (v) => `c.fields @> ${param(JSON.stringify({ [key]: v }))}::jsonb`,
    );
    conditions.push(`(${tests.join(' OR ')})`);
  }
  return conditions;
}

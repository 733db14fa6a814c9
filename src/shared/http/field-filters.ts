/** The query-string prefix of custom field filters: `?field.severity=high`. */
export const FIELD_FILTER_PREFIX = 'field.';

/**
 * Gathers flat `field.<key>` parameters into `field: { <key>: value }`, the shape the list DTOs
 * validate (a flat key with a dot could not be declared on a DTO, and forbidNonWhitelisted would
 * refuse it). Also used for a saved view's stored filters, so both read the same.
 */
export function nestFieldFilters<T extends Record<string, unknown>>(query: T): T {
  const keys = Object.keys(query).filter((k) => k.startsWith(FIELD_FILTER_PREFIX));
  if (keys.length === 0) return query;
  const existing = query.field;
  const isObject = typeof existing === 'object' && existing !== null && !Array.isArray(existing);
  // `field=x` beside `field.k=v`: left as sent, for the DTO to refuse.
  if (existing !== undefined && !isObject) return query;
  const rest: Record<string, unknown> = { ...query };
  const nested: Record<string, unknown> = { ...(existing as Record<string, unknown>) };
  for (const key of keys) {
    // defineProperty: a key like `__proto__` stays an own entry, for the list to refuse.
    Object.defineProperty(nested, key.slice(FIELD_FILTER_PREFIX.length), {
      value: rest[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
    delete rest[key];
  }
  rest.field = nested;
  return rest as T;
}

export type QueryParser = (query: string) => Record<string, unknown>;

/** Express's extended (qs) query parser, followed by nestFieldFilters. */
export function withFieldFilters(parse: QueryParser): QueryParser {
  return (query) => nestFieldFilters(parse(query));
}

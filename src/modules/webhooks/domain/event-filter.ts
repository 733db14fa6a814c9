const FILTER = /^(\*|[a-z0-9-]+(\.[a-z0-9-]+)*(\.\*)?)$/;

export function isValidEventFilter(filter: string): boolean {
  return filter.length <= 100 && FILTER.test(filter);
}

/** `*`, an exact type, or a prefix wildcard: `case.*` matches `case.created` but not `case-type.x`. */
export function matchesEventFilter(filters: readonly string[], type: string): boolean {
  return filters.some(
    (f) => f === '*' || f === type || (f.endsWith('.*') && type.startsWith(f.slice(0, -1))),
  );
}

/** The same rule in SQL, over a `text[]` column of filters and a type parameter. */
export function eventFilterSql(filters: string, type: string): string {
  return `EXISTS (SELECT 1 FROM unnest(${filters}) f
                   WHERE f = '*' OR f = ${type}
                      OR (right(f, 2) = '.*' AND starts_with(${type}, left(f, -1))))`;
}

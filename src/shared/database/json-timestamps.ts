import { types, type CustomTypesConfig } from 'pg';

const TIMESTAMPTZ = 1184;
const parseTimestamptz = types.getTypeParser(TIMESTAMPTZ, 'text') as (text: string) => unknown;

/** How PostgreSQL writes a timestamptz in a UTC session: `2026-12-03 10:56:53.123456+00`. */
const UTC_TEXT = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d{1,6})?\+00$/;

/**
 * A timestamptz as PostgreSQL sends it, turned into the text `JSON.stringify` writes for the
 * value pg's default parser makes of it (a Date, written by `toJSON`): `2026-12-03T10:56:53.123Z`,
 * or null for ±infinity. A UTC text is rewritten directly (`utcTimestampJson`); any other
 * (another session time zone, BC, a year past 9999) goes through the default parser.
 */
export function timestampJson(text: string): string | null {
  const utc = utcTimestampJson(text);
  if (utc !== undefined) return utc;
  const value = parseTimestamptz(text);
  return value instanceof Date ? value.toJSON() : null;
}

/**
 * `2026-12-03 10:56:53.123456+00` as `2026-12-03T10:56:53.123Z`: the milliseconds truncated, as
 * the Date pg would make keeps them. Undefined for a text in any other form.
 */
export function utcTimestampJson(text: string): string | undefined {
  if (!UTC_TEXT.test(text)) return undefined;
  const ms = (text.slice(20, text.length - 3) + '000').slice(0, 3);
  return `${text.slice(0, 10)}T${text.slice(11, 19)}.${ms}Z`;
}

/**
 * Type parsers for rows that go straight into a response (the case list): timestamps arrive as
 * the ISO text the response carries instead of as Date objects serialized later. A list page of
 * 51 cases carries about 300; in 5 alternations of 1 000 such pages read through pg and written
 * as JSON (2026-12-03), node's CPU per page went from a median of 1.66 ms to 1.29 ms. Every other
 * type is parsed as usual.
 */
export const JSON_TIMESTAMPS: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === TIMESTAMPTZ && format !== 'binary'
      ? timestampJson
      : types.getTypeParser(oid, format ?? 'text')) as CustomTypesConfig['getTypeParser'],
};

/** `T` as JSON carries it: its Date fields as ISO 8601 text. */
export type JsonTimestamps<T> = {
  [K in keyof T]: T[K] extends Date
    ? string
    : Date extends T[K]
      ? Exclude<T[K], Date> | string
      : T[K];
};

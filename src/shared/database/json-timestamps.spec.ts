import fc from 'fast-check';
import { types } from 'pg';
import { JSON_TIMESTAMPS, timestampJson, utcTimestampJson } from './json-timestamps';

const TIMESTAMPTZ = 1184;
const INT4 = 23;
const defaultParse = types.getTypeParser(TIMESTAMPTZ, 'text');
/** The oracle: what a response carried before, pg's default parse written by JSON.stringify. */
const asBefore = (text: string) => JSON.stringify(defaultParse(text));

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface Stamp {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  micros: number;
}

const stamp = (maxYear: number) =>
  fc.record({
    year: fc.integer({ min: 1, max: maxYear }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    micros: fc.oneof(fc.integer({ min: 0, max: 999_999 }), fc.constantFrom(0, 500, 999_000)),
  });

/**
 * A timestamptz as PostgreSQL writes it: the fraction's trailing zeros dropped (no fraction when
 * whole), the offset as ±HH[:MM[:SS]], and ` BC` last.
 */
function pgText(s: Stamp, offsetSeconds = 0, bc = false): string {
  const fraction = s.micros ? `.${pad(s.micros, 6)}`.replace(/0+$/, '') : '';
  const sign = offsetSeconds < 0 ? '-' : '+';
  const abs = Math.abs(offsetSeconds);
  const parts = [Math.floor(abs / 3600), Math.floor(abs / 60) % 60, abs % 60];
  while (parts.length > 1 && parts[parts.length - 1] === 0) parts.pop();
  const offset = sign + parts.map((p) => pad(p)).join(':');
  return (
    `${pad(s.year, 4)}-${pad(s.month)}-${pad(s.day)} ` +
    `${pad(s.hour)}:${pad(s.minute)}:${pad(s.second)}${fraction}${offset}${bc ? ' BC' : ''}`
  );
}

describe('timestampJson', () => {
  it('rewrites a UTC text itself, into what the Date pg makes of it serializes to', () => {
    fc.assert(
      fc.property(stamp(9999), (s) => {
        const text = pgText(s);
        expect(JSON.stringify(utcTimestampJson(text))).toBe(asBefore(text));
        expect(timestampJson(text)).toBe(utcTimestampJson(text));
      }),
      { numRuns: 5_000 },
    );
  });

  // pg computes the milliseconds in floating point (1000 * 0.xxx), so its Date could round where
  // the text is cut. Every millisecond with the microseconds around its edges; all 10^6 fractions
  // were compared once (2026-12-03, 14 s), with the same result.
  it('truncates microsecond fractions to the milliseconds pg’s Date keeps', () => {
    const base: Stamp = {
      year: 2026,
      month: 12,
      day: 3,
      hour: 10,
      minute: 56,
      second: 53,
      micros: 0,
    };
    const tails = [0, 1, 9, 10, 99, 100, 499, 500, 501, 900, 990, 999];
    const wrong: string[] = [];
    for (let ms = 0; ms < 1000; ms++) {
      for (const tail of tails) {
        const text = pgText({ ...base, micros: ms * 1000 + tail });
        if (JSON.stringify(utcTimestampJson(text)) !== asBefore(text)) wrong.push(text);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('leaves other offsets, years BC or past 9999 and ±infinity to pg’s parser, same JSON', () => {
    const offset = fc.oneof(
      fc.integer({ min: -15 * 60, max: 15 * 60 }).map((minutes) => minutes * 60),
      fc.integer({ min: -15 * 3600, max: 15 * 3600 }),
    );
    fc.assert(
      fc.property(stamp(200_000), offset, fc.boolean(), (s, seconds, bc) => {
        const text = pgText(s, seconds, bc);
        const direct = seconds === 0 && !bc && s.year <= 9999;
        expect(utcTimestampJson(text) !== undefined).toBe(direct);
        expect(JSON.stringify(timestampJson(text))).toBe(asBefore(text));
      }),
      { numRuns: 5_000 },
    );
    for (const text of ['infinity', '-infinity']) {
      expect(timestampJson(text)).toBeNull();
      expect(asBefore(text)).toBe('null');
    }
  });

  it('is the timestamptz parser of JSON_TIMESTAMPS, every other type parsed as pg does', () => {
    expect(JSON_TIMESTAMPS.getTypeParser(TIMESTAMPTZ, 'text')).toBe(timestampJson);
    expect(JSON_TIMESTAMPS.getTypeParser(INT4, 'text')).toBe(types.getTypeParser(INT4, 'text'));
    expect(JSON_TIMESTAMPS.getTypeParser(TIMESTAMPTZ, 'binary')).toBe(
      types.getTypeParser(TIMESTAMPTZ, 'binary'),
    );
  });
});

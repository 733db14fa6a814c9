const DAY_MS = 86_400_000;
/** Days kept over all zones (a few tens of MB at most) before the cache starts afresh. */
const MAX_CACHED_DAYS = 300_000;

interface DayOffsets {
  /** Offset (local minus UTC, ms) at the start of the UTC day. */
  before: number;
  /** The instant the offset changes within the day, if it does. */
  changeAt?: number;
  after: number;
}

const IANA_NAME = /^(UTC|[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
const days = new Map<string, Map<number, DayOffsets>>();
let cachedDays = 0;

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

/** An IANA zone name the runtime knows (offsets such as "+01:00" are not zone names). */
export function isKnownTimeZone(zone: string): boolean {
  if (!IANA_NAME.test(zone)) return false;
  try {
    formatter(zone);
    return true;
  } catch {
    return false;
  }
}

/** Local minus UTC in ms at instant `t`, straight from Intl (whole seconds; years 1900-2200). */
function intlOffset(zone: string, t: number): number {
  const parts: Record<string, string> = {};
  const at = Math.floor(t / 1000) * 1000;
  for (const p of formatter(zone).formatToParts(at)) parts[p.type] = p.value;
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return wall - at;
}

/** Offsets of one UTC day; a change inside it is located by bisection to the millisecond. */
function dayOffsets(zone: string, day: number): DayOffsets {
  const hit = days.get(zone)?.get(day);
  if (hit) return hit;
  if (cachedDays >= MAX_CACHED_DAYS) {
    days.clear();
    cachedDays = 0;
  }
  let cache = days.get(zone);
  if (!cache) {
    cache = new Map();
    days.set(zone, cache);
  }
  const start = day * DAY_MS;
  const before = cache.get(day - 1)?.after ?? intlOffset(zone, start);
  const after = cache.get(day + 1)?.before ?? intlOffset(zone, start + DAY_MS);
  let entry: DayOffsets = { before, after };
  if (before !== after) {
    let lo = start;
    let hi = start + DAY_MS;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (intlOffset(zone, mid) === before) lo = mid;
      else hi = mid;
    }
    entry = { before, after, changeAt: hi };
  }
  cache.set(day, entry);
  cachedDays += 1;
  return entry;
}

/** Local minus UTC in ms at instant `t` in `zone`. Assumes at most one change per UTC day. */
export function offsetAt(zone: string, t: number): number {
  const d = dayOffsets(zone, Math.floor(t / DAY_MS));
  return d.changeAt !== undefined && t >= d.changeAt ? d.after : d.before;
}

/** Whether the offset changes anywhere in [from, to). */
export function offsetChangesBetween(zone: string, from: number, to: number): boolean {
  for (let day = Math.floor(from / DAY_MS); day * DAY_MS < to; day++) {
    const d = dayOffsets(zone, day);
    if (d.changeAt !== undefined && d.changeAt >= from && d.changeAt < to) return true;
  }
  return false;
}

/**
 * The first instant at which the local clock reads `wall` (a wall time written as UTC ms) or
 * later: an ambiguous time (clocks set back) is its first occurrence, a skipped time (clocks set
 * forward) is the moment of the change. Monotonic in `wall`, so wall intervals that do not
 * overlap map to instants that do not overlap.
 */
export function firstInstantAt(zone: string, wall: number): number {
  const early = offsetAt(zone, wall - 15 * 3_600_000);
  const late = offsetAt(zone, wall + 15 * 3_600_000);
  const candidates = [wall - early, wall - late].filter((t) => t + offsetAt(zone, t) === wall);
  if (candidates.length > 0) return Math.min(...candidates);
  let lo = wall - late;
  let hi = wall - early;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid + offsetAt(zone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** The local calendar day (days since 1970-01-01) of instant `t`. */
export function localDay(zone: string, t: number): number {
  return Math.floor((t + offsetAt(zone, t)) / DAY_MS);
}

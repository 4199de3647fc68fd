// Calendar days in the reader's time zone, without a time-zone library: Intl knows every IANA zone.

const MINUTE = 60_000;
const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The canonical name of an IANA time zone ("utc" -> "UTC"), or null when Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The last day a YYYY-MM-DD string can name; nothing comes after it. */
export const LAST_DAY = "9999-12-31";

/** True for a real calendar day written YYYY-MM-DD (years 1000 to 9999). */
export function isCalendarDay(value: string): boolean {
  const m = DAY_PATTERN.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** Wall-clock time in the zone at an instant, as if it were UTC (ms), truncated to the minute. */
function wallClock(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const year = parts.year ?? 1970;
  const wall = Date.UTC(year, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0);
  // Date.UTC maps years 0-99 to 1900-1999; fix them up (only reachable with absurd inputs).
  return year < 100 ? new Date(wall).setUTCFullYear(year) : wall;
}

/** Offset of the zone from UTC at an instant, in ms (UTC+2 gives 7,200,000). */
function offsetAt(instant: number, timeZone: string): number {
  const floored = Math.floor(instant / MINUTE) * MINUTE;
  return wallClock(floored, timeZone) - floored;
}

/** The calendar day of an instant in the zone, YYYY-MM-DD. */
export function dayOf(instant: Date, timeZone: string): string {
  return new Date(wallClock(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** The day `n` days after a YYYY-MM-DD day. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** The day `n` months after a YYYY-MM-DD day, clamped to the end of shorter months. */
export function addMonths(day: string, n: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + n, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Days from a to b (b - a), both YYYY-MM-DD. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** ISO weekday of a YYYY-MM-DD day: 1 = Monday … 7 = Sunday. */
export function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay() || 7;
}

const dayStarts = new Map<string, number>();

/**
 * The first instant of a calendar day in the zone: local midnight, or, where the clocks skip midnight
 * (a DST change at 00:00), the moment the day begins.
 */
export function startOfDay(day: string, timeZone: string): Date {
  const key = `${timeZone}|${day}`;
  const cached = dayStarts.get(key);
  if (cached !== undefined) return new Date(cached);
  if (dayStarts.size >= 10_000) dayStarts.clear();
  const guess = Date.parse(`${day}T00:00:00Z`);
  // The offset can only be one of the two on either side of the day start.
  const candidates = [
    offsetAt(guess - 14 * 3_600_000, timeZone),
    offsetAt(guess + 14 * 3_600_000, timeZone),
  ].map((o) => guess - o);
  const valid = candidates.filter((c) => dayOf(new Date(c), timeZone) === day).sort((a, b) => a - b);
  const start = valid[0] ?? Math.max(...candidates);
  dayStarts.set(key, start);
  return new Date(start);
}

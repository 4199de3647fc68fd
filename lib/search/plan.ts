// Engine-independent planning: URL state -> instants, and the histogram's bins.
import { subMonths } from "date-fns";
import type { ListParams, RangePreset } from "@/lib/articles/params";
import {
  addDays,
  addMonths,
  dayOf,
  daysBetween,
  isCalendarDay,
  LAST_DAY,
  startOfDay,
  weekday,
} from "./dates";
import type { HistogramUnit } from "./types";
import type { Filters } from "./where";

const HOUR = 3_600_000;
const RANGE_START: Record<RangePreset, (now: Date) => Date> = {
  "24h": (now) => new Date(now.getTime() - 24 * HOUR),
  "7d": (now) => new Date(now.getTime() - 7 * 24 * HOUR),
  "30d": (now) => new Date(now.getTime() - 30 * 24 * HOUR),
  "12m": (now) => subMonths(now, 12),
};

/** The filters of a list state as instants: custom days are midnights in the reader's zone, presets roll back from now. */
export function resolveFilters(params: ListParams, now: Date): Filters {
  let from: Date | null = null;
  let until: Date | null = null;
  if (params.from || params.to) {
    if (params.from) from = startOfDay(params.from, params.tz);
    // The last day the calendar holds has no day after it: the range is open at that end.
    if (params.to && params.to < LAST_DAY) until = startOfDay(addDays(params.to, 1), params.tz);
  } else if (params.range) {
    from = RANGE_START[params.range](now);
  }
  return {
    from,
    until,
    regions: params.regions,
    countries: params.countries,
    sources: params.sources,
    languages: params.languages,
  };
}

/**
 * The calendar days the histogram covers: the date filter's days, with the archive's first and last days
 * (in the reader's zone) wherever the filter leaves the range open (a preset is open towards the future).
 * A filter reaching past both today and the archive's last day stops there: future days hold no articles.
 */
export function histogramDays(
  params: ListParams,
  now: Date,
  archive: { first: string; last: string } | null,
): { first: string; last: string } | null {
  let first = params.from;
  let last = params.to;
  if (!params.from && !params.to && params.range) first = dayOf(RANGE_START[params.range](now), params.tz);
  if (!last && params.range && !params.from)
    last = archive && archive.last > dayOf(now, params.tz) ? archive.last : dayOf(now, params.tz);
  first ??= archive?.first ?? null;
  last ??= archive?.last ?? null;
  if (last) {
    const today = dayOf(now, params.tz);
    const horizon = archive && archive.last > today ? archive.last : today;
    if (last > horizon) last = horizon;
  }
  return first && last ? { first, last } : null;
}

/** A histogram bar before counting: its days and the instants bounding them (`until` exclusive). */
export interface PlannedBin {
  start: string;
  end: string;
  from: Date;
  until: Date;
}

/** The last instant a four-digit year can write (UTC): the bound of a bar that reaches the calendar's end. */
const END_OF_CALENDAR = new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999));

/** Most bars a histogram gets; a longer span keeps its most recent part. */
export const MAX_BINS = 240;

/** Days for spans up to two months, weeks (Monday to Sunday) up to about a year and a month, months beyond. */
export function histogramUnit(first: string, last: string): HistogramUnit {
  const days = daysBetween(first, last) + 1;
  if (days <= 62) return "day";
  if (days <= 400) return "week";
  return "month";
}

/**
 * The bars between two days (inclusive) in the reader's zone, clipped to the span at both ends.
 * `clipped` when the span needed more than MAX_BINS bars and its oldest part was left out.
 */
export function planBins(
  first: string,
  last: string,
  timeZone: string,
): { unit: HistogramUnit; bins: PlannedBin[]; clipped: boolean } {
  if (first > last) return { unit: "day", bins: [], clipped: false };
  const unit = histogramUnit(first, last);
  const starts: string[] = [];
  let day = first;
  while (day <= last && isCalendarDay(day)) {
    starts.push(day);
    if (unit === "day") day = addDays(day, 1);
    else if (unit === "week") day = addDays(day, 8 - weekday(day));
    else day = `${addMonths(`${day.slice(0, 7)}-01`, 1)}`;
  }
  const kept = starts.slice(-MAX_BINS);
  const bins = kept.map((start, i) => {
    const next = kept[i + 1] ?? (last < LAST_DAY ? addDays(last, 1) : null);
    return {
      start,
      end: next ? addDays(next, -1) : last,
      from: startOfDay(start, timeZone),
      until: next ? startOfDay(next, timeZone) : END_OF_CALENDAR,
    };
  });
  return { unit, bins, clipped: kept.length < starts.length };
}

/**
 * Counts per bar of articles published at these minutes (since the epoch), as the engines' statements
 * count search keys: a bar holds the minutes from its `from`, rounded up to a whole minute, up to the next
 * bar's (the last bar's `until`); minutes outside every bar are not counted.
 */
export function barsOfMinutes(minutes: readonly number[], bins: readonly PlannedBin[]): number[] {
  const edge = (d: Date) => Math.max(0, Math.ceil(d.getTime() / 60_000));
  const edges = bins.map((b) => edge(b.from));
  if (bins.length > 0) edges.push(edge(bins[bins.length - 1]!.until));
  const counts = bins.map(() => 0);
  for (const m of minutes) {
    if (!(m >= edges[0]! && m < edges[edges.length - 1]!)) continue;
    // The bar whose edges hold m: edges[lo] <= m < edges[hi].
    let lo = 0;
    let hi = bins.length;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (m < edges[mid]!) hi = mid;
      else lo = mid;
    }
    counts[lo]!++;
  }
  return counts;
}

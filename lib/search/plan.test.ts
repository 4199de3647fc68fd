import { describe, expect, it } from "vitest";
import { DEFAULT_LIST_PARAMS, type ListParams } from "@/lib/articles/params";
import { addMonths, canonicalTimeZone, dayOf, isCalendarDay, startOfDay } from "./dates";
import { barsOfMinutes, histogramDays, MAX_BINS, planBins, resolveFilters } from "./plan";

const params = (p: Partial<ListParams>): ListParams => ({ ...DEFAULT_LIST_PARAMS, ...p });
const iso = (d: Date) => d.toISOString();

describe("calendar days in a time zone", () => {
  it("starts a day at local midnight", () => {
    expect(iso(startOfDay("2026-03-10", "UTC"))).toBe("2026-03-10T00:00:00.000Z");
    expect(iso(startOfDay("2026-03-10", "America/New_York"))).toBe("2026-03-10T04:00:00.000Z");
    expect(iso(startOfDay("2026-01-10", "America/New_York"))).toBe("2026-01-10T05:00:00.000Z");
    expect(iso(startOfDay("2026-06-01", "Asia/Kathmandu"))).toBe("2026-05-31T18:15:00.000Z");
    expect(iso(startOfDay("2026-06-01", "Pacific/Kiritimati"))).toBe("2026-05-31T10:00:00.000Z");
  });

  it("handles the days clocks change", () => {
    // Europe/Paris springs forward at 02:00 and falls back at 03:00: midnight exists and is unambiguous.
    expect(iso(startOfDay("2026-03-29", "Europe/Paris"))).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(startOfDay("2026-03-30", "Europe/Paris"))).toBe("2026-03-29T22:00:00.000Z");
    expect(iso(startOfDay("2026-10-25", "Europe/Paris"))).toBe("2026-10-24T22:00:00.000Z");
    expect(iso(startOfDay("2026-10-26", "Europe/Paris"))).toBe("2026-10-25T23:00:00.000Z");
    // Santiago springs forward at midnight (00:00 becomes 01:00): the day starts at the change.
    const start = startOfDay("2026-09-06", "America/Santiago");
    expect(iso(start)).toBe("2026-09-06T04:00:00.000Z");
    expect(dayOf(start, "America/Santiago")).toBe("2026-09-06");
    expect(dayOf(new Date(start.getTime() - 1), "America/Santiago")).toBe("2026-09-05");
  });

  it("validates days and zones", () => {
    expect(isCalendarDay("2026-02-28")).toBe(true);
    expect(isCalendarDay("2026-02-29")).toBe(false);
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2026-13-01")).toBe(false);
    expect(isCalendarDay("26-01-01")).toBe(false);
    expect(canonicalTimeZone("europe/paris")).toBe("Europe/Paris");
    expect(canonicalTimeZone("Mars/Olympus")).toBeNull();
    expect(canonicalTimeZone("+05:00")).toBeNull();
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
  });
});

describe("resolveFilters", () => {
  const now = new Date("2026-11-25T12:00:00Z");

  it("turns inclusive days into [midnight, next midnight) in the reader's zone", () => {
    const f = resolveFilters(params({ from: "2026-03-10", to: "2026-03-10", tz: "America/New_York" }), now);
    expect(iso(f.from!)).toBe("2026-03-10T04:00:00.000Z");
    expect(iso(f.until!)).toBe("2026-03-11T04:00:00.000Z");
  });

  it("rolls presets back from now, open towards the future", () => {
    expect(iso(resolveFilters(params({ range: "24h" }), now).from!)).toBe("2026-11-24T12:00:00.000Z");
    expect(iso(resolveFilters(params({ range: "7d" }), now).from!)).toBe("2026-11-18T12:00:00.000Z");
    expect(iso(resolveFilters(params({ range: "12m" }), now).from!)).toBe("2025-11-25T12:00:00.000Z");
    expect(resolveFilters(params({ range: "30d" }), now).until).toBeNull();
  });
});

describe("histogram bins", () => {
  it("counts minutes into the bar that holds them, from its first minute up to the next bar's", () => {
    const { bins } = planBins("2026-11-01", "2026-11-03", "Europe/Paris");
    const minute = (iso: string) => Date.parse(iso) / 60_000;
    const at = [
      minute("2026-10-31T22:59:00Z"), // 23:59 the day before, Paris: no bar
      minute("2026-10-31T23:00:00Z"), // midnight, 1 November
      minute("2026-11-01T22:59:00Z"), // 23:59, 1 November
      minute("2026-11-01T23:00:00Z"), // midnight, 2 November
      minute("2026-11-03T22:59:00Z"), // 23:59, 3 November
      minute("2026-11-03T23:00:00Z"), // 4 November: no bar
    ];
    expect(barsOfMinutes(at, bins)).toEqual([2, 1, 1]);
    expect(barsOfMinutes([], bins)).toEqual([0, 0, 0]);
    expect(barsOfMinutes(at, [])).toEqual([]);
  });

  it("uses days, weeks or months by span", () => {
    expect(planBins("2026-11-01", "2026-11-30", "UTC").unit).toBe("day");
    expect(planBins("2026-05-01", "2026-10-31", "UTC").unit).toBe("week");
    expect(planBins("2024-11-20", "2026-11-20", "UTC").unit).toBe("month");
  });

  it("covers the span exactly, bins clipped at both ends, weeks from Monday", () => {
    const { bins } = planBins("2026-05-01", "2026-06-30", "UTC");
    expect(bins[0]).toMatchObject({ start: "2026-05-01", end: "2026-05-01" });
    const weeks = planBins("2026-05-01", "2026-10-31", "Europe/Paris").bins;
    expect(weeks[0]).toMatchObject({ start: "2026-05-01", end: "2026-05-03" });
    expect(weeks[1]).toMatchObject({ start: "2026-05-04", end: "2026-05-10" });
    expect(weeks.at(-1)).toMatchObject({ start: "2026-10-26", end: "2026-10-31" });
    expect(iso(weeks[1]!.from)).toBe("2026-05-03T22:00:00.000Z");
    for (let i = 1; i < weeks.length; i++) expect(weeks[i]!.from).toEqual(weeks[i - 1]!.until);
    const months = planBins("2024-11-20", "2026-11-20", "UTC").bins;
    expect(months).toHaveLength(25);
    expect(months[0]).toMatchObject({ start: "2024-11-20", end: "2024-11-30" });
    expect(months.at(-1)).toMatchObject({ start: "2026-11-01", end: "2026-11-20" });
  });

  it("keeps the most recent MAX_BINS bars of a very long span", () => {
    const plan = planBins("1970-01-01", "2026-11-20", "UTC");
    expect(plan.bins).toHaveLength(MAX_BINS);
    expect(plan.clipped).toBe(true);
    expect(plan.bins.at(-1)?.end).toBe("2026-11-20");
  });

  it("spans the filter's days, the archive where the filter is open", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const archive = { first: "2024-11-20", last: "2026-11-20" };
    expect(histogramDays(params({ from: "2026-05-01", to: "2026-10-31" }), now, archive)).toEqual({
      first: "2026-05-01",
      last: "2026-10-31",
    });
    expect(histogramDays(params({ from: "2026-05-01" }), now, archive)).toEqual({
      first: "2026-05-01",
      last: "2026-11-20",
    });
    expect(histogramDays(params({ range: "7d" }), now, archive)).toEqual({
      first: "2026-11-18",
      last: "2026-11-25",
    });
    expect(histogramDays(params({}), now, archive)).toEqual(archive);
    expect(histogramDays(params({}), now, null)).toBeNull();
  });
});

describe("the calendar's edges", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  const archive = { first: "2026-01-01", last: "2026-11-20" };

  it("leaves the range open after the last day a date can name", () => {
    const filters = resolveFilters(params({ to: "9999-12-31", tz: "Pacific/Kiritimati" }), now);
    expect(filters.until).toBeNull();
    const before = resolveFilters(params({ to: "9999-12-30", tz: "UTC" }), now);
    expect(before.until?.toISOString()).toBe("9999-12-31T00:00:00.000Z");
  });

  it("stops the histogram at today or the archive's last day, whichever is later", () => {
    expect(histogramDays(params({ from: "2026-05-01", to: "9999-12-31" }), now, archive)).toEqual({
      first: "2026-05-01",
      last: "2026-11-25",
    });
    const future = { first: "2026-01-01", last: "2027-03-01" };
    expect(histogramDays(params({ to: "2030-01-01" }), now, future)).toEqual(future);
  });

  it("plans bars up to the calendar's last day without running past it", () => {
    const { bins } = planBins("9990-01-01", "9999-12-31", "UTC");
    expect(bins.at(-1)?.end).toBe("9999-12-31");
    expect(bins.every((b) => b.from < b.until)).toBe(true);
    const days = planBins("9999-12-25", "9999-12-31", "America/New_York");
    expect(days.bins).toHaveLength(7);
  });
});

const monthFmt = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const dayFmt = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** A histogram bin's label: "Oct 2023" for months, "27 Oct 2023" (the first day) for days and weeks. */
export function histogramLabel(start: string, unit: "day" | "week" | "month"): string {
  const date = new Date(`${start}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return start;
  return unit === "month"
    ? monthFmt.format(date)
    : unit === "week"
      ? `Week of ${dayFmt.format(date)}`
      : dayFmt.format(date);
}

import { formatDistanceStrict } from "date-fns";

const absolute = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "UTC",
});

/** "3 hours ago", with the absolute UTC date in the title and the machine-readable instant in dateTime. */
export function RelativeTime({
  date,
  estimated = false,
  now = new Date(),
}: {
  date: Date;
  estimated?: boolean;
  now?: Date;
}) {
  const label = date > now ? "just now" : formatDistanceStrict(date, now, { addSuffix: true });
  const full = `${absolute.format(date)} UTC${estimated ? " (estimated: the source gave no date)" : ""}`;
  return (
    <time dateTime={date.toISOString()} title={full} className="whitespace-nowrap">
      {estimated ? "≈ " : ""}
      {label}
    </time>
  );
}

/** The absolute date, as shown on an article page. */
export function formatAbsolute(date: Date): string {
  return `${absolute.format(date)} UTC`;
}

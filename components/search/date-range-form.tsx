"use client";

import Form from "next/form";
import { useSearchParams } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * Custom from/to dates (inclusive calendar days in the reader's time zone). A plain GET form that keeps
 * the other filters; with JavaScript it also sends the browser's time zone.
 */
export function DateRangeForm({ from, to, tz }: { from: string | null; to: string | null; tz: string }) {
  const searchParams = useSearchParams();
  const [zone, setZone] = useState(tz);
  useEffect(() => {
    if (!searchParams.get("tz")) setZone(Intl.DateTimeFormat().resolvedOptions().timeZone || tz);
  }, [searchParams, tz]);
  const keep = [...searchParams.entries()].filter(([k]) => !["from", "to", "range", "page", "tz"].includes(k));
  return (
    <Form action="/" className="mt-2 space-y-1.5 px-2 text-sm" data-testid="date-range-form">
      {keep.map(([k, v], i) => (
        <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name="tz" value={zone} />
      <label className="flex items-center justify-between gap-2">
        <span className="text-stone-600">From</span>
        <input type="date" name="from" defaultValue={from ?? ""} className="rounded border border-stone-300 px-1 py-0.5" />
      </label>
      <label className="flex items-center justify-between gap-2">
        <span className="text-stone-600">To</span>
        <input type="date" name="to" defaultValue={to ?? ""} className="rounded border border-stone-300 px-1 py-0.5" />
      </label>
      <button type="submit" className="w-full rounded border border-stone-300 bg-white py-1 hover:bg-stone-100">
        Apply dates
      </button>
    </Form>
  );
}

"use client";

import { listFields, type ListParams } from "@/lib/articles/params";

/**
 * Custom from/to dates (inclusive calendar days in the reader's time zone). A plain GET form that keeps
 * the other filters; with JavaScript it also sends the browser's time zone.
 */
export function DateRangeForm({ params }: { params: ListParams }) {
  const zoneChosen = params.tz !== "UTC";
  return (
    <form
      action="/"
      method="get"
      onSubmit={(e) => {
        // Day boundaries are the reader's: send the browser's time zone unless the URL already names one.
        const input = e.currentTarget.elements.namedItem("tz");
        if (input instanceof HTMLInputElement && !zoneChosen) {
          input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || params.tz;
        }
      }}
      className="mt-2 space-y-1.5 px-2 text-sm"
      data-testid="date-range-form"
    >
      {listFields({ ...params, from: null, to: null, range: null }, ["tz"]).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <input type="hidden" name="tz" defaultValue={params.tz} />
      <label className="flex items-center justify-between gap-2">
        <span className="text-stone-600">From</span>
        <input
          type="date"
          name="from"
          defaultValue={params.from ?? ""}
          className="rounded border border-stone-300 px-1 py-0.5"
        />
      </label>
      <label className="flex items-center justify-between gap-2">
        <span className="text-stone-600">To</span>
        <input
          type="date"
          name="to"
          defaultValue={params.to ?? ""}
          className="rounded border border-stone-300 px-1 py-0.5"
        />
      </label>
      <button
        type="submit"
        className="w-full rounded border border-stone-300 bg-white py-1 hover:bg-stone-100"
      >
        Apply dates
      </button>
    </form>
  );
}

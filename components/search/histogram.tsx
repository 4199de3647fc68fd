"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { listHref, type ListParams } from "@/lib/articles/params";

export interface HistogramBin {
  /** First and last calendar day of the bin (YYYY-MM-DD), inclusive. */
  start: string;
  end: string;
  count: number;
  label: string;
}

/**
 * Matching articles over time. Each bar links to its own date range (works without JavaScript);
 * with JavaScript, dragging across bars selects the range they span.
 */
export function Histogram({
  params,
  bins,
  unit,
  approximate = false,
}: {
  params: ListParams;
  bins: HistogramBin[];
  unit: string;
  approximate?: boolean;
}) {
  const router = useRouter();
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  if (bins.length === 0) return null;
  const max = Math.max(1, ...bins.map((b) => b.count));

  const hrefFor = (a: number, b: number) => {
    const lo = bins[Math.min(a, b)];
    const hi = bins[Math.max(a, b)];
    return listHref(params, { range: null, from: lo?.start ?? null, to: hi?.end ?? null });
  };
  const selected = (i: number) =>
    drag !== null && i >= Math.min(drag.from, drag.to) && i <= Math.max(drag.from, drag.to);

  return (
    <figure className="mb-4 rounded border border-stone-200 bg-white p-3" data-testid="histogram">
      <figcaption className="mb-2 text-xs text-stone-500">
        {approximate ? "Estimated matching articles" : "Matching articles"} per {unit}. Click a bar, or drag
        across bars, to filter by date.
      </figcaption>
      {/* Each bar is a tap target of at least 24×24 CSS px (WCAG 2.5.8): bars that do not fit scroll sideways. */}
      <div
        className="flex h-20 touch-pan-x items-end overflow-x-auto select-none"
        onPointerLeave={() => setDrag(null)}
        onPointerUp={() => {
          if (drag && drag.from !== drag.to) router.push(hrefFor(drag.from, drag.to), { scroll: false });
          setDrag(null);
        }}
      >
        {bins.map((bin, i) => (
          // A plain link navigated by the router below (no prefetch, and one client component fewer per bar).
          <a
            key={bin.start}
            href={hrefFor(i, i)}
            draggable={false}
            title={`${bin.label}: ${approximate ? "≈ " : ""}${bin.count.toLocaleString("en")} articles`}
            aria-label={`${bin.label}: ${approximate ? "about " : ""}${bin.count} articles`}
            className="group flex h-full min-w-6 flex-1 items-end px-px"
            onPointerDown={(e) => {
              e.preventDefault();
              setDrag({ from: i, to: i });
            }}
            onPointerEnter={() => setDrag((d) => (d ? { ...d, to: i } : d))}
            onClick={(e) => {
              if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
              e.preventDefault();
              if (!drag || drag.from === drag.to) router.push(hrefFor(i, i), { scroll: false });
            }}
          >
            <span
              className={`block w-full rounded-t ${selected(i) ? "bg-amber-500" : "bg-sky-600 group-hover:bg-sky-800"}`}
              style={{ height: `${bin.count === 0 ? 0 : Math.max(4, Math.round((bin.count / max) * 100))}%` }}
            />
          </a>
        ))}
      </div>
      <div className="mt-1 flex justify-between text-[11px] text-stone-500">
        <span>{bins[0]?.label}</span>
        <span>{bins[bins.length - 1]?.label}</span>
      </div>
    </figure>
  );
}

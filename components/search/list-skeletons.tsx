import { MAP_HEIGHT, MAP_WIDTH } from "@/lib/map/world";

// Placeholders shown while a list streams in. Each has the footprint of what replaces it, so the page
// does not jump; they are hidden from assistive technology, which hears one "Loading" status instead.

const bar = "rounded bg-stone-200";

/** The filter panel's sections while the facet counts load. */
export function FilterPanelSkeleton() {
  return (
    <div aria-hidden="true" data-testid="filters-skeleton">
      {[5, 8, 6].map((rows, s) => (
        <div key={s} className="mb-5">
          <div className={`mb-2.5 h-3 w-20 ${bar}`} />
          {Array.from({ length: rows }, (_, i) => (
            <div key={i} className="px-2 py-1.5">
              <div className={`h-4 ${i % 2 ? "w-28" : "w-36"} ${bar}`} />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}

/** The world map's frame, at the map's own aspect ratio. */
export function WorldMapSkeleton() {
  return (
    <div
      aria-hidden="true"
      className="mb-4 w-full rounded bg-stone-100"
      style={{ aspectRatio: `${MAP_WIDTH} / ${MAP_HEIGHT}` }}
      data-testid="map-skeleton"
    />
  );
}

/** The histogram's frame: caption, bars and axis labels. */
export function HistogramSkeleton() {
  return (
    <div aria-hidden="true" className="mb-4 rounded border border-stone-200 bg-white p-3">
      <div className={`mb-2 h-4 w-64 max-w-full ${bar}`} />
      <div className="h-20 rounded bg-stone-100" />
      <div className="mt-1 h-[1.0625rem]" />
    </div>
  );
}

/** The count in the list's toolbar. */
export function ResultCountSkeleton() {
  return <span aria-hidden="true" className={`inline-block h-4 w-24 align-middle ${bar}`} />;
}

/** Cards with the shape of an article card (title, byline, two lines of excerpt, chips). */
export function ResultsSkeleton({ cards = 6 }: { cards?: number }) {
  return (
    <div data-testid="results-skeleton">
      <p role="status" className="sr-only">
        Loading articles…
      </p>
      <div aria-hidden="true">
        {Array.from({ length: cards }, (_, i) => (
          <div key={i} className="border-b border-stone-200 py-4">
            <div className={`h-6 ${i % 2 ? "w-3/4" : "w-2/3"} ${bar}`} />
            <div className={`mt-2 h-4 w-48 ${bar}`} />
            <div className={`mt-3 h-4 w-full ${bar}`} />
            <div className={`mt-2 h-4 w-5/6 ${bar}`} />
            <div className="mt-3 flex gap-1.5">
              <div className="h-5 w-16 rounded-full bg-stone-100" />
              <div className="h-5 w-20 rounded-full bg-stone-100" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}

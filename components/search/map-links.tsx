"use client";

import { AppLinks } from "@/components/ui/app-links";
import { listHref, type ListParams } from "@/lib/articles/params";

// Five shades of the app's sky blue; the step is logarithmic so that one article and a thousand both show.
const SHADES = ["#e0f2fe", "#bae6fd", "#7dd3fc", "#38bdf8", "#0284c7", "#075985"];
const EMPTY = "#f5f5f4";

function shade(count: number, max: number): string {
  if (count <= 0) return EMPTY;
  const step = Math.ceil((Math.log(count + 1) / Math.log(max + 1)) * SHADES.length) - 1;
  return SHADES[Math.min(SHADES.length - 1, Math.max(0, step))] ?? EMPTY;
}

/** A country on the map: its code, its name and its number of articles in the list. */
export type MapCountry = readonly [code: string, name: string, count: number];

/**
 * The map's drawing: ~175 country links, each drawing its outline from the cached sprite. A client component for
 * what it sends, not for what it does: the server renders the same markup (readable without JavaScript),
 * and the page's React payload carries a code, a name and a count per country (about 5 KB) instead of
 * every link's elements (about 40 KB, sent beside the markup on every list page).
 */
export function MapLinks({
  params,
  countries,
  approximate,
  sprite,
  width,
  height,
}: {
  params: ListParams;
  countries: readonly MapCountry[];
  approximate: boolean;
  sprite: string;
  width: number;
  height: number;
}) {
  const max = Math.max(1, ...countries.map(([, , n]) => n));
  return (
    // Plain links (one client listener for all of them), each drawing its country from the cached outlines.
    <AppLinks>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        // Every outline's default fill and stroke, set once here rather than on each of the ~175 countries,
        // from the theme's palette so that countries without articles turn dark in dark mode.
        className="h-auto w-full fill-stone-100 stroke-stone-400"
        strokeWidth={0.4}
        role="group"
        aria-label="Articles per country"
      >
        {countries.map(([code, name, n]) => {
          const active = params.countries.includes(code);
          const label = `${name}: ${approximate && n > 0 ? "about " : ""}${n.toLocaleString("en")} ${n === 1 ? "article" : "articles"}`;
          return (
            <a
              key={code}
              href={listHref(params, { countries: [code] })}
              aria-current={active ? "true" : undefined}
            >
              <title>{label}</title>
              <use
                href={`${sprite}#${code}`}
                fill={n > 0 ? shade(n, max) : undefined}
                stroke={active ? "#0c4a6e" : undefined}
                strokeWidth={active ? 1.5 : undefined}
              />
            </a>
          );
        })}
      </svg>
    </AppLinks>
  );
}

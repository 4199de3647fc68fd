import { AppLinks } from "@/components/ui/app-links";
import { listHref, type ListParams } from "@/lib/articles/params";
import { MAP_HEIGHT, MAP_WIDTH, mapSpriteHref, worldShapes } from "@/lib/map/world";
import { countryName } from "@/lib/regions";

// Five shades of the app's sky blue; the step is logarithmic so that one article and a thousand both show.
const SHADES = ["#e0f2fe", "#bae6fd", "#7dd3fc", "#38bdf8", "#0284c7", "#075985"];
const EMPTY = "#f5f5f4";

function shade(count: number, max: number): string {
  if (count <= 0) return EMPTY;
  const step = Math.ceil((Math.log(count + 1) / Math.log(max + 1)) * SHADES.length) - 1;
  return SHADES[Math.min(SHADES.length - 1, Math.max(0, step))] ?? EMPTY;
}

/**
 * Where the news in the current list is: a server-rendered SVG world map, each country shaded by its number
 * of articles and a link to the list filtered to it. Works without JavaScript; the country facet list is
 * its text equivalent.
 */
export function WorldMap({
  params,
  counts,
  approximate,
}: {
  params: ListParams;
  counts: Record<string, number>;
  approximate: boolean;
}) {
  const max = Math.max(1, ...Object.values(counts));
  return (
    <figure className="relative mb-4" data-testid="world-map">
      {/* About 180 country links: keyboard readers may jump past them (the filters list the same countries). */}
      <a
        href="#after-map"
        className="sr-only rounded bg-stone-900 px-3 py-2 text-white focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-10"
        data-testid="skip-map"
      >
        Skip the map
      </a>
      {/* Plain links (one client listener for all of them), each drawing its country from the cached outlines. */}
      <AppLinks>
        <svg
          viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`}
          // Every outline's default fill and stroke, set once here rather than on each of the ~175 countries,
          // from the theme's palette so that countries without articles turn dark in dark mode.
          className="h-auto w-full fill-stone-100 stroke-stone-400"
          strokeWidth={0.4}
          role="group"
          aria-label="Articles per country"
        >
          {worldShapes().map(({ code }) => {
            const n = counts[code] ?? 0;
            const active = params.countries.includes(code);
            const label = `${countryName(code)}: ${approximate && n > 0 ? "about " : ""}${n.toLocaleString("en")} ${n === 1 ? "article" : "articles"}`;
            return (
              <a
                key={code}
                href={listHref(params, { countries: [code] })}
                aria-current={active ? "true" : undefined}
              >
                <title>{label}</title>
                <use
                  href={`${mapSpriteHref()}#${code}`}
                  fill={n > 0 ? shade(n, max) : undefined}
                  stroke={active ? "#0c4a6e" : undefined}
                  strokeWidth={active ? 1.5 : undefined}
                />
              </a>
            );
          })}
        </svg>
      </AppLinks>
      <figcaption className="sr-only">
        Map of articles per country; each country links to its articles. The Countries list in the filters
        gives the same counts as text.
      </figcaption>
      <span id="after-map" tabIndex={-1} className="outline-none" />
    </figure>
  );
}

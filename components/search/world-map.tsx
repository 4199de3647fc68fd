import type { ListParams } from "@/lib/articles/params";
import { MAP_HEIGHT, MAP_WIDTH, mapSpriteHref, worldShapes } from "@/lib/map/world";
import { countryName } from "@/lib/regions";
import { MapLinks } from "./map-links";

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
      <MapLinks
        params={params}
        countries={worldShapes().map(({ code }) => [code, countryName(code), counts[code] ?? 0] as const)}
        approximate={approximate}
        sprite={mapSpriteHref()}
        width={MAP_WIDTH}
        height={MAP_HEIGHT}
      />
      <figcaption className="sr-only">
        Map of articles per country; each country links to its articles. The Countries list in the filters
        gives the same counts as text.
      </figcaption>
      <span id="after-map" tabIndex={-1} className="outline-none" />
    </figure>
  );
}

// Country outlines for the list page's map: Natural Earth 1:110m (world-atlas, public domain data, ISC
// package), simplified (topojson-simplify), projected once per process with d3-geo (Equal Earth) and written
// as SVG path data with whole units, so the map adds tens of kilobytes to a page. No database, no network.
import { geoEqualEarth, geoPath } from "d3-geo";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "world-atlas/countries-110m.json";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

/** One country's outline; `code` is ISO 3166-1 alpha-2 (XK for Kosovo). */
export interface CountryShape {
  code: string;
  name: string;
  d: string;
}

// Natural Earth features without an ISO numeric code, by their map name.
const BY_NAME: Readonly<Record<string, string>> = { Kosovo: "XK", "N. Cyprus": "CY", Somaliland: "SO" };

function build(): CountryShape[] {
  const full = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  // Topology-preserving simplification (shared borders stay shared): keep the most significant half of the points.
  const pre = presimplify(full);
  const topology = simplify(pre, quantile(pre, 0.5));
  const collection = feature(topology, topology.objects.countries);
  const projection = geoEqualEarth().fitExtent(
    [
      [4, 4],
      [MAP_WIDTH - 4, MAP_HEIGHT - 4],
    ],
    collection,
  );
  const path = geoPath(projection).digits(0);
  const shapes: CountryShape[] = [];
  for (const f of collection.features) {
    const name = f.properties.name;
    const code = BY_NAME[name] ?? (f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id)));
    // Antarctica takes a fifth of the map and almost no news: left out.
    if (!code || code === "AQ") continue;
    const d = path(f);
    if (d) shapes.push({ code, name, d });
  }
  return shapes;
}

let cache: CountryShape[] | null = null;

/** Every mapped country's outline (computed on first use, then reused). */
export function worldShapes(): CountryShape[] {
  cache ??= build();
  return cache;
}

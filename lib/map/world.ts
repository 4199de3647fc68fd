// Country outlines for the list page's map: Natural Earth 1:110m (world-atlas, public domain data, ISC
// package), simplified (topojson-simplify), projected once per process with d3-geo (Equal Earth) and written
// as SVG path data in whole units with relative coordinates. The outlines go out once, as a static SVG file
// (app/map.svg) that pages reference per country with <use>; no database, no network.
import { createHash } from "node:crypto";
import { geoEqualEarth, geoPath, type GeoContext } from "d3-geo";
import countries from "i18n-iso-countries";
import { feature } from "topojson-client";
import { presimplify, quantile, simplify } from "topojson-simplify";
import type { GeometryCollection, Topology } from "topojson-specification";
import atlas from "world-atlas/countries-110m.json";

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

/** One country's outline (every part of it in one path); `code` is ISO 3166-1 alpha-2 (XK for Kosovo). */
export interface CountryShape {
  code: string;
  d: string;
}

// Natural Earth features without an ISO numeric code, by their map name.
const BY_NAME: Readonly<Record<string, string>> = { Kosovo: "XK", "N. Cyprus": "CY", Somaliland: "SO" };

/**
 * A d3-geo path context that writes whole-unit relative path data ("m12 5 3-2z"): half the bytes of d3's
 * absolute "M12,5L15,3Z". Points that round onto the previous one are dropped, and so are rings left with
 * fewer than three points (islands smaller than a unit, invisible at any size the map is shown).
 */
export class RelativePathWriter implements GeoContext {
  private out = "";
  private ring: [number, number][] = [];
  // The pen after the last written ring: relative moves start from there (a "z" returns it to the ring's start).
  private x = 0;
  private y = 0;

  beginPath(): void {
    this.flush();
  }

  moveTo(x: number, y: number): void {
    this.flush();
    this.ring = [[Math.round(x), Math.round(y)]];
  }

  lineTo(x: number, y: number): void {
    const point: [number, number] = [Math.round(x), Math.round(y)];
    const last = this.ring[this.ring.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) this.ring.push(point);
  }

  closePath(): void {
    this.flush();
  }

  arc(): void {
    throw new Error("RelativePathWriter draws polygons only");
  }

  /** The path data written so far (the current ring included). */
  result(): string {
    this.flush();
    return this.out;
  }

  private flush(): void {
    const ring = this.ring;
    this.ring = [];
    const first = ring[0];
    const last = ring[ring.length - 1];
    // A closed ring repeats its first point at the end; "z" draws that side.
    if (first && last && ring.length > 1 && first[0] === last[0] && first[1] === last[1]) ring.pop();
    if (!first || ring.length < 3) return;
    let text = "m";
    let [px, py] = [this.x, this.y];
    for (const [i, [x, y]] of ring.entries()) {
      text += (i === 0 ? "" : " ") + `${x - px} ${y - py}`;
      [px, py] = [x, y];
    }
    // A minus sign separates numbers by itself.
    this.out += `${text.replace(/ -/g, "-")}z`;
    [this.x, this.y] = first;
  }
}

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
  // A country with several features (Cyprus and N. Cyprus) is one shape, one link: one writer per country.
  const writers = new Map<string, RelativePathWriter>();
  for (const f of collection.features) {
    const name = f.properties.name;
    const code = BY_NAME[name] ?? (f.id === undefined ? undefined : countries.numericToAlpha2(String(f.id)));
    // Antarctica takes a fifth of the map and almost no news: left out.
    if (!code || code === "AQ") continue;
    const writer = writers.get(code) ?? new RelativePathWriter();
    writers.set(code, writer);
    geoPath(projection, writer)(f);
  }
  return [...writers]
    .map(([code, writer]) => ({ code, d: writer.result() }))
    .filter((shape) => shape.d !== "");
}

let cache: CountryShape[] | null = null;

/** Every mapped country's outline (computed on first use, then reused). */
export function worldShapes(): CountryShape[] {
  cache ??= build();
  return cache;
}

let svg: string | null = null;

/** The outlines as one SVG document, a path per country with the country code as its id. */
export function worldMapSvg(): string {
  svg ??= `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${MAP_WIDTH} ${MAP_HEIGHT}" fill="#f5f5f4" stroke="#a8a29e" stroke-width="0.4">${worldShapes()
    .map((s) => `<path id="${s.code}" d="${s.d}"/>`)
    .join("")}</svg>`;
  return svg;
}

let sprite: string | null = null;

/**
 * Where the outlines are served (app/map.svg), with a version taken from their content: browsers cache the
 * file, and outlines that change with a new build get a new address instead of an old cached drawing.
 */
export function mapSpriteHref(): string {
  sprite ??= `/map.svg?v=${createHash("sha256").update(worldMapSvg()).digest("hex").slice(0, 12)}`;
  return sprite;
}

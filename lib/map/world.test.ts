import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { MAP_HEIGHT, MAP_WIDTH, mapSpriteHref, RelativePathWriter, worldMapSvg, worldShapes } from "./world";

/** Replays relative path data ("m", implicit relative lines, "z") into absolute rings of points. */
function rings(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  let [x, y] = [0, 0];
  for (const part of d.split("z").filter(Boolean)) {
    const numbers = (part.slice(1).match(/-?\d+/g) ?? []).map(Number);
    const ring: [number, number][] = [];
    for (let i = 0; i < numbers.length; i += 2) {
      x += numbers[i] ?? NaN;
      y += numbers[i + 1] ?? NaN;
      ring.push([x, y]);
    }
    out.push(ring);
    [x, y] = ring[0] ?? [x, y];
  }
  return out;
}

describe("RelativePathWriter", () => {
  it("writes whole-unit relative moves and lines, a move after a z starting from the ring's first point", () => {
    const w = new RelativePathWriter();
    w.moveTo(10.4, 20.6);
    w.lineTo(15, 21);
    w.lineTo(12, 30);
    w.closePath();
    w.moveTo(100, 100);
    w.lineTo(90, 110);
    w.lineTo(110, 110);
    w.closePath();
    expect(w.result()).toBe("m10 21 5 0-3 9zm90 79-10 10 20 0z");
    expect(rings(w.result())).toEqual([
      [
        [10, 21],
        [15, 21],
        [12, 30],
      ],
      [
        [100, 100],
        [90, 110],
        [110, 110],
      ],
    ]);
  });

  it("drops points that round onto the previous one, the closing point, and rings of under three points", () => {
    const w = new RelativePathWriter();
    w.moveTo(0, 0);
    w.lineTo(0.2, 0.3);
    w.lineTo(0.4, 0.1);
    w.closePath();
    w.moveTo(5, 5);
    w.lineTo(9, 5);
    w.lineTo(9.2, 5.4);
    w.lineTo(9, 9);
    w.lineTo(5, 5);
    w.closePath();
    expect(rings(w.result())).toEqual([
      [
        [5, 5],
        [9, 5],
        [9, 9],
      ],
    ]);
  });
});

describe("worldShapes", () => {
  it("has one outline per country code, inside the map's frame, without Antarctica", () => {
    const shapes = worldShapes();
    const codes = shapes.map((s) => s.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(["DE", "FR", "US", "BR", "CY", "SO", "XK"]));
    expect(codes).not.toContain("AQ");
    expect(shapes.length).toBeGreaterThan(160);
    for (const shape of shapes)
      for (const ring of rings(shape.d))
        for (const [x, y] of ring) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(MAP_WIDTH);
          expect(y).toBeGreaterThanOrEqual(0);
          expect(y).toBeLessThanOrEqual(MAP_HEIGHT);
        }
  });

  it("puts Germany east of France and north of Italy", () => {
    const centre = (code: string) => {
      const points = rings(worldShapes().find((s) => s.code === code)?.d ?? "").flat();
      const sum = points.reduce(([a, b], [x, y]) => [a + x, b + y], [0, 0]);
      return [(sum[0] ?? 0) / points.length, (sum[1] ?? 0) / points.length];
    };
    const [deX = 0, deY = 0] = centre("DE");
    const [frX = 0] = centre("FR");
    const [, itY = 0] = centre("IT");
    expect(deX).toBeGreaterThan(frX);
    expect(deY).toBeLessThan(itY);
  });

  it("serves every outline in one SVG document, with the country code as each path's id", () => {
    const svg = worldMapSvg();
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<path id="[A-Z]{2}" d="m[-\d mz]+"\/>/g)).toHaveLength(worldShapes().length);
  });

  it("is asked for under a version of its content, so a cached copy is never an older drawing", () => {
    const version = createHash("sha256").update(worldMapSvg()).digest("hex").slice(0, 12);
    expect(mapSpriteHref()).toBe(`/map.svg?v=${version}`);
  });
});

import { describe, expect, it } from "vitest";
import { mostShared } from "./store";

/** The plain rule: every candidate sorted by terms shared, then by id, both descending; the first `limit`. */
function byFullSort(counts: Map<number, number>, excluded: Set<number>, limit: number): number[] {
  return [...counts.entries()]
    .filter(([id]) => !excluded.has(id))
    .sort((x, y) => y[1] - x[1] || y[0] - x[0])
    .slice(0, limit)
    .map(([id]) => id);
}

describe("mostShared", () => {
  it("chooses the candidates sharing the most terms, the larger id on a tie, leaving out the excluded", () => {
    const counts = new Map([
      [10, 1],
      [11, 3],
      [12, 2],
      [13, 3],
      [14, 2],
      [15, 5],
    ]);
    expect(mostShared(counts, new Set([15]), 3).sort((x, y) => x - y)).toEqual([11, 13, 14]);
    expect(mostShared(counts, new Set(), 10)).toHaveLength(6);
    expect(mostShared(new Map(), new Set(), 5)).toEqual([]);
  });

  it("chooses the same set as sorting every candidate, on 2,000 random arrivals", () => {
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor((seed / 2147483648) * n);
    };
    for (let k = 0; k < 2_000; k++) {
      const counts = new Map<number, number>();
      for (let i = random(400); i > 0; i--) counts.set(random(5_000), 1 + random(12));
      const excluded = new Set(Array.from({ length: random(20) }, () => random(5_000)));
      const limit = 1 + random(150);
      const sorted = (ids: number[]) => [...ids].sort((x, y) => x - y);
      expect(sorted(mostShared(counts, excluded, limit))).toEqual(
        sorted(byFullSort(counts, excluded, limit)),
      );
    }
  });
});

import { describe, expect, it } from "vitest";
import evalSet from "./eval-set.json";
import { score, type EvalItem } from "./eval-score";
import { regionOfCountry } from "./index";

const items: EvalItem[] = evalSet.items;

const MIN_PRECISION = 0.95;
const MIN_RECALL = 0.92;

describe("evaluation set (lib/regions/eval-set.json)", () => {
  it("is large enough and covers every region", () => {
    expect(items.length).toBeGreaterThanOrEqual(100);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    const perRegion = new Map<string, number>();
    for (const item of items) {
      for (const region of new Set(item.expected.map((c) => regionOfCountry(c)))) {
        perRegion.set(region ?? "?", (perRegion.get(region ?? "?") ?? 0) + 1);
      }
    }
    for (const region of [
      "africa",
      "north-america",
      "latin-america-caribbean",
      "asia-pacific",
      "europe",
      "middle-east-north-africa",
    ]) {
      expect(perRegion.get(region) ?? 0, region).toBeGreaterThanOrEqual(5);
    }
    expect(perRegion.has("?")).toBe(false);
    expect(items.filter((i) => i.expected.length === 0).length).toBeGreaterThanOrEqual(3);
  });

  it(`reaches micro precision >= ${MIN_PRECISION} and recall >= ${MIN_RECALL}`, () => {
    const { precision, recall, tp, fp, fn, misses } = score(items, "en");
    console.info(
      `country tagger eval: ${items.length} texts, precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`,
    );
    if (misses.length > 0) console.info(misses.join("\n"));
    expect(precision).toBeGreaterThanOrEqual(MIN_PRECISION);
    expect(recall).toBeGreaterThanOrEqual(MIN_RECALL);
  });
});

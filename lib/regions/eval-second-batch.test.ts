import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { score, type EvalFile } from "./eval-score";

// The second blind batch (lib/regions/eval-2/): trap-heavy texts in de, fr, es and it, written after the
// first round of trap rules by someone who had seen neither the tagger nor the first sets, and scored
// before any rule was written from them. Scores when first run: precision de 0.636, fr 0.871, es 0.771,
// it 0.813 with the tagger before the first round, 0.824, 0.900, 0.871, 0.839 after it; recall 1.000.
// The floors below are what the tagger reaches (the bar is 0.95 / 0.90): raise them as it improves,
// never lower them to hide a regression. docs/regions.md has the figures.
const TARGET = { precision: 0.95, recall: 0.9 };
const REACHED: Readonly<Record<string, number>> = { de: 0.82, fr: 0.9, es: 0.87, it: 0.83 };

const dir = fileURLToPath(new URL("./eval-2/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

describe("second blind batch (lib/regions/eval-2)", () => {
  it("has the four languages whose traps it tests", () => {
    expect(files.sort()).toEqual(["de.json", "es.json", "fr.json", "it.json"]);
  });

  for (const name of files) {
    const file = JSON.parse(readFileSync(`${dir}${name}`, "utf8")) as EvalFile;
    const floor = Math.min(TARGET.precision, REACHED[file.language] ?? TARGET.precision);
    it(`${name}: precision >= ${floor}, recall >= ${TARGET.recall}`, () => {
      expect(file.items.length).toBeGreaterThanOrEqual(20);
      const all = score(file.items, file.language);
      console.info(`eval-2/${name}: P ${all.precision.toFixed(3)} R ${all.recall.toFixed(3)}`);
      expect(all.precision).toBeGreaterThanOrEqual(floor);
      expect(all.recall).toBeGreaterThanOrEqual(TARGET.recall);
    });
  }
});

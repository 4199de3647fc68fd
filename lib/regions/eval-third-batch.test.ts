import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { score, type EvalFile } from "./eval-score";

// The third blind batch (lib/regions/eval-3/): everyday local news in de, fr, es and it full of things named
// after countries (plants, garments, breeds, languages, parliament buildings), written by someone who had seen
// neither the tagger nor the earlier sets, and scored blind twice: precision de 0.644, fr 0.774, es 0.719,
// it 0.800 with tagger v4, and 0.659, 0.774, 0.793, 0.800 with v5 (whose rules came from the second batch);
// recall 1.000. So the v4 and v5 rules hardly generalize: each fixed a class the batch showed, and a fresh
// batch shows new classes. No rule has been written from this batch yet. The floors are what the tagger
// reaches (the bar is 0.95 / 0.90): raise them as it improves, never lower them to hide a regression.
const TARGET = { precision: 0.95, recall: 0.9 };
const REACHED: Readonly<Record<string, number>> = { de: 0.65, fr: 0.77, es: 0.79, it: 0.8 };

const dir = fileURLToPath(new URL("./eval-3/", import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

describe("third blind batch (lib/regions/eval-3)", () => {
  it("has the four languages whose traps it tests", () => {
    expect(files.sort()).toEqual(["de.json", "es.json", "fr.json", "it.json"]);
  });

  for (const name of files) {
    const file = JSON.parse(readFileSync(`${dir}${name}`, "utf8")) as EvalFile;
    const floor = Math.min(TARGET.precision, REACHED[file.language] ?? TARGET.precision);
    it(`${name}: precision >= ${floor}, recall >= ${TARGET.recall}`, () => {
      expect(file.items.length).toBeGreaterThanOrEqual(16);
      const all = score(file.items, file.language);
      console.info(`eval-3/${name}: P ${all.precision.toFixed(3)} R ${all.recall.toFixed(3)}`);
      expect(all.precision).toBeGreaterThanOrEqual(floor);
      expect(all.recall).toBeGreaterThanOrEqual(TARGET.recall);
    });
  }
});

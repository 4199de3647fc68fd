import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { regionsForTags, tagCountries } from "./index";

const SEED = fileURLToPath(
  new URL("../../../shared/fixtures/seed/000_5903914231b3fbaf.txt", import.meta.url),
);
const present = existsSync(SEED);
const mustRun = process.env.CI === "true";

if (!present && !mustRun) console.info(`seed check skipped: ${SEED} not found (it runs when CI=true)`);

/** First non-empty line is the title, the rest is the body. */
function readArticle(path: string): { title: string; body: string } {
  const text = readFileSync(path, "utf8").replace(/\r\n/g, "\n");
  const lines = text.split("\n");
  const first = lines.findIndex((l) => l.trim() !== "");
  return {
    title: (lines[first] ?? "").trim(),
    body: lines
      .slice(first + 1)
      .join("\n")
      .trim(),
  };
}

describe("seed article", () => {
  it.skipIf(!present && !mustRun)(
    "is tagged with Iran, Russia, Palestine and Israel, in MENA and Europe",
    () => {
      const tags = tagCountries(readArticle(SEED));
      const codes = tags.map((t) => t.code);
      for (const code of ["IR", "RU", "PS", "IL"]) {
        expect(codes, code).toContain(code);
        expect(tags.find((t) => t.code === code)?.primary, code).toBe(true);
      }
      // "the United States", "US" twice and "White House": four mentions, primary under the repetition rule.
      expect(tags.find((t) => t.code === "US")).toMatchObject({ primary: true, mentions: 4 });
      expect(codes.sort()).toEqual(["IL", "IR", "PS", "RU", "US"]);
      const regions = regionsForTags(tags);
      expect(regions).toContain("middle-east-north-africa");
      expect(regions).toContain("europe");
      expect(regions).not.toContain("africa");
      expect(regions).not.toContain("asia-pacific");
    },
  );
});

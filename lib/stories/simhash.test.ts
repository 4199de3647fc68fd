import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { hammingDistance, isCopy, simhash } from "./simhash";

const seed = readFileSync(path.join(process.cwd(), "prisma/seed/articles/000_5903914231b3fbaf.txt"), "utf8");
const paragraphs = seed.split(/\n\s*\n/).slice(1);
const body = paragraphs.join("\n\n");

describe("simhash", () => {
  it("gives copies of one text nearby fingerprints, with or without a line of boilerplate", () => {
    const a = simhash(body)!;
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(simhash(body)).toBe(a);
    const withBoilerplate = simhash(`Source: Wire agency. Click to read more.\n\n${body}`);
    expect(isCopy(a, withBoilerplate)).toBe(true);
    const edited = simhash(body.replace("Friday", "Thursday").replace("root cause", "main cause"));
    expect(isCopy(a, edited)).toBe(true);
  });

  it("keeps different texts on one subject far apart", () => {
    const other =
      "Russia and Iran discussed the war in Gaza at a meeting in Tehran on Monday, where officials called for a " +
      "ceasefire and more humanitarian aid, and criticised the United States for its support of Israel during " +
      "the conflict that began on October 7 with an attack by Hamas.";
    expect(isCopy(simhash(body), simhash(other))).toBe(false);
    expect(hammingDistance(simhash(body)!, simhash(other)!)).toBeGreaterThan(12);
  });

  it("has no fingerprint for very short texts, and malformed ones never match", () => {
    expect(simhash("Too short to say.")).toBeNull();
    expect(isCopy(null, null)).toBe(false);
    expect(hammingDistance("zz", "00")).toBe(64);
  });
});

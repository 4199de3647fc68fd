import { describe, expect, it } from "vitest";
import {
  REGIONS,
  allCountryCodes,
  countryName,
  regionOfCountry,
  regionsForTags,
  resolveRegion,
  type CountryTag,
} from "./index";
import { codesWithRegion } from "./taxonomy";

const tag = (code: string, primary = true): CountryTag => ({ code, salience: 0.5, primary, mentions: 1 });

describe("region taxonomy", () => {
  it("has the agreed slugs in display order", () => {
    expect(REGIONS.map((r) => r.slug)).toEqual([
      "africa",
      "americas",
      "north-america",
      "latin-america-caribbean",
      "asia-pacific",
      "europe",
      "middle-east-north-africa",
      "world",
    ]);
  });

  it("gives every country code exactly one leaf region, and no unknown codes", () => {
    const codes = allCountryCodes();
    expect(codes).toContain("XK");
    expect(codes).toContain("PS");
    expect(codes.length).toBeGreaterThanOrEqual(249);
    const leaves = new Set(
      REGIONS.filter((r) => !REGIONS.some((c) => c.parent === r.slug) && r.slug !== "world").map(
        (r) => r.slug,
      ),
    );
    for (const code of codes) {
      const region = regionOfCountry(code);
      expect(region, code).not.toBeNull();
      expect(leaves.has(region ?? "world"), `${code} -> ${region}`).toBe(true);
    }
    // The membership table lists each code once and nothing else.
    const listed = codesWithRegion();
    expect(new Set(listed).size).toBe(listed.length);
    expect([...listed].sort()).toEqual([...codes].sort());
  });

  it("places the deliberate cases as documented", () => {
    expect(regionOfCountry("RU")).toBe("europe");
    expect(regionOfCountry("TR")).toBe("europe");
    expect(regionOfCountry("GE")).toBe("europe");
    expect(regionOfCountry("AZ")).toBe("europe");
    expect(regionOfCountry("CY")).toBe("europe");
    expect(regionOfCountry("KZ")).toBe("asia-pacific");
    expect(regionOfCountry("AF")).toBe("asia-pacific");
    expect(regionOfCountry("PK")).toBe("asia-pacific");
    expect(regionOfCountry("IR")).toBe("middle-east-north-africa");
    expect(regionOfCountry("PS")).toBe("middle-east-north-africa");
    expect(regionOfCountry("EG")).toBe("middle-east-north-africa");
    expect(regionOfCountry("SD")).toBe("africa");
    expect(regionOfCountry("MR")).toBe("africa");
    expect(regionOfCountry("MX")).toBe("latin-america-caribbean");
    expect(regionOfCountry("US")).toBe("north-america");
    expect(regionOfCountry("us")).toBe("north-america");
    expect(regionOfCountry("ZZ")).toBeNull();
  });

  it("resolves slugs, names and aliases case-insensitively", () => {
    expect(resolveRegion("West Asia")).toBe("middle-east-north-africa");
    expect(resolveRegion("middle east")).toBe("middle-east-north-africa");
    expect(resolveRegion("Middle East & North Africa")).toBe("middle-east-north-africa");
    expect(resolveRegion("LATIN AMERICA & CARIBBEAN")).toBe("latin-america-caribbean");
    expect(resolveRegion("north-america")).toBe("north-america");
    expect(resolveRegion("Asia Pacific")).toBe("asia-pacific");
    expect(resolveRegion("asia-pacific")).toBe("asia-pacific");
    expect(resolveRegion("World")).toBe("world");
    expect(resolveRegion("Atlantis")).toBeNull();
    for (const region of REGIONS) {
      for (const label of [region.slug, region.name, ...region.aliases])
        expect(resolveRegion(label), label).toBe(region.slug);
    }
  });

  it("derives regions from primary countries only, adding parents", () => {
    expect(regionsForTags([tag("US")])).toEqual(["americas", "north-america"]);
    expect(regionsForTags([tag("BR"), tag("FR")])).toEqual(["americas", "latin-america-caribbean", "europe"]);
    expect(regionsForTags([tag("IR"), tag("JP", false)])).toEqual(["middle-east-north-africa"]);
    expect(regionsForTags([])).toEqual(["world"]);
    expect(regionsForTags([tag("JP", false)])).toEqual(["world"]);
  });

  it("has short English display names", () => {
    expect(countryName("IR")).toBe("Iran");
    expect(countryName("PS")).toBe("Palestine");
    expect(countryName("US")).toBe("United States");
    expect(countryName("GB")).toBe("United Kingdom");
    expect(countryName("XK")).toBe("Kosovo");
    expect(countryName("cd")).toBe("DR Congo");
    for (const code of allCountryCodes()) {
      const name = countryName(code);
      expect(name, code).not.toBe(code);
      expect(name, code).not.toMatch(/[,(]/);
    }
  });
});

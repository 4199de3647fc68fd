import { describe, expect, it } from "vitest";
import { packageAdjectives } from "./nationalities";
import { tagCountries } from "./tagger";

const codes = (language: string, body: string) =>
  tagCountries({ title: "", body, language })
    .map((t) => t.code)
    .sort();

describe("nationality adjectives from i18n-nationality", () => {
  it("keeps one-word adjectives and leaves out country names and English words the package mixes in", () => {
    const italian = new Map(packageAdjectives("it"));
    expect(italian.get("BO")).toBe("boliviano");
    // "Andorra" and "Bangladesh" are the countries' names, "Belizean" English: not Italian adjectives.
    expect(italian.has("AD")).toBe(false);
    expect(italian.has("BD")).toBe(false);
    expect(italian.has("BZ")).toBe(false);
    expect(packageAdjectives("pt")).toEqual([]);
  });

  it("places a country whose adjective the language file lacks, inflected", () => {
    expect(codes("es", "Fueron detenidos en Madrid dos ciudadanos albaneses.")).toEqual(["AL", "ES"]);
    expect(codes("it", "Il governo boliviano ha chiesto un incontro a Roma.")).toEqual(["BO", "IT"]);
  });
});

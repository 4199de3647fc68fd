import { describe, expect, it } from "vitest";
import { allCountryCodes, countryName } from "./countries";
import { AREAS, CITIES, DEMONYMS, METONYMS, NAMES, SUBNATIONAL } from "./gazetteer-data";
import { gazetteerConflicts, gazetteerSize, lookupPhrase } from "./gazetteer";
import { ABBREV, CAP, POSSESSIVE, SENT_START, emptyTokens, tokenizeInto } from "./tokenize";

describe("gazetteer data", () => {
  it("only uses known country codes", () => {
    const known = new Set(allCountryCodes());
    for (const table of [NAMES, DEMONYMS, CITIES, AREAS, METONYMS, SUBNATIONAL]) {
      for (const code of Object.keys(table)) expect(known.has(code), code).toBe(true);
    }
  });

  it("has no phrase given to two countries by accident", () => {
    expect(gazetteerConflicts()).toEqual([]);
  });

  it("indexes every country's names and the hand-written lists", () => {
    expect(gazetteerSize()).toBeGreaterThan(2000);
    expect(lookupPhrase("Iran")?.code).toBe("IR");
    expect(lookupPhrase("Islamic Republic of Iran")?.code).toBe("IR");
    expect(lookupPhrase("Guinea Bissau")?.code).toBe("GW");
    expect(lookupPhrase("St Louis")?.code).toBe("US");
    expect(lookupPhrase("Indian Ocean")?.kind).toBe("block");
    expect(lookupPhrase("US")?.acronym).toBe(true);
    // Every country can be found by its display name.
    for (const code of allCountryCodes()) {
      expect(lookupPhrase(countryName(code))?.code, `${code} ${countryName(code)}`).toBe(code);
    }
  });
});

describe("tokenizer", () => {
  it("marks capitals, sentence starts, possessives and dotted abbreviations", () => {
    const t = emptyTokens();
    tokenizeInto(t, "The U.S. envoy met Israel's leader. Then he left.", 0);
    const norms = t.norm.slice(0, t.count);
    expect(norms).toEqual(["the", "us", "envoy", "met", "israel", "leader", ".", "then", "he", "left", "."]);
    const f = (i: number): number => t.flags[i] ?? 0;
    expect(f(1) & ABBREV).toBeTruthy();
    expect(f(4) & POSSESSIVE).toBeTruthy();
    expect(f(4) & CAP).toBeTruthy();
    expect(f(7) & SENT_START).toBeTruthy();
    expect(f(3) & SENT_START).toBeFalsy();
  });

  it("splits paragraphs on blank lines and folds accents", () => {
    const t = emptyTokens();
    tokenizeInto(t, "Élysée Palace\n\nŁódź, Türkiye", 0);
    expect(t.norm.slice(0, t.count)).toEqual(["elysee", "palace", "\n", "lodz", ",", "turkiye"]);
    expect(t.para.slice(0, t.count)).toEqual([0, 0, 0, 1, 1, 1]);
  });
});

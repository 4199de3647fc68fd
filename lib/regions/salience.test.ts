import { describe, expect, it } from "vitest";
import { PRIMARY_MIN_MENTIONS, salienceOf } from "./tagger";
import { regionsForTags, tagCountries } from "./index";

const filler =
  "Officials met for hours to discuss the budget, the schedule and the staffing plan for next year.";

function article(lead: string, later: string[]): string {
  return [lead, filler, filler, ...later].join("\n\n");
}

describe("salience and primary countries", () => {
  it("tells title/lead countries apart from passing mentions", () => {
    const tags = tagCountries({
      title: "Kenya raises fuel taxes",
      body: article(
        `Kenya's parliament approved higher fuel taxes on Tuesday, a move that ${filler.toLowerCase()}`,
        ["Analysts compared the measure with a similar one in Brazil."],
      ),
    });
    const ke = tags.find((t) => t.code === "KE");
    const br = tags.find((t) => t.code === "BR");
    expect(ke?.primary).toBe(true);
    expect(br?.primary).toBe(false);
    expect(ke && br && ke.salience > br.salience).toBe(true);
    expect(tags[0]?.code).toBe("KE");
    expect(regionsForTags(tags)).toEqual(["africa"]);
  });

  it(`makes a country primary once it is mentioned ${PRIMARY_MIN_MENTIONS} times`, () => {
    const later = ["Japan responded.", "Japan said more.", "Japan added a detail."];
    const tags = tagCountries({
      title: "Markets slip",
      body: article(`Stocks fell. ${filler}`, later.slice(0, 2)),
    });
    expect(tags.find((t) => t.code === "JP")?.primary).toBe(true); // only country: fallback
    const withOther = tagCountries({
      title: "Brazil markets slip",
      body: article(`Stocks fell. ${filler}`, later.slice(0, 2)),
    });
    expect(withOther.find((t) => t.code === "JP")?.primary).toBe(false);
    const three = tagCountries({
      title: "Brazil markets slip",
      body: article(`Stocks fell. ${filler}`, later),
    });
    expect(three.find((t) => t.code === "JP")?.primary).toBe(true);
    expect(three.find((t) => t.code === "JP")?.mentions).toBe(3);
  });

  it("keeps salience in 0..1, rising with position and repetition", () => {
    const once = salienceOf({ mentions: 1, title: false, dateline: false, lead: false, phrases: new Map() });
    const lead = salienceOf({ mentions: 1, title: false, dateline: false, lead: true, phrases: new Map() });
    const title = salienceOf({ mentions: 2, title: true, dateline: false, lead: true, phrases: new Map() });
    const many = salienceOf({ mentions: 40, title: true, dateline: true, lead: true, phrases: new Map() });
    expect(once).toBeGreaterThan(0);
    expect(lead).toBeGreaterThan(once);
    expect(title).toBeGreaterThan(lead);
    expect(many).toBeLessThan(1);
  });

  it("sorts by salience and returns no tags (World) for an article with no country", () => {
    const tags = tagCountries({
      title: "Global temperatures hit record",
      body: "Scientists said the trend would continue.",
    });
    expect(tags).toEqual([]);
    expect(regionsForTags(tags)).toEqual(["world"]);
    const sorted = tagCountries({ title: "France and Spain", body: "France, France, Spain. Italy." });
    const saliences = sorted.map((t) => t.salience);
    expect(saliences).toEqual([...saliences].sort((a, b) => b - a));
    expect(sorted[0]?.code).toBe("FR");
  });

  it("counts 'City, Region' as one mention", () => {
    const tags = tagCountries({ title: "", body: "Paris, France. Kyiv, Ukraine." });
    expect(tags.map((t) => [t.code, t.mentions])).toEqual([
      ["FR", 1],
      ["UA", 1],
    ]);
  });
});

import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectLanguage } from "./detect";

interface EvalSet {
  language: string;
  items: { title: string; body: string }[];
}

// The region tagger's evaluation texts: wire copy in seven languages, written apart from this code.
const dir = new URL("../regions/", import.meta.url);
const sets: EvalSet[] = [
  ...readdirSync(new URL("eval/", dir))
    .filter((f) => f.endsWith(".json"))
    .map((f) => JSON.parse(readFileSync(new URL(`eval/${f}`, dir), "utf8")) as EvalSet),
  {
    language: "en",
    ...(JSON.parse(readFileSync(new URL("eval-set.json", dir), "utf8")) as { items: EvalSet["items"] }),
  },
];

describe("detectLanguage", () => {
  it("believes a hint its function words confirm, and only then: the answer is the detector's own", () => {
    let compared = 0;
    const disagreements: string[] = [];
    for (const set of sets) {
      for (const item of set.items) {
        for (const hint of [set.language, "en", "de", "es", "it", null]) {
          const fast = detectLanguage({ ...item, hint });
          const detector = detectLanguage({ ...item, hint }, { confirmByFunctionWords: false });
          compared++;
          if (fast !== detector) disagreements.push(`${set.language} hinted ${hint}: ${fast} vs ${detector}`);
        }
      }
    }
    expect(sets.length).toBeGreaterThanOrEqual(8);
    expect(compared).toBeGreaterThan(2_000);
    expect(disagreements).toEqual([]);
  });

  it("does not let words two languages share confirm either (Italian 'del' is Spanish too)", () => {
    const item = {
      title: "Dazi, tregua tra Trump e Xi in Corea del Sud",
      body: "Il presidente degli Stati Uniti e il leader cinese hanno concordato una tregua di un anno sui dazi.",
    };
    expect(detectLanguage({ ...item, hint: "es" })).toBe("it");
    expect(detectLanguage({ ...item, hint: "it" })).toBe("it");
  });

  it("overrules a feed that labels a German item English, and keeps a plain English one", () => {
    const german = {
      title: "Regierung legt Haushalt vor",
      body: "Die Bundesregierung hat am Mittwoch den Entwurf für den Haushalt des kommenden Jahres vorgelegt, der auch höhere Ausgaben vorsieht.",
    };
    expect(detectLanguage({ ...german, hint: "en" })).toBe("de");
    const english = {
      title: "Government presents its budget",
      body: "The government said on Wednesday that the budget for the coming year would include higher spending on defence and health.",
    };
    expect(detectLanguage({ ...english, hint: "en" })).toBe("en");
    expect(detectLanguage({ ...english, hint: null })).toBe("en");
  });
});

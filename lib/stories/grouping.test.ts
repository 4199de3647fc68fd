import { describe, expect, it } from "vitest";
import { stem, storyFeatures, termHash } from "./features";
import {
  assign,
  cosine,
  IdfCache,
  vectorOf,
  WINDOW_MS,
  type DocumentFrequencies,
  type GroupingArticle,
} from "./grouping";
import { simhash } from "./simhash";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 2, 12, 8);
let nextId = 1;

function article(
  sourceId: number,
  at: number,
  title: string,
  lead: string,
  countries: string[] = [],
  storyId: number | null = null,
  places: string[] = [],
): GroupingArticle {
  return {
    id: nextId++,
    sourceId,
    publishedAt: at,
    simhash: simhash(lead),
    features: storyFeatures({ title, summary: null, bodyText: lead, countries, places }),
    storyId,
    duplicateOfId: null,
  };
}

/** Document frequencies of a small background corpus plus the articles themselves. */
function frequencies(articles: GroupingArticle[]): DocumentFrequencies {
  const df = new Map<number, number>();
  for (const a of articles)
    for (const t of new Set([...a.features.t, ...a.features.l])) df.set(t, (df.get(t) ?? 0) + 1);
  return { total: articles.length + 200, df: (t) => df.get(t) ?? 0 };
}

const quake = (source: number, at: number, place: string, storyId: number | null = null) =>
  article(
    source,
    at,
    `Magnitude 5.9 earthquake strikes ${place}, buildings collapse`,
    `An earthquake of magnitude 5.9 struck ${place} province on Wednesday, collapsing buildings and killing three people, the disaster agency AFAD said. Rescue teams searched the rubble through the night.`,
    ["TR"],
    storyId,
  );

describe("features", () => {
  it("stems plurals and tenses so that one word meets itself", () => {
    expect(stem("talks")).toBe(stem("talk"));
    expect(stem("cities")).toBe("city");
    expect(stem("killed")).toBe("kill");
    expect(termHash("x")).toBeGreaterThan(0);
  });
});

describe("assign", () => {
  it("puts reports of one event from different sources into one story, first come first", () => {
    const first = quake(1, T0, "Malatya");
    const second = quake(2, T0 + 3 * HOUR, "Malatya");
    assign([second, first], [], frequencies([first, second]));
    expect(first.storyId).toBe(second.storyId);
    // The story takes the id of the article that started it.
    expect(first.storyId).toBe(first.id);
  });

  it("keeps the same kind of event three weeks apart in two stories (the time window)", () => {
    const old = quake(1, T0, "Malatya", 10);
    const later = quake(2, T0 + 21 * 24 * HOUR, "Malatya");
    expect(21 * 24 * HOUR).toBeGreaterThan(WINDOW_MS);
    assign([later], [old], frequencies([old, later]));
    expect(later.storyId).not.toBe(10);
  });

  it("joins an existing story, and merges two stories an article shows to be one (the older id stays)", () => {
    const a = quake(1, T0, "Malatya", 7);
    const b = quake(2, T0 + HOUR, "Malatya", 9);
    const c = quake(3, T0 + 2 * HOUR, "Malatya");
    const result = assign([c], [a, b], frequencies([a, b, c]));
    expect(c.storyId).toBe(7);
    expect(result.merges).toEqual([[9, 7]]);
  });

  it("marks a near-identical text from another source, under another headline, as a copy", () => {
    const original = quake(1, T0, "Malatya", 4);
    const lead = `An earthquake of magnitude 5.9 struck Malatya province on Wednesday, collapsing buildings and killing three people, the disaster agency AFAD said. Rescue teams searched the rubble through the night.`;
    const copy = article(2, T0 + HOUR, "Deadly tremor hits eastern Turkey", lead, ["TR"]);
    assign([copy], [original], frequencies([original, copy]));
    expect(copy.duplicateOfId).toBe(original.id);
    expect(copy.storyId).toBe(4);
  });

  it("does not join two events that share only their place, and still joins one event's reports there", () => {
    const report = (source: number, at: number, title: string, lead: string, places: string[]) =>
      article(source, at, title, lead, ["TR"], null, places);
    const make = (places: string[]) => [
      report(
        1,
        T0,
        "Fire destroys textile warehouse in Malatya",
        "A fire destroyed a textile warehouse in Malatya overnight, the fire brigade said.",
        places,
      ),
      report(
        2,
        T0 + 20 * HOUR,
        "Malatya approves new tram line",
        "Malatya's city council approved a second tram line on Wednesday.",
        places,
      ),
      report(
        3,
        T0 + 3 * HOUR,
        "Blaze guts Malatya textile warehouse",
        "Firefighters in Malatya spent the night fighting a blaze that gutted a textile warehouse.",
        places,
      ),
    ];
    const [fire, tram, fire2] = make(["Malatya", "Malatya's"]);
    assign([fire!, tram!, fire2!], [], frequencies([fire!, tram!, fire2!]));
    expect(fire2!.storyId).toBe(fire!.storyId);
    expect(tram!.storyId).not.toBe(fire!.storyId);
    // Counted like any other word, the shared place alone would have made them one story.
    const [a, b, c] = make([]);
    assign([a!, b!, c!], [], frequencies([a!, b!, c!]));
    expect(b!.storyId).toBe(a!.storyId);
  });

  it("never groups articles of one source by themselves, nor unrelated events", () => {
    const a = quake(1, T0, "Malatya");
    const b = quake(1, T0 + HOUR, "Malatya");
    const c = article(
      2,
      T0,
      "Council approves stadium plans",
      "The city council approved plans for a new north stand at the football ground on Tuesday.",
      ["GB"],
    );
    assign([a, b, c], [], frequencies([a, b, c]));
    expect(new Set([a.storyId, b.storyId, c.storyId]).size).toBe(3);
  });
});

describe("vectors", () => {
  it("score the same after the term numbering starts again (past its bound of about a million terms)", () => {
    const a = quake(1, T0, "Malatya");
    const b = quake(2, T0 + HOUR, "Malatya");
    const freq = frequencies([a, b]);
    const idfs = new IdfCache(freq);
    const before = cosine(vectorOf(a.features, idfs), vectorOf(b.features, idfs));
    expect(before).toBeGreaterThan(0.5);
    // Three articles of 400,000 distinct terms each overflow the numbering once (2^20 = 1,048,576).
    for (let k = 0; k < 3; k++) {
      const terms = Array.from({ length: 400_000 }, (_, i) => -1 - (k * 400_000 + i));
      vectorOf({ t: terms, l: [], n: [], c: [], p: [] }, idfs);
    }
    // The same cache and a new one: both renumber the old shapes and weigh them as before, to the bit.
    expect(cosine(vectorOf(a.features, idfs), vectorOf(b.features, idfs))).toBe(before);
    const fresh = new IdfCache(freq);
    expect(cosine(vectorOf(a.features, fresh), vectorOf(b.features, fresh))).toBe(before);
  });
});

import { expect, it } from "vitest";
import { ensureSource, storeItems } from "@/lib/ingest/store";
import type { ArticleInput } from "@/lib/ingest/types";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";

const EVENTS = [
  ["Volcano erupts near Reykjavik", "lava flows toward the fishing town of Grindavik as residents leave"],
  [
    "Central bank of Chile raises rates",
    "the Santiago board lifted its benchmark to curb inflation in copper prices",
  ],
  [
    "Typhoon Haikui makes landfall in Taiwan",
    "Kaohsiung closed schools and offices as winds reached record speeds",
  ],
  [
    "Lithium mine strike halts output in Jujuy",
    "miners in the Argentine province walked out over wages and water rights",
  ],
  ["Ferry sinks off Sulawesi coast", "rescuers pulled survivors from the water near Buton island overnight"],
];

function item(source: string, [title, lead]: readonly string[], i: number): ArticleInput {
  const body = `${lead}. ${title} was confirmed by officials on Tuesday. Witnesses described the scene as the worst in years, and the government promised help within days. More details are expected.`;
  return {
    guid: `${source}-${i}`,
    url: `https://${source}.example/${i}`,
    title: `${title} (${source})`,
    summary: lead ?? null,
    bodyHtml: `<p>${body}</p>`,
    bodyText: body,
    author: null,
    publishedAt: new Date(Date.UTC(2026, 10, 20, 8, i)),
    dateEstimated: false,
    language: "en",
  };
}

await describeEachProvider("grouping under concurrent imports", ({ provider }) => {
  const database = useTestDatabase(provider);

  it("puts the same event from two feeds imported at the same moment into one story", async () => {
    const db = database.db;
    const sources = await Promise.all(
      ["north", "south"].map((name) => ensureSource(db, { name, feedUrl: `https://${name}.example/feed` })),
    );
    // Each event arrives from both feeds at once, in separate transactions racing each other.
    for (const [i, event] of EVENTS.entries()) {
      await Promise.all(sources.map((s) => storeItems(db, s.id, [item(s.name, event, i)], new Date())));
    }
    const rows = await db.article.findMany({ select: { guid: true, storyId: true, id: true } });
    expect(rows).toHaveLength(2 * EVENTS.length);
    const storyOf = new Map(rows.map((r) => [r.guid, r.storyId ?? r.id]));
    for (const i of EVENTS.keys()) expect(storyOf.get(`north-${i}`)).toBe(storyOf.get(`south-${i}`));
    expect(new Set(storyOf.values()).size).toBe(EVENTS.length);
  });
});

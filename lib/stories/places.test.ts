import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importFile } from "@/lib/ingest/import-files";
import { importSampleContent } from "@/lib/ingest/sample";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { stem, storyFeatures, termHash } from "./features";

const dir = mkdtempSync(path.join(tmpdir(), "dispatch-places-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DESALINATION = "Jordan breaks ground on Aqaba desalination plant to ease chronic water shortage";
const CORALS = "Red Sea corals at Aqaba survive a heatwave that bleached reefs elsewhere";

/** Another outlet's reports of the two sample events, in its own words, a few hours after each. */
function otherOutletFeed(): string {
  const item = (guid: string, date: string, title: string, text: string) =>
    `<item><guid isPermaLink="false">${guid}</guid><title>${title}</title><link>https://gulf-post.example/${guid}</link>
<pubDate>${date}</pubDate><description><![CDATA[<p>${text}</p>]]></description></item>`;
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Gulf Post</title><link>https://gulf-post.example/</link>
${item(
  "desal-2",
  "Thu, 19 Oct 2023 15:00:00 GMT",
  "Work starts on Jordan's Red Sea water project",
  "Jordan's water ministry said on Thursday that construction had started at Aqaba on the Aqaba-Amman desalination and conveyance project. The plant is to produce 300 million cubic metres of drinking water a year, pumped 450 kilometres to Amman, where many homes receive piped water once a week.",
)}
${item(
  "corals-2",
  "Sat, 21 Oct 2023 16:00:00 GMT",
  "Heat-tolerant reefs off Aqaba and Eilat escape mass bleaching",
  "Fewer than 5 percent of coral colonies in the northern Gulf of Aqaba lost their colour during the August marine heatwave, Jordanian and Israeli researchers said, while reefs in the southern Red Sea bleached widely. Scientists think the corals' ancestors were selected for heat tolerance.",
)}
</channel></rss>`;
}

describe("place terms", () => {
  it("marks the words of place names and named seas and gulfs, not the event's words", () => {
    const f = storyFeatures({
      title: CORALS,
      summary: "Fewer than 5 percent of colonies in the northern Gulf of Aqaba bleached during the heatwave.",
      bodyText: "",
      countries: ["JO"],
      places: ["Aqaba"],
    });
    const term = (word: string) => termHash(stem(word));
    for (const place of ["aqaba", "red", "sea", "gulf"]) expect(f.p).toContain(term(place));
    for (const word of ["corals", "heatwave", "bleached", "colonies"]) expect(f.p).not.toContain(term(word));
  });

  it("does not read the capitals of a title-case headline as named seas", () => {
    const f = storyFeatures({
      title: "Fishermen Protest New Sea Rules",
      summary: null,
      bodyText: "Fishermen protested on Monday against new rules.",
      countries: [],
      places: [],
    });
    expect(f.p).toEqual([]);
  });
});

await describeEachProvider("a shared place alone does not make one story", ({ provider }) => {
  const database = useTestDatabase(provider);

  it("keeps the sample's two Aqaba articles apart, and groups each with another outlet's report", async () => {
    const db = database.db;
    await importSampleContent(db);
    const storyOf = async (title: string) =>
      db.article.findFirstOrThrow({ where: { title }, select: { id: true, storyId: true } });
    const desalination = await storyOf(DESALINATION);
    const corals = await storyOf(CORALS);
    // Two days apart, both in Aqaba: they share the place and "Red Sea", nothing about what happened.
    expect(desalination.storyId ?? desalination.id).not.toBe(corals.storyId ?? corals.id);

    const file = path.join(dir, `gulf-post-${provider}.xml`);
    writeFileSync(file, otherOutletFeed());
    expect((await importFile(db, file)).status).toBe("imported");
    const desalinationStory = (await storyOf(DESALINATION)).storyId;
    const coralsStory = (await storyOf(CORALS)).storyId;
    expect(desalinationStory).not.toBeNull();
    expect(coralsStory).not.toBeNull();
    expect(desalinationStory).not.toBe(coralsStory);
    expect((await storyOf("Work starts on Jordan's Red Sea water project")).storyId).toBe(desalinationStory);
    expect((await storyOf("Heat-tolerant reefs off Aqaba and Eilat escape mass bleaching")).storyId).toBe(
      coralsStory,
    );
  }, 60_000);
});

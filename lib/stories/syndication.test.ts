import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { DEFAULT_LIST_PARAMS } from "@/lib/articles/params";
import { importFile } from "@/lib/ingest/import-files";
import { importSampleContent } from "@/lib/ingest/sample";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { searchStories } from "./index";
import { storyOfArticle } from "./queries";

const dir = mkdtempSync(path.join(tmpdir(), "dispatch-syndication-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The wire original of the seed article: the same paragraphs, its own headline, no aggregator boilerplate. */
function wireFeed(): string {
  const seed = readFileSync(
    path.join(process.cwd(), "prisma/seed/articles/000_5903914231b3fbaf.txt"),
    "utf8",
  );
  const paragraphs = seed
    .split(/\n\s*\n/)
    .slice(1)
    .map((p) => p.trim())
    .filter((p) => p && !/collected from|source link|click to enter/i.test(p));
  const body = paragraphs.map((p) => `<p>${escapeXml(p)}</p>`).join("");
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire Agency</title><link>https://wire.example/</link>
<item><guid isPermaLink="false">wire-1</guid><title>Tehran and Moscow call for every means to halt Gaza attacks</title>
<link>https://wire.example/2023/10/27/tehran-moscow-gaza</link><pubDate>Fri, 27 Oct 2023 09:30:00 GMT</pubDate>
<description><![CDATA[${body}]]></description></item></channel></rss>`;
}

await describeEachProvider("syndicated copies", ({ provider }) => {
  const database = useTestDatabase(provider);

  it("shows the seed article and its wire original as one card, also published by the other source", async () => {
    const db = database.db;
    await importSampleContent(db);
    const file = path.join(dir, `wire-${provider}.xml`);
    writeFileSync(file, wireFeed());
    const report = await importFile(db, file);
    expect(report.status).toBe("imported");

    const seed = await db.article.findFirstOrThrow({ where: { source: { name: "Hamso News" } } });
    const wire = await db.article.findFirstOrThrow({ where: { guid: "wire-1" } });
    expect(wire.storyId).toBe(seed.storyId);
    // One of the two is marked a copy of the other (the one that arrived second).
    expect(wire.duplicateOfId === seed.id || seed.duplicateOfId === wire.id).toBe(true);

    for (const all of [false, true]) {
      const result = await searchStories(
        { ...DEFAULT_LIST_PARAMS, q: "Venediktov", sort: "relevance", all },
        { db, provider },
      );
      // Grouped, the search gives the story once; every article on its own, both, and the page shows one card.
      if (all) expect(result.items.map((c) => c.id).sort()).toEqual([seed.id, wire.id].sort());
      else expect(result.items.map((c) => c.id)).toEqual([expect.toBeOneOf([seed.id, wire.id])]);
      expect(result.total).toBe(all ? 2 : 1);
      expect(result.entries).toHaveLength(1);
      const card = result.entries[0]!.card;
      const other = card.id === seed.id ? "Wire Agency" : "Hamso News";
      expect(card.alsoPublishedBy).toEqual([other]);
    }

    const story = await storyOfArticle(seed.id, db);
    expect(story?.articles.map((a) => a.id)).toEqual([seed.id, wire.id]);
    expect(story?.story.sources).toBe(2);
  }, 60_000);
});

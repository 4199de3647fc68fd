import { expect, test } from "vitest";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { TAGGER_VERSION } from "@/lib/regions";
import { retagArticles } from "./retag";
import { storeItems, ensureSource } from "./store";

await describeEachProvider("retagArticles", ({ provider }) => {
  const t = useTestDatabase(provider);

  test("replaces stale tags with the current tagger's, only for articles from older tagger versions unless --all", async () => {
    const source = await ensureSource(t.db, { name: "Retag Wire" });
    const fetchedAt = new Date("2026-01-01T00:00:00Z");
    await storeItems(
      t.db,
      source.id,
      [
        {
          guid: "r1",
          url: null,
          title: "Kenyan runners dominate Nairobi marathon",
          summary: null,
          bodyHtml: "<p>NAIROBI — Kenya's athletes swept the podium.</p>",
          bodyText: "NAIROBI — Kenya's athletes swept the podium.",
          author: null,
          publishedAt: fetchedAt,
          dateEstimated: false,
          language: "en",
        },
      ],
      fetchedAt,
    );
    const article = await t.db.article.findFirstOrThrow({ where: { sourceId: source.id } });
    // Simulate tags written by an older gazetteer that got it wrong.
    await t.db.articleCountry.deleteMany({ where: { articleId: article.id } });
    await t.db.articleRegion.deleteMany({ where: { articleId: article.id } });
    await t.db.articleCountry.create({
      data: { articleId: article.id, code: "FR", salience: 1, primary: true },
    });
    await t.db.articleRegion.create({ data: { articleId: article.id, region: "europe" } });

    expect(await retagArticles(t.db)).toBe(0); // same tagger version: nothing to do
    await t.db.article.update({ where: { id: article.id }, data: { taggerVersion: TAGGER_VERSION - 1 } });
    let started = -1;
    expect(await retagArticles(t.db, { onStart: (n) => (started = n) })).toBe(1);
    expect(started).toBe(1);

    const countries = await t.db.articleCountry.findMany({ where: { articleId: article.id } });
    expect(countries.map((c) => c.code)).toEqual(["KE"]);
    const regions = await t.db.articleRegion.findMany({ where: { articleId: article.id } });
    expect(regions.map((r) => r.region)).toEqual(["africa"]);
    expect((await t.db.article.findUniqueOrThrow({ where: { id: article.id } })).taggerVersion).toBe(
      TAGGER_VERSION,
    );
    expect(await retagArticles(t.db, { all: true })).toBe(1);
  });
});

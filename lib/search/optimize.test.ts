import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, expect, it } from "vitest";
import { runIngest } from "@/lib/ingest/run";
import { runScheduler } from "@/lib/ingest/scheduler";
import type { Db } from "@/lib/db";
import { seededRandom, syntheticArticle } from "@/lib/regions/synthetic-news";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { searchArticles } from "./index";
import { parseListParams } from "@/lib/articles/params";
import { optimizeSearchIndex, pauseSearchIndexMerges } from "./optimize";

const dir = mkdtempSync(path.join(tmpdir(), "dispatch-optimize-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** An FTS5 index's merge settings, as its config table holds them. */
async function mergeSettings(db: Db, index: string): Promise<Record<string, number>> {
  const rows = await db.$queryRawUnsafe<{ k: string; v: number | bigint }[]>(
    `SELECT "k", "v" FROM "${index}_config" WHERE "k" IN ('automerge', 'crisismerge')`,
  );
  return Object.fromEntries(rows.map((r) => [r.k, Number(r.v)]));
}

/** Feeds of synthetic articles, one transaction each when imported. */
function writeFeeds(feeds: number, perFeed: number, name = "f"): string[] {
  const rand = seededRandom(7);
  return Array.from({ length: feeds }, (_, f) => {
    const items = Array.from({ length: perFeed }, (_, i) => {
      const a = syntheticArticle(rand, 60);
      return `<item><guid>${name}${f}-${i}</guid><title>${escapeXml(a.title)}</title><pubDate>${new Date(Date.UTC(2024, 0, 1 + i)).toUTCString()}</pubDate><description>${escapeXml(a.body)}</description></item>`;
    });
    const file = path.join(dir, `${name}-feed-${f}.xml`);
    writeFileSync(
      file,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ${name}${f}</title><link>https://${name}${f}.example/</link>${items.join("")}</channel></rss>`,
    );
    return file;
  });
}

await describeEachProvider("optimizing the word index after a bulk load", ({ provider }) => {
  const t = useTestDatabase(provider);

  it("leaves one segment per SQLite word index and finds the same articles; PostgreSQL has nothing to do", async () => {
    await runIngest(t.db, writeFeeds(6, 15));
    const { params } = parseListParams({ q: "minister" });
    const before = await searchArticles(params, { db: t.db, provider });
    expect(before.total).toBeGreaterThan(0);
    const segments = async () =>
      Number(
        (
          await t.db.$queryRawUnsafe<{ n: number | bigint }[]>(
            `SELECT count(DISTINCT "segid") AS n FROM "ArticleSearch_idx"`,
          )
        )[0]!.n,
      );
    if (provider === "sqlite") expect(await segments()).toBeGreaterThan(1); // one per import at least
    expect(await optimizeSearchIndex(t.db, provider)).toBe(provider === "sqlite");
    if (provider === "sqlite") expect(await segments()).toBe(1);
    const after = await searchArticles(params, { db: t.db, provider });
    expect(after.items.map((i) => i.id)).toEqual(before.items.map((i) => i.id));
    expect(after.total).toBe(before.total);
  });

  if (provider === "sqlite")
    it("pauses the background merges for a bulk load (one segment per transaction) and restores FTS5's defaults", async () => {
      const segments = async () =>
        Number(
          (
            await t.db.$queryRawUnsafe<{ n: number | bigint }[]>(
              `SELECT count(DISTINCT "segid") AS n FROM "ArticleSearch_idx"`,
            )
          )[0]!.n,
        );
      await optimizeSearchIndex(t.db, provider);
      const resume = await pauseSearchIndexMerges(t.db, provider);
      for (const index of ["ArticleSearch", "ArticleSearchTrigram"])
        expect(await mergeSettings(t.db, index)).toEqual({ automerge: 0, crisismerge: 64 });
      // The optimized segment and one per transaction (FTS5's defaults would have merged four of them).
      await runIngest(t.db, writeFeeds(6, 5, "bulk"));
      expect(await segments()).toBe(7);
      await resume();
      for (const index of ["ArticleSearch", "ArticleSearchTrigram"])
        expect(await mergeSettings(t.db, index)).toEqual({ automerge: 4, crisismerge: 16 });
      expect(await optimizeSearchIndex(t.db, provider)).toBe(true);
      expect(await segments()).toBe(1);
    });

  if (provider === "sqlite")
    it("restores the merges when the poller starts, after a load that was killed before it resumed them", async () => {
      await pauseSearchIndexMerges(t.db, provider);
      // The load dies here: nothing resumes. The next server start runs the scheduler.
      const stop = new AbortController();
      stop.abort();
      await runScheduler(t.db, { signal: stop.signal, logger: pino({ level: "silent" }) });
      for (const index of ["ArticleSearch", "ArticleSearchTrigram"])
        expect(await mergeSettings(t.db, index)).toEqual({ automerge: 4, crisismerge: 16 });
    });

  if (provider === "postgresql")
    it("has no merges to pause on PostgreSQL", async () => {
      const resume = await pauseSearchIndexMerges(t.db, provider);
      await expect(resume()).resolves.toBeUndefined();
    });

  if (provider === "sqlite")
    it("keeps a 16 MB buffer for the terms a transaction writes", async () => {
      const rows = await t.db.$queryRawUnsafe<{ v: number | bigint }[]>(
        `SELECT "v" FROM "ArticleSearch_config" WHERE "k" = 'hashsize'`,
      );
      expect(rows.map((r) => Number(r.v))).toEqual([16 * 1024 * 1024]);
    });
});

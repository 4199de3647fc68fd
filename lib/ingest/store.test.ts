import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlitePath } from "@/lib/db";
import { seededRandom, syntheticArticle } from "@/lib/regions/synthetic-news";
import {
  createTestDatabase,
  describeEachProvider,
  useTestDatabase,
  type TestDatabase,
} from "@/lib/testing/databases";
import { importFile } from "./import-files";
import { runIngest } from "./run";

const root = process.cwd();
const dir = mkdtempSync(path.join(tmpdir(), "dispatch-store-test-"));

interface Item {
  guid?: string;
  link?: string;
  title: string;
  body: string;
  date?: string;
}

const escapeXml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function rss(title: string, items: readonly Item[]): string {
  const entries = items.map(
    (i) =>
      `<item>${i.guid ? `<guid isPermaLink="false">${escapeXml(i.guid)}</guid>` : ""}<title>${escapeXml(i.title)}</title>` +
      `${i.link ? `<link>${escapeXml(i.link)}</link>` : ""}${i.date ? `<pubDate>${i.date}</pubDate>` : ""}` +
      `<description><![CDATA[${i.body}]]></description></item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title><link>https://store.example/</link>${entries.join("")}</channel></rss>`;
}

function writeFeed(name: string, title: string, items: readonly Item[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, rss(title, items));
  return file;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

await describeEachProvider("storing through the database", ({ provider }) => {
  const t = useTestDatabase(provider);

  const items: Item[] = [
    {
      guid: "a-1",
      link: "https://store.example/a-1",
      title: "Floods in Kenya",
      body: "<p>Rain fell across Kenya and Nairobi.</p>",
      date: "Mon, 02 Oct 2023 10:00:00 GMT",
    },
    {
      link: "https://Store.Example/b?id=2&utm_source=x#top",
      title: "Vote in Peru",
      body: "<p>Voters in Peru went to the polls.</p>",
      date: "Tue, 03 Oct 2023 10:00:00 GMT",
    },
    {
      title: "Talks in Norway",
      body: "<p>Diplomats met in Oslo, Norway.</p>",
      date: "Wed, 04 Oct 2023 10:00:00 GMT",
    },
  ];

  it("importing the same feed twice creates nothing new", async () => {
    const file = writeFeed(`${provider}-twice.xml`, "Twice", items);
    const first = await importFile(t.db, file);
    expect(first).toMatchObject({ status: "imported", counts: { new: 3, updated: 0, unchanged: 0 } });
    const tagsBefore = await t.db.articleCountry.count();
    const second = await importFile(t.db, file);
    expect(second).toMatchObject({ status: "imported", counts: { new: 0, updated: 0, unchanged: 3 } });
    expect(await t.db.source.count({ where: { name: "Twice" } })).toBe(1);
    expect(await t.db.article.count({ where: { source: { name: "Twice" } } })).toBe(3);
    expect(await t.db.articleCountry.count()).toBe(tagsBefore);
  });

  it("matches an item by guid, else by normalized link, else by title and date", async () => {
    await importFile(t.db, writeFeed(`${provider}-keys-1.xml`, "Keys", items));
    const again: Item[] = [
      // Same guid, the link changed: still the same article.
      { ...items[0]!, link: "https://store.example/moved" },
      // No guid; the link differs only by case, a tracking parameter and the fragment.
      { ...items[1]!, link: "https://store.example/b?id=2&utm_medium=rss" },
      // No guid or link: the title (case aside) and the date identify it.
      { ...items[2]!, title: "TALKS IN NORWAY" },
    ];
    const report = await importFile(t.db, writeFeed(`${provider}-keys-2.xml`, "Keys", again));
    expect(report).toMatchObject({ status: "imported", counts: { new: 0 } });
    expect(await t.db.article.count({ where: { source: { name: "Keys" } } })).toBe(3);
    // A different date makes a title-only item a different article.
    const other = await importFile(
      t.db,
      writeFeed(`${provider}-keys-3.xml`, "Keys", [{ ...items[2]!, date: "Thu, 05 Oct 2023 10:00:00 GMT" }]),
    );
    expect(other).toMatchObject({ status: "imported", counts: { new: 1 } });
  });

  it("updates a changed item in place: same id, new title and body, tags replaced", async () => {
    const original = {
      guid: "edit-1",
      link: "https://store.example/edit-1",
      title: "Kenya floods",
      body: "<p>Rain fell across Kenya and Nairobi again.</p>",
      date: "Mon, 02 Oct 2023 10:00:00 GMT",
    };
    await importFile(t.db, writeFeed(`${provider}-edit-1.xml`, "Edits", [original]));
    const before = await t.db.article.findFirstOrThrow({
      where: { guid: "edit-1" },
      include: { countries: true, regions: true },
    });
    expect(before.countries.map((c) => c.code)).toContain("KE");

    const edited = {
      ...original,
      title: "Chile wildfires",
      body: "<p>Fires burned across Chile near Santiago.</p>",
    };
    const report = await importFile(t.db, writeFeed(`${provider}-edit-2.xml`, "Edits", [edited]));
    expect(report).toMatchObject({ status: "imported", counts: { new: 0, updated: 1, unchanged: 0 } });

    const after = await t.db.article.findFirstOrThrow({
      where: { guid: "edit-1" },
      include: { countries: true, regions: true },
    });
    expect(after.id).toBe(before.id);
    expect(after.title).toBe("Chile wildfires");
    expect(after.bodyText).toContain("Santiago");
    expect(after.bodyHtml).toContain("Chile");
    expect(after.countries.map((c) => c.code)).toEqual(["CL"]);
    expect(after.regions.map((r) => r.region)).not.toEqual(before.regions.map((r) => r.region));
    expect(await t.db.article.count({ where: { guid: "edit-1" } })).toBe(1);
  });
});

describe("a killed import", () => {
  const ITEMS = 5_000;
  const FEED_TITLE = "Big Generated Feed";
  let database: TestDatabase;
  let feedFile: string;

  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
    const rand = seededRandom(424242);
    const start = Date.UTC(2023, 8, 1);
    const items: Item[] = Array.from({ length: ITEMS }, (_, i) => {
      const article = syntheticArticle(rand, 300);
      return {
        guid: `big-${i}`,
        link: `https://big.example/story/${i}`,
        title: `${article.title} (${i})`,
        body: article.body
          .split("\n\n")
          .map((p) => `<p>${escapeXml(p)}</p>`)
          .join(""),
        date: new Date(start + i * 60_000).toUTCString(),
      };
    });
    feedFile = path.join(dir, "big.xml");
    writeFileSync(feedFile, rss(FEED_TITLE, items).replace("https://store.example/", "https://big.example/"));
    // The source exists beforehand, so the child's first write is inside storeItems' transaction.
    await database.db.source.create({ data: { name: FEED_TITLE, siteUrl: "https://big.example/" } });
    // The child process must be the only one with the file open while it writes.
    await database.db.$disconnect();
  });
  afterAll(() => database.drop());

  it(
    "leaves the database consistent (all or nothing), and a second run completes without duplicates",
    { timeout: 180_000 },
    async () => {
      const child = spawn(
        path.join(root, "node_modules/.bin/tsx"),
        ["--conditions=react-server", "scripts/ingest.ts", "--json", feedFile],
        {
          cwd: root,
          env: { ...process.env, DATABASE_URL: database.url },
          stdio: "ignore",
          // Its own process group: tsx runs the script in a child process, which must be killed too (an
          // orphan would go on writing and hold the database lock).
          detached: true,
        },
      );
      const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
      let running = true;
      void exited.then(() => (running = false));

      // Wait for the write-ahead log to grow: the transaction's first pages land there (the parent closed
      // the database, which checkpointed and removed the log). Then kill mid-way.
      const wal = `${sqlitePath(database.url)}-wal`;
      const writing = () => existsSync(wal) && statSync(wal).size > 0;
      const deadline = Date.now() + 60_000;
      while (running && !writing() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      const sawJournal = writing();
      if (running) {
        await new Promise((r) => setTimeout(r, 100));
        process.kill(-child.pid!, "SIGKILL");
      }
      const code = await exited;
      console.log(
        `killed import: journal seen ${sawJournal}, child exit ${code === null ? "SIGKILL" : code}`,
      );

      const db = database.db;
      expect(await db.$queryRawUnsafe("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      expect(await db.$queryRawUnsafe("PRAGMA foreign_key_check")).toEqual([]);
      const count = await db.article.count({ where: { source: { name: FEED_TITLE } } });
      console.log(`killed import: ${count} articles after the kill`);
      expect(sawJournal).toBe(true);
      expect([0, ITEMS]).toContain(count);
      // Every stored article has its tags (each has at least one region, "world" when no country).
      expect(await db.article.count({ where: { regions: { none: {} } } })).toBe(0);
      // The full-text index, when the search migration has created it, agrees with the articles.
      const fts = await db.$queryRaw<
        { name: string }[]
      >`SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'ArticleSearch'`;
      if (fts.length > 0)
        await db.$executeRawUnsafe(
          `INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('integrity-check')`,
        );

      const summary = await runIngest(db, [feedFile]);
      expect(summary.counts.failed).toBe(0);
      expect(summary.counts.new + summary.counts.unchanged).toBe(ITEMS);
      expect(await db.article.count({ where: { source: { name: FEED_TITLE } } })).toBe(ITEMS);
      const distinct = await db.article.groupBy({
        by: ["dedupKey"],
        where: { source: { name: FEED_TITLE } },
      });
      expect(distinct).toHaveLength(ITEMS);
      expect(await db.source.count({ where: { name: FEED_TITLE } })).toBe(1);
      expect(await db.article.count({ where: { regions: { none: {} } } })).toBe(0);
    },
  );
});

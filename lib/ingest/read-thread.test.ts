import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import type { Db } from "@/lib/db";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { startThreadReader, workerExecArgv } from "./read-thread";
import { runIngest } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "dispatch-read-thread-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const T0 = Date.parse("2024-06-03T08:00:00Z");

/** Three outlets on one flood (a story), other news, a broken feed and a plain-text article. */
function writeInputs(): string[] {
  const feed = (name: string, items: { guid: string; title: string; body: string; days: number }[]) => {
    const file = path.join(dir, `${name.replace(/\W+/g, "-")}.xml`);
    writeFileSync(
      file,
      `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title><link>https://${name.replace(/\W+/g, "").toLowerCase()}.example/</link>
${items
  .map(
    (i) =>
      `<item><guid>${i.guid}</guid><title>${i.title}</title><link>https://news.example/${i.guid}</link><pubDate>${new Date(T0 + i.days * DAY).toUTCString()}</pubDate><description><![CDATA[<p>${i.body}</p>]]></description></item>`,
  )
  .join("\n")}</channel></rss>`,
    );
    return file;
  };
  const flood =
    "The Brennar river burst its banks near Graz in Austria on Monday, flooding 300 homes in the Murtal, officials in Vienna said.";
  return [
    feed("Alpine Wire", [
      { guid: "w1", title: "Brennar river floods Murtal homes near Graz", body: flood, days: 0 },
      {
        guid: "w2",
        title: "Rates held in Chile as copper prices slide",
        body: "The central bank of Chile held rates in Santiago as copper slid.",
        days: 1,
      },
    ]),
    feed("Danube Herald", [
      {
        guid: "h1",
        title: "Hundreds of homes flooded as Brennar river bursts its banks in Austria",
        body: "Hundreds of homes in the Murtal near Graz were flooded when the Brennar river burst its banks, Austrian officials said on Monday.",
        days: 0.1,
      },
    ]),
    feed("Copy Desk", [{ guid: "c1", title: "Austria floods: Murtal under water", body: flood, days: 0.2 }]),
    (() => {
      const broken = path.join(dir, "broken.xml");
      writeFileSync(broken, "<rss><channel><item><title>unterminated");
      return broken;
    })(),
    (() => {
      const text = path.join(dir, "article.txt");
      writeFileSync(
        text,
        "Port strike ends in Rotterdam\n\nDockworkers in Rotterdam in the Netherlands ended their strike on Tuesday.",
      );
      return text;
    })(),
  ];
}

/** Everything an import decides, without ids: articles with their tags, language and story partners. */
async function snapshot(db: Db) {
  const articles = await db.article.findMany({
    orderBy: { guid: "asc" },
    select: {
      id: true,
      guid: true,
      title: true,
      language: true,
      summary: true,
      simhash: true,
      storyFeatures: true,
      storyId: true,
      duplicateOfId: true,
      source: { select: { name: true } },
      countries: {
        select: { code: true, salience: true, primary: true, evidence: true },
        orderBy: { code: "asc" },
      },
      regions: { select: { region: true }, orderBy: { region: "asc" } },
    },
  });
  const guidOf = new Map(articles.map((a) => [a.id, a.guid ?? a.title]));
  return articles.map(({ id: _id, storyId, duplicateOfId, ...rest }) => ({
    ...rest,
    story: storyId === null ? null : guidOf.get(storyId),
    duplicateOf: duplicateOfId === null ? null : guidOf.get(duplicateOfId),
  }));
}

/** SQLite's word index: every term with the documents and columns it occurs in, and how often. */
async function wordIndex(db: Db) {
  // A temporary table belongs to one connection: made and read in one transaction (lib/db.ts).
  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(
      `CREATE VIRTUAL TABLE IF NOT EXISTS temp."SearchVocab" USING fts5vocab(main, 'ArticleSearch', 'row')`,
    );
    return tx.$queryRawUnsafe<{ term: string; doc: number | bigint; cnt: number | bigint }[]>(
      `SELECT "term", "doc", "cnt" FROM temp."SearchVocab" ORDER BY "term"`,
    );
  });
  expect(rows.length).toBeGreaterThan(20);
  return rows.map((r) => `${r.term} ${r.doc} ${r.cnt}`);
}

await describeEachProvider("ingest with a reading thread", ({ provider }) => {
  const inline = useTestDatabase(provider);
  const threaded = useTestDatabase(provider);

  it("stores exactly what reading on the main thread stores, and reports each input in order", async () => {
    const inputs = writeInputs();
    const one = await runIngest(inline.db, inputs);
    // For SQLite the reading thread also stems the word index's texts; the index must come out the same.
    const reader = startThreadReader({ stems: provider === "sqlite" });
    let two;
    try {
      two = await runIngest(threaded.db, inputs, { reader: reader.read });
    } finally {
      await reader.close();
    }
    expect(two.reports.map((r) => [path.basename(r.file), r.status])).toEqual(
      one.reports.map((r) => [path.basename(r.file), r.status]),
    );
    expect(two.counts).toEqual(one.counts);
    expect(one.counts).toMatchObject({ new: 5, failed: 1 });
    const stored = await snapshot(threaded.db);
    expect(stored).toEqual(await snapshot(inline.db));
    if (provider === "sqlite") expect(await wordIndex(threaded.db)).toEqual(await wordIndex(inline.db));
    // The flood is one story across the three outlets; the copy is marked as such.
    const flood = stored.filter((a) => a.guid === "w1" || a.guid === "h1" || a.guid === "c1");
    expect(new Set(flood.map((a) => a.story)).size).toBe(1);
    expect(stored.find((a) => a.guid === "c1")?.duplicateOf).toBe("w1");
    expect(stored.find((a) => a.guid === "w1")?.countries.map((c) => c.code)).toContain("AT");

    // Again: everything is found unchanged, whichever thread read it.
    const reader2 = startThreadReader({});
    try {
      expect((await runIngest(threaded.db, inputs, { reader: reader2.read })).counts).toMatchObject({
        new: 0,
        updated: 0,
        unchanged: 5,
      });
    } finally {
      await reader2.close();
    }
  }, 120_000);

  it("rejects what it was asked to read when the worker stops, instead of leaving the run waiting", async () => {
    const reader = startThreadReader({});
    const target = { kind: "file" as const, value: path.join(dir, "article.txt") };
    // The worker is still starting (loading the parser and the tagger) when it is stopped.
    const pending = reader.read(target);
    await reader.close();
    await expect(pending).rejects.toThrow(/reading worker stopped/);
    await expect(reader.read(target)).rejects.toThrow(/reading worker stopped/);
  });
});

it("starts its worker with the process's options less V8's heap sizes, which a worker refuses", () => {
  const argv = workerExecArgv([
    "--max-semi-space-size=64",
    "--import",
    "tsx",
    "--max-old-space-size",
    "--no-warnings",
  ]);
  expect(argv).toEqual(["--import", "tsx", "--no-warnings", "--conditions=react-server"]);
  expect(workerExecArgv(["--conditions=react-server"])).toEqual(["--conditions=react-server"]);
});

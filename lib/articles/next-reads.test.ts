import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { importFile } from "@/lib/ingest/import-files";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { parseListOrigin, parseListParam } from "./list-link";
import { NEXT_READS, nextReads } from "./next-reads";
import { getArticle } from "./queries";

const dir = mkdtempSync(path.join(tmpdir(), "dispatch-next-reads-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = 86_400_000;
const T0 = Date.parse("2024-03-10T09:00:00Z");

interface Item {
  guid: string;
  title: string;
  body: string;
  days: number;
}

function feed(name: string, items: Item[]): string {
  const file = path.join(dir, `${name.replace(/\W+/g, "-")}-${Math.random().toString(36).slice(2)}.xml`);
  writeFileSync(
    file,
    `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${name}</title><link>https://${name.replace(/\W+/g, "").toLowerCase()}.example/</link>
${items
  .map(
    (i) => `<item><guid isPermaLink="false">${i.guid}</guid><title>${i.title}</title>
<link>https://news.example/${i.guid}</link><pubDate>${new Date(T0 + i.days * DAY).toUTCString()}</pubDate>
<description><![CDATA[<p>${i.body}</p>]]></description></item>`,
  )
  .join("\n")}</channel></rss>`,
  );
  return file;
}

const BREACH =
  "Engineers reported a breach in the Velmora dam in northern Portugal on Tuesday, and the authorities in Lisbon ordered the evacuation of 12,000 residents of the Ostrakan valley downstream.";

// One event told by two outlets (and copied word for word by a third), its follow-up five days later
// (too late to be the same story, close enough to be related), other Portuguese news that week, more from
// the first outlet, and a Velmora article a month later (outside the related window).
const feeds: [string, Item[]][] = [
  [
    "Northwind Post",
    [
      { guid: "a1", title: "Velmora dam breach forces evacuation of Ostrakan valley", body: BREACH, days: 0 },
      {
        guid: "a2",
        title: "Harbour cranes idle as dockworkers strike in Rotterdam",
        body: "Dockworkers in Rotterdam in the Netherlands walked out over pay, leaving the harbour's cranes idle.",
        days: 1,
      },
      {
        guid: "a3",
        title: "Velmora dam anniversary: a year after the breach",
        body: "A year after the breach of the Velmora dam in Portugal, the Ostrakan valley has been rebuilt.",
        days: 30,
      },
    ],
  ],
  [
    "Southgate Herald",
    [
      {
        guid: "b1",
        title: "Thousands flee Ostrakan valley after Velmora dam breach",
        body: "Thousands of residents fled the Ostrakan valley in Portugal after engineers found a breach in the Velmora dam, officials in Lisbon said, as the water rose downstream.",
        days: 0.1,
      },
      {
        guid: "b2",
        title: "Velmora dam repairs begin as Ostrakan valley residents return home",
        body: "Repairs to the Velmora dam in Portugal began on Sunday as the first residents of the Ostrakan valley returned to their homes, engineers said.",
        days: 5,
      },
      {
        guid: "b3",
        title: "Portugal names new coach for its national football team",
        body: "Portugal's football federation in Lisbon named a new coach for the national team on Thursday.",
        days: 2,
      },
    ],
  ],
  [
    "Copy Desk",
    [
      {
        guid: "c1",
        title: "Velmora dam breach forces evacuation of Ostrakan valley",
        body: BREACH,
        days: 0.2,
      },
    ],
  ],
];

await describeEachProvider("next reads", ({ provider }) => {
  const database = useTestDatabase(provider);
  const ids = new Map<string, number>();

  beforeAll(async () => {
    const db = database.db;
    for (const [name, items] of feeds) {
      const report = await importFile(db, feed(name, items));
      expect(report.status).toBe("imported");
    }
    for (const a of await db.article.findMany({ select: { id: true, guid: true } }))
      if (a.guid) ids.set(a.guid, a.id);
  }, 60_000);

  const id = (guid: string) => {
    const found = ids.get(guid);
    if (found === undefined) throw new Error(`no article ${guid}`);
    return found;
  };

  it("gives the story, related articles, more from the source and about the country, each without the others", async () => {
    const db = database.db;
    const article = await getArticle(id("a1"), db);
    expect(article).not.toBeNull();
    const reads = await nextReads(article!, { db, provider });

    expect(reads.story?.articles.map((a) => a.id).sort()).toEqual([id("a1"), id("b1"), id("c1")].sort());
    const related = reads.related.map((r) => r.id);
    expect(related).toContain(id("b2"));
    // Not the article, its story (the copy included), nor the same words a month later.
    for (const guid of ["a1", "b1", "c1", "a3"]) expect(related).not.toContain(id(guid));

    expect(reads.sameSource.map((r) => r.id)).toEqual([id("a3"), id("a2")]);
    expect(reads.sameSource[0]).toMatchObject({
      title: "Velmora dam anniversary: a year after the breach",
      source: { name: "Northwind Post" },
      path: expect.stringMatching(new RegExp(`^/articles/${id("a3")}-velmora-dam-anniversary`)) as string,
    });

    expect(reads.sameCountry?.country).toMatchObject({ code: "PT", name: "Portugal" });
    const country = reads.sameCountry?.items.map((r) => r.id) ?? [];
    expect(country).toContain(id("b3"));
    // b2 is already under Related, a3 under the source, and a3 is out of the time window anyway.
    for (const guid of ["a1", "b1", "c1", "b2", "a3"]) expect(country).not.toContain(id(guid));

    for (const list of [reads.related, reads.sameSource, reads.sameCountry?.items ?? []])
      expect(list.length).toBeLessThanOrEqual(NEXT_READS);
    expect(reads.neighbours).toBeNull();
  });

  it("gives an article alone no story and leaves the lists empty rather than padded", async () => {
    const db = database.db;
    const article = await getArticle(id("a2"), db);
    const reads = await nextReads(article!, { db, provider });
    expect(reads.story).toBeNull();
    // Nothing else is about the strike or the Netherlands.
    expect(reads.related).toEqual([]);
    expect(reads.sameCountry?.items ?? []).toEqual([]);
    expect(reads.sameSource.map((r) => r.id)).toEqual([id("a3"), id("a1")]);
  });

  it("finds the neighbours in the list the reader came from, across page boundaries", async () => {
    const db = database.db;
    // Every article newest first, two per page: a3 | b2, b3 | a2, c1 | b1, a1 (all=1 keeps stories apart;
    // the copy stands in for its original, as on the list page).
    const list = parseListParam("all=1&pageSize=2&page=2");
    expect(list).not.toBeNull();
    const order = ["a3", "b2", "b3", "a2"];
    const at = async (guid: string, page: number) =>
      (
        await nextReads((await getArticle(id(guid), db))!, {
          db,
          provider,
          from: { kind: "list", list: { ...list!, page } },
        })
      ).neighbours;

    const first = await at("b3", 2);
    expect(first?.previous?.title).toBe("Velmora dam repairs begin as Ostrakan valley residents return home");
    expect(first?.previous?.href).toMatch(new RegExp(`^/articles/${id(order[1]!)}-[^?]*\\?list=`));
    expect(parseListParam(new URL(first!.previous!.href, "http://x").searchParams.get("list")!)?.page).toBe(
      1,
    );
    expect(first?.next?.href).toMatch(new RegExp(`^/articles/${id("a2")}-`));
    expect(first?.listHref).toBe("/?pageSize=2&all=1&page=2");

    const last = await at("a2", 2);
    expect(last?.previous?.href).toMatch(new RegExp(`^/articles/${id("b3")}-`));
    expect(parseListParam(new URL(last!.next!.href, "http://x").searchParams.get("list")!)?.page).toBe(3);

    const top = await at("a3", 1);
    expect(top?.previous).toBeNull();
    expect(top?.next?.href).toMatch(new RegExp(`^/articles/${id("b2")}-`));

    // An article that is not on the page the link names has no neighbours there.
    expect(await at("a1", 1)).toBeNull();
  });

  it("follows a search in its own order, and the list page's grouping by story", async () => {
    const db = database.db;
    const list = parseListParam("q=Velmora&sort=newest&pageSize=1");
    const at = async (guid: string, page: number) =>
      (
        await nextReads((await getArticle(id(guid), db))!, {
          db,
          provider,
          from: { kind: "list", list: { ...list!, page } },
        })
      ).neighbours;
    // Grouped by story: a3, b2, then the breach story once (its newest article, the copy c1... or b1).
    const second = await at("b2", 2);
    expect(second?.previous?.href).toMatch(new RegExp(`^/articles/${id("a3")}-`));
    expect(second?.next).not.toBeNull();
    const third = new URL(second!.next!.href, "http://x");
    expect(parseListParam(third.searchParams.get("list")!)).toMatchObject({ q: "Velmora", page: 3 });
    const thirdId = Number(/^\/articles\/(\d+)/.exec(third.pathname)?.[1]);
    expect([id("b1"), id("c1"), id("a1")]).toContain(thirdId);
  });

  it("follows the story's coverage, first report first, when the article was opened from it", async () => {
    const db = database.db;
    const from = parseListOrigin("story");
    expect(from).toEqual({ kind: "story" });
    const at = async (guid: string) =>
      (await nextReads((await getArticle(id(guid), db))!, { db, provider, from })).neighbours;
    // The breach story: a1 (first report), b1, then the copy c1.
    const middle = await at("b1");
    expect(middle?.previous?.href).toMatch(new RegExp(`^/articles/${id("a1")}-[^?]*\\?list=story$`));
    expect(middle?.next?.href).toMatch(new RegExp(`^/articles/${id("c1")}-[^?]*\\?list=story$`));
    expect(middle?.backLabel).toBe("Back to the story");
    const story = (await getArticle(id("b1"), db))!.story;
    expect(middle?.listHref).toBe(story.path);
    const first = await at("a1");
    expect(first?.previous).toBeNull();
    expect(first?.next?.href).toMatch(new RegExp(`^/articles/${id("b1")}-`));
    expect((await at("c1"))?.next).toBeNull();
    // An article alone has no coverage to walk through.
    expect(await at("a2")).toBeNull();
  });
});

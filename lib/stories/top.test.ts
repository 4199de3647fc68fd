import { beforeAll, expect, it } from "vitest";
import { DEFAULT_LIST_PARAMS, withChange, type ListParams } from "@/lib/articles/params";
import { ensureSource, storeItems } from "@/lib/ingest/store";
import type { ArticleInput } from "@/lib/ingest/types";
import { VERSION_TTL_MS } from "@/lib/search/cache";
import { describeEachProvider, useTestDatabase } from "@/lib/testing/databases";
import { storyScore, topStories } from "./index";

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 10, 6);
const NOW = new Date(T0 + 12 * 24 * HOUR);
const PLACES = ["in France", "in Kenya", "in Brazil", "in Germany"];

/** A short report; its place decides its region, its language the `lang` filter. */
function report(source: string, i: number, hours: number, language: "en" | "de"): ArticleInput {
  const place = PLACES[i % PLACES.length]!;
  const body =
    language === "de"
      ? `Bericht ${i} aus ${place === "in Germany" ? "Deutschland" : "Frankreich"}: Der Rat hat am Dienstag über den Haushalt beraten und eine Entscheidung vertagt.`
      : `Report ${i} ${place}: the council met on Tuesday to discuss item ${i} and adjourned without a vote.`;
  return {
    guid: `${source}-${i}`,
    url: `https://${source}.example/${i}`,
    title: `Council item ${i} ${source}`,
    summary: null,
    bodyHtml: `<p>${body}</p>`,
    bodyText: body,
    author: null,
    publishedAt: new Date(T0 + hours * HOUR),
    dateEstimated: false,
    language,
  };
}

interface Row {
  id: number;
  storyId: number | null;
  sourceId: number;
  publishedAt: Date;
  language: string | null;
  regions: { region: string }[];
}

/** The ranking as the view defines it, computed naively from every stored article. */
function reference(rows: readonly Row[], params: ListParams, from: number, until: number) {
  const groups = new Map<number, { sources: Set<number>; articles: number; last: number; lead: number }>();
  for (const r of rows) {
    const t = r.publishedAt.getTime();
    if (t < from || t >= until) continue;
    if (params.sources.length && !params.sources.includes(r.sourceId)) continue;
    if (params.languages.length && !params.languages.includes(r.language ?? "")) continue;
    if (params.regions.length && !r.regions.some((x) => params.regions.includes(x.region as never))) continue;
    const id = r.storyId ?? r.id;
    const g = groups.get(id) ?? { sources: new Set<number>(), articles: 0, last: -1, lead: 0 };
    g.sources.add(r.sourceId);
    g.articles++;
    if (t > g.last || (t === g.last && r.id > g.lead)) [g.last, g.lead] = [t, r.id];
    groups.set(id, g);
  }
  const ranked = [...groups.entries()]
    .map(([id, g]) => ({ id, g, score: storyScore(g.sources.size, g.last, until) }))
    .sort((a, b) => b.score - a.score || b.g.last - a.g.last || b.id - a.id);
  const offset = (params.page - 1) * params.pageSize;
  return {
    total: ranked.length,
    items: ranked
      .slice(offset, offset + params.pageSize)
      .map(({ g }) => ({ lead: g.lead, sources: g.sources.size, articles: g.articles })),
  };
}

await describeEachProvider("Top stories", ({ provider }) => {
  const database = useTestDatabase(provider);
  let rows: Row[] = [];
  let sourceIds: number[] = [];

  beforeAll(async () => {
    const db = database.db;
    const names = ["north", "south", "east", "west"];
    sourceIds = [];
    for (const [s, name] of names.entries()) {
      const source = await ensureSource(db, { name, feedUrl: `https://${name}.example/feed` });
      sourceIds.push(source.id);
      // 18 reports per source over 9 days; some at the same hour as another source's (ties).
      const items = Array.from({ length: 18 }, (_, i) =>
        report(name, i, i * 12 + (s % 2) * 3 + (i % 3 === 0 ? 0 : s), i % 4 === 3 ? "de" : "en"),
      );
      await storeItems(db, source.id, items, NOW);
    }
    // Stories decided here, not by the grouping: item i of the first k sources is one story, k = 1 + i % 4.
    const all = await db.article.findMany({ select: { id: true, guid: true } });
    const idOf = new Map(all.map((a) => [a.guid, a.id]));
    await db.article.updateMany({ data: { storyId: null, duplicateOfId: null } });
    for (let i = 0; i < 18; i++) {
      const members = names.slice(0, 1 + (i % 4)).map((n) => idOf.get(`${n}-${i}`)!);
      if (members.length < 2) continue;
      await db.article.updateMany({ where: { id: { in: members } }, data: { storyId: members[0] } });
    }
    rows = await db.article.findMany({
      select: {
        id: true,
        storyId: true,
        sourceId: true,
        publishedAt: true,
        language: true,
        regions: { select: { region: true } },
      },
    });
    expect(rows).toHaveLength(72);
    expect(new Set(rows.map((r) => r.language))).toEqual(new Set(["en", "de"]));
  });

  it("ranks the same stories, leads and counts as a count over every matching article", async () => {
    const db = database.db;
    const base = withChange(DEFAULT_LIST_PARAMS, { pageSize: 5 });
    const from = "2026-11-11";
    const to = "2026-11-17";
    const window: [number, number] = [Date.parse(`${from}T00:00:00Z`), Date.parse("2026-11-18T00:00:00Z")];
    const newest = Math.max(...rows.map((r) => r.publishedAt.getTime())) + 1;
    const week: [number, number] = [newest - 7 * 24 * HOUR, newest];
    const cases: [ListParams, [number, number]][] = [
      [base, week],
      [withChange(base, { page: 2 }), week],
      [withChange(base, { page: 4 }), week],
      [withChange(base, { from, to }), window],
      [withChange(base, { from, to, page: 3 }), window],
      [withChange(base, { from, to, regions: ["europe"] }), window],
      [withChange(base, { from, to, languages: ["de"] }), window],
      [withChange(base, { from, to, sources: [sourceIds[1]!] }), window],
      [withChange(base, { from, to, regions: ["africa"], page: 2 }), window],
    ];
    for (const [params, [start, end]] of cases) {
      const expected = reference(rows, params, start, end);
      const got = await topStories(params, { db, now: NOW });
      expect(
        {
          total: got.total,
          items: got.items.map((s) => ({ lead: s.lead.id, sources: s.sources, articles: s.articles })),
        },
        JSON.stringify({ ...params, tz: undefined }),
      ).toEqual(expected);
      expect(got.pageCount).toBe(Math.max(1, Math.ceil(expected.total / params.pageSize)));
    }
    // The filters narrow: German only, and a 4-source story first where one is in the period.
    const german = await topStories(withChange(base, { from, to, languages: ["de"] }), { db, now: NOW });
    expect(german.total).toBeGreaterThan(0);
    expect(german.items.every((s) => rows.find((r) => r.id === s.lead.id)?.language === "de")).toBe(true);
    const all = await topStories(withChange(base, { from, to }), { db, now: NOW });
    expect(all.items[0]?.sources).toBe(4);
  });

  it("keeps an answer until the next write, then ranks the new data", async () => {
    const db = database.db;
    const params = withChange(DEFAULT_LIST_PARAMS, { from: "2026-11-10", to: "2026-11-20" });
    const before = await topStories(params, { db, now: NOW });
    // Two single reports become one story: one story fewer, and it has two sources.
    const alone = rows.filter((r) => r.storyId === null).slice(0, 2);
    expect(alone).toHaveLength(2);
    await db.article.updateMany({
      where: { id: { in: alone.map((r) => r.id) } },
      data: { storyId: alone[0]!.id },
    });
    await new Promise((resolve) => setTimeout(resolve, VERSION_TTL_MS + 100));
    const after = await topStories(params, { db, now: NOW });
    expect(after.total).toBe(before.total - 1);
  });
});

// The behaviour every search engine must have, run against SQLite (search.test.ts) and PostgreSQL
// (postgres.test.ts) with the same data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bodyTextOf } from "@/lib/articles/body-text";
import { parseListParams } from "@/lib/articles/params";
import type { Db } from "@/lib/db";
import type { RegionSlug } from "@/lib/regions";
import { searchArticles } from "./index";
import { escapeHtml } from "@/lib/html/escape";

const NOW = new Date("2026-11-25T12:00:00Z");

/** A database with the migrations applied, its engine, and how to throw it away. */
export interface SuiteDatabase {
  db: Db;
  provider: "sqlite" | "postgresql";
  dispose: () => Promise<void>;
}

/** Defines the shared search tests for one engine. */
export function searchSuite(engine: string, open: () => Promise<SuiteDatabase>): void {
  let db: Db;
  let provider: SuiteDatabase["provider"];
  let dispose: () => Promise<void>;
  const ids: Record<string, number> = {};
  const sources: number[] = [];

  interface Seed {
    key: string;
    title: string;
    summary?: string;
    body?: string;
    at: string;
    source?: number;
    countries?: string[];
    regions?: RegionSlug[];
    language?: string;
  }

  async function add(seed: Seed): Promise<number> {
    const body = seed.body ?? "Filler text for the body.";
    const article = await db.article.create({
      data: {
        sourceId: sources[(seed.source ?? 1) - 1] ?? seed.source ?? 1,
        dedupKey: `test:${seed.key}`,
        title: seed.title,
        summary: seed.summary ?? null,
        bodyHtml: `<p>${escapeHtml(body)}</p>`,
        bodyText: bodyTextOf(`<p>${escapeHtml(body)}</p>`),
        publishedAt: new Date(seed.at),
        fetchedAt: NOW,
        contentHash: seed.key,
        language: seed.language ?? null,
        countries: {
          create: (seed.countries ?? []).map((code, i) => ({ code, salience: 1 - i / 10, primary: i === 0 })),
        },
        regions: { create: (seed.regions ?? ["world"]).map((region) => ({ region })) },
      },
    });
    ids[seed.key] = article.id;
    return article.id;
  }

  async function search(query: string) {
    const { params, errors } = parseListParams(new URLSearchParams(query));
    expect(errors).toEqual([]);
    return searchArticles(params, { db, provider, now: NOW });
  }

  const found = async (query: string) => (await search(query)).items.map((i) => i.id);
  const key = (id: number) => Object.entries(ids).find(([, v]) => v === id)?.[0];
  const foundKeys = async (query: string) => (await found(query)).map(key);

  beforeAll(async () => {
    ({ db, provider, dispose } = await open());
    // Sources 1, 2 and 3 of the seeds, whatever ids the database gives them.
    for (const name of ["Wire", "Daily", "Zeitung"])
      sources.push((await db.source.create({ data: { name } })).id);
    const seeds: Seed[] = [
      {
        key: "titleHit",
        title: "Ceasefire talks resume in Gaza",
        body: "Negotiators met in Cairo.",
        at: "2026-11-20T10:00:00Z",
        countries: ["PS", "IL"],
        regions: ["middle-east-north-africa"],
      },
      {
        key: "bodyHit",
        title: "Negotiators meet again",
        body: "The ceasefire was discussed at length.",
        at: "2026-11-20T10:00:00Z",
        countries: ["IL"],
        regions: ["middle-east-north-africa"],
      },
      {
        key: "floodOld",
        title: "Flood warning issued",
        body: "Rivers are rising.",
        at: "2026-11-01T08:00:00Z",
        source: 2,
        countries: ["DE"],
        regions: ["europe"],
      },
      {
        key: "floodNew",
        title: "Flood warning issued",
        body: "Rivers are rising.",
        at: "2026-11-10T08:00:00Z",
        source: 2,
        countries: ["DE"],
        regions: ["europe"],
      },
      {
        key: "rates",
        title: "Central bank holds interest rates",
        body: "The rate of growth slowed.",
        at: "2026-11-15T09:00:00Z",
        source: 2,
        countries: ["FR"],
        regions: ["europe"],
      },
      {
        key: "notPhrase",
        title: "Interest grows in new rates",
        body: "Nothing more.",
        at: "2026-11-14T09:00:00Z",
        source: 3,
        countries: ["US"],
        regions: ["americas", "north-america"],
      },
      {
        key: "cafe",
        title: "Café culture in Paris",
        body: "A café on every corner.",
        at: "2026-11-12T09:00:00Z",
        source: 3,
        countries: ["FR"],
        regions: ["europe"],
      },
      {
        key: "russian",
        title: "Москва готовится к выборам",
        body: "Выборы пройдут в марте.",
        at: "2026-11-11T09:00:00Z",
        source: 3,
        countries: ["RU"],
        regions: ["europe"],
      },
      {
        key: "arabic",
        title: "القاهرة تستضيف محادثات",
        body: "محادثات السلام في القاهرة",
        at: "2026-11-11T10:00:00Z",
        countries: ["EG"],
        regions: ["middle-east-north-africa"],
      },
      {
        key: "chinese",
        title: "中国经济增长放缓",
        summary: "北京报道：经济数据公布",
        body: "国家统计局发布数据。",
        at: "2026-11-09T09:00:00Z",
        countries: ["CN"],
        regions: ["asia-pacific"],
      },
      {
        key: "xss",
        title: "Markets calm",
        body: "<script>alert(1)</script> The ceasefire held & markets rose.",
        at: "2026-11-05T09:00:00Z",
        source: 2,
        countries: ["GB"],
        regions: ["europe"],
      },
      {
        key: "quake",
        title: "Earthquake shakes the coast",
        body: "Buildings swayed.",
        at: "2026-10-01T09:00:00Z",
        countries: ["CL"],
        regions: ["americas", "latin-america-caribbean"],
      },
      {
        key: "electionInflation",
        title: "Election campaign focuses on inflation",
        body: "Prices dominate.",
        at: "2026-09-01T09:00:00Z",
        countries: ["BR"],
        regions: ["americas", "latin-america-caribbean"],
      },
      {
        key: "election",
        title: "Election day arrives",
        body: "Voters queue.",
        at: "2026-09-02T09:00:00Z",
        countries: ["BR"],
        regions: ["americas", "latin-america-caribbean"],
      },
      {
        key: "inflationary",
        title: "Inflationary pressure builds",
        body: "Economists worry.",
        at: "2026-08-01T09:00:00Z",
        source: 3,
        countries: ["AR"],
        regions: ["americas", "latin-america-caribbean"],
      },
      // 23:30 on 10 March in New York is 03:30 on 11 March in UTC.
      {
        key: "lateNight",
        title: "Late night vote in Albany",
        body: "Lawmakers stayed late.",
        at: "2026-03-11T03:30:00Z",
        countries: ["US"],
        regions: ["americas", "north-america"],
      },
      // Articles in other languages, stemmed in their own (docs/language.md).
      {
        key: "deHaus",
        title: "Neue Wohnungen in alten Häusern",
        body: "Der Zustand des Hauses ist gut.",
        at: "2026-10-20T09:00:00Z",
        language: "de",
      },
      {
        key: "deMessing",
        title: "Der Preis für Messing steigt",
        body: "Händler sind besorgt.",
        at: "2026-10-20T10:00:00Z",
        language: "de",
      },
      {
        key: "deMesse",
        title: "Die Messe in Leipzig öffnet",
        body: "Aussteller aus aller Welt.",
        at: "2026-10-20T11:00:00Z",
        language: "de",
      },
      {
        key: "frElections",
        title: "Les élections municipales approchent",
        body: "Les candidats font campagne.",
        at: "2026-10-21T09:00:00Z",
        language: "fr",
      },
      {
        key: "esCiudades",
        title: "Las ciudades crecen sin control",
        body: "Los alcaldes piden ayuda.",
        at: "2026-10-21T10:00:00Z",
        language: "es",
      },
      {
        key: "itGoverni",
        title: "I governi regionali chiedono fondi",
        body: "La decisione arriverà domani.",
        at: "2026-10-21T11:00:00Z",
        language: "it",
      },
      {
        key: "ptCidades",
        title: "As cidades do interior perdem habitantes",
        body: "Os prefeitos estão preocupados.",
        at: "2026-10-22T09:00:00Z",
        language: "pt",
      },
      {
        key: "nlVerkiezingen",
        title: "De verkiezingen in de provincie",
        body: "De partijen voeren campagne.",
        at: "2026-10-22T10:00:00Z",
        language: "nl",
      },
      {
        key: "enRunning",
        title: "Marathon runners keep running through the rain",
        body: "The race went on.",
        at: "2026-10-22T11:00:00Z",
        language: "en",
      },
    ];
    for (const seed of seeds) await add(seed);
  });

  afterAll(async () => {
    await dispose();
  });

  describe(`searchArticles on ${engine}`, () => {
    it("ranks a title match above a body match", async () => {
      expect(await foundKeys("q=ceasefire")).toEqual(["titleHit", "bodyHit", "xss"]);
    });

    it("puts the newer of two equally good matches first", async () => {
      expect(await foundKeys("q=flood")).toEqual(["floodNew", "floodOld"]);
    });

    it("matches phrases, OR, exclusions and prefixes", async () => {
      expect(new Set(await foundKeys("q=interest+rates"))).toEqual(new Set(["rates", "notPhrase"]));
      expect(await foundKeys(`q=${encodeURIComponent('"interest rates"')}`)).toEqual(["rates"]);
      expect(new Set(await foundKeys("q=earthquake+OR+flood"))).toEqual(
        new Set(["quake", "floodNew", "floodOld"]),
      );
      // The French "élections" has the stem of "election" (docs/language.md: a query is stemmed in every language).
      expect(new Set(await foundKeys("q=election+-inflation"))).toEqual(new Set(["election", "frElections"]));
      expect(new Set(await foundKeys("q=infla*"))).toEqual(new Set(["electionInflation", "inflationary"]));
    });

    it("folds diacritics and stems English", async () => {
      expect(await foundKeys("q=cafe")).toEqual(["cafe"]);
      expect(await foundKeys("q=CAFÉ")).toEqual(["cafe"]);
      expect(await foundKeys("q=rate")).toContain("rates");
      expect(await foundKeys("q=rates")).toContain("rates");
      expect(await foundKeys("q=negotiator")).toEqual(expect.arrayContaining(["titleHit", "bodyHit"]));
    });

    it("stems each article in its own language", async () => {
      expect(await foundKeys("q=Haus")).toEqual(["deHaus"]);
      expect(await foundKeys("q=H%C3%A4user")).toEqual(["deHaus"]);
      expect(await foundKeys(`q=${encodeURIComponent("élection")}&lang=fr`)).toEqual(["frElections"]);
      expect(await foundKeys(`q=${encodeURIComponent("élection")}`)).toContain("frElections");
      expect(await foundKeys("q=ciudad")).toEqual(["esCiudades"]);
      expect(await foundKeys("q=governo")).toEqual(["itGoverni"]);
      expect(await foundKeys("q=cidade")).toEqual(["ptCidades"]);
      expect(await foundKeys("q=verkiezing")).toEqual(["nlVerkiezingen"]);
      // English as before: Porter on SQLite, Snowball English on PostgreSQL.
      expect(await foundKeys("q=run")).toEqual(["enRunning"]);
      expect(await foundKeys("q=running")).toEqual(["enRunning"]);
      // Phrases, prefixes and exclusions on stems.
      expect(await foundKeys(`q=${encodeURIComponent('"alten Haus"')}`)).toEqual(["deHaus"]);
      expect(await foundKeys("q=verkiez*")).toEqual(["nlVerkiezingen"]);
      expect(await foundKeys("q=Haus+-Zustand")).toEqual([]);
    });

    it("stems a query only in the languages the reader chose", async () => {
      // English stems "Messing" (brass) to "mess", the German stem of "Messe" (trade fair).
      expect(await foundKeys("q=Messing&lang=de")).toEqual(["deMessing"]);
      expect(await foundKeys("q=Messe&lang=de")).toEqual(["deMesse"]);
      expect(await foundKeys("q=Haus&lang=de")).toEqual(["deHaus"]);
      expect(await foundKeys("q=Haus&lang=en")).toEqual([]);
    });

    it("highlights the original words of a stemmed article", async () => {
      const item = (await search("q=Haus")).items[0]!;
      expect(item.snippet).toContain("<mark>Hauses</mark>");
    });

    it("finds Russian, Arabic and Chinese", async () => {
      expect(await foundKeys("q=москва")).toEqual(["russian"]);
      expect(await foundKeys("q=выборы")).toEqual(["russian"]);
      expect(await foundKeys(`q=${encodeURIComponent("القاهرة")}`)).toEqual(["arabic"]);
      expect(await foundKeys(`q=${encodeURIComponent("经济")}`)).toEqual(["chinese"]);
      expect(await foundKeys(`q=${encodeURIComponent("经济增长")}`)).toEqual(["chinese"]);
      expect(await foundKeys(`q=${encodeURIComponent("北京 -上海")}`)).toEqual(["chinese"]);
      expect(await foundKeys(`q=${encodeURIComponent("经济 -北京")}`)).toEqual([]);
      expect(new Set(await foundKeys(`q=${encodeURIComponent("经济 OR москва")}`))).toEqual(
        new Set(["chinese", "russian"]),
      );
      const chinese = (await search(`q=${encodeURIComponent("经济")}`)).items[0]!;
      expect(chinese.snippet).toContain("<mark>经济</mark>");
    });

    it("escapes snippets and marks only the matching words", async () => {
      const item = (await search("q=ceasefire")).items.find((i) => i.id === ids.xss)!;
      expect(item.snippet).toContain("<mark>ceasefire</mark>");
      // PostgreSQL's ts_headline drops what looks like markup; SQLite keeps it, escaped.
      if (provider === "sqlite") expect(item.snippet).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
      expect(item.snippet).toContain("&amp;");
      expect(item.snippet!.replaceAll("<mark>", "").replaceAll("</mark>", "")).not.toMatch(/[<>]/);
      expect((await search("")).items.every((i) => i.snippet === null)).toBe(true);
    });

    it("ORs values within a filter and ANDs filters", async () => {
      expect(new Set(await foundKeys("region=europe"))).toEqual(
        new Set(["floodOld", "floodNew", "rates", "cafe", "russian", "xss"]),
      );
      expect(new Set(await foundKeys("region=europe,asia-pacific&country=FR,CN"))).toEqual(
        new Set(["rates", "cafe", "chinese"]),
      );
      expect(await foundKeys("region=europe&source=2&q=rates")).toEqual(["rates"]);
      expect(await foundKeys("region=asia-pacific&source=2")).toEqual([]);
      expect(new Set(await foundKeys("source=3&source=2&country=FR"))).toEqual(new Set(["rates", "cafe"]));
    });

    it("counts each facet with the other filters but not its own", async () => {
      const result = await search("region=europe&source=2");
      expect(result.total).toBe(4);
      const regions = Object.fromEntries(result.facets.regions.map((r) => [r.slug, r.count]));
      // Regions: source 2 only (not narrowed to Europe).
      expect(regions).toMatchObject({ europe: 4, "middle-east-north-africa": 0 });
      // Sources: Europe only (not narrowed to source 2).
      const sources = Object.fromEntries(result.facets.sources.map((s) => [s.name, s.count]));
      expect(sources).toEqual({ Daily: 4, Zeitung: 2 });
      // Countries: both filters.
      expect(result.facets.countries).toEqual(
        expect.arrayContaining([
          { code: "DE", name: "Germany", count: 2 },
          { code: "GB", name: "United Kingdom", count: 1 },
        ]),
      );
      expect(result.facets.approximate).toBe(false);
      expect(result.facets.regions.map((r) => r.slug)).toHaveLength(8);
    });

    it("counts, bars, facets and the page agree for phrases and exclusions under filters", async () => {
      // PostgreSQL finds a phrase's candidates once per request and folds exclusions into one tsquery
      // (lib/search/postgres.ts): every part of the answer must still see the same matches.
      const bars = (r: Awaited<ReturnType<typeof search>>) =>
        r.histogram.bins.reduce((n, b) => n + b.count, 0);
      const regionCounts = (r: Awaited<ReturnType<typeof search>>) =>
        Object.fromEntries(r.facets.regions.filter((x) => x.count > 0).map((x) => [x.slug, x.count]));
      const phrase = `q=${encodeURIComponent('"interest rates"')}`;
      const europe = await search(`${phrase}&region=europe&all=1`);
      expect(europe.items.map((i) => key(i.id))).toEqual(["rates"]);
      expect([europe.total, bars(europe)]).toEqual([1, 1]);
      // The region facet ignores its own filter; "Interest grows in new rates" is no phrase match.
      expect(regionCounts(europe)).toEqual({ europe: 1 });
      expect(europe.facets.sources.map((x) => [x.name, x.count])).toEqual([["Daily", 1]]);
      const elsewhere = await search(`${phrase}&region=north-america&all=1`);
      expect([elsewhere.items.length, elsewhere.total, bars(elsewhere)]).toEqual([0, 0, 0]);
      expect(regionCounts(elsewhere)).toEqual({ europe: 1 });

      const either = await search("q=election+OR+inflationary+-campaign&region=americas&all=1");
      expect(new Set(either.items.map((i) => key(i.id)))).toEqual(new Set(["election", "inflationary"]));
      expect([either.total, bars(either)]).toEqual([2, 2]);
      expect(regionCounts(either)).toEqual({ americas: 2, "latin-america-caribbean": 2, world: 1 });
      const newest = await search("q=election+-inflation&country=BR&sort=newest&all=1");
      expect(newest.items.map((i) => key(i.id))).toEqual(["election"]);
      expect(newest.facets.countries.map((c) => [c.code, c.count])).toEqual([["BR", 1]]);
    });

    it("bars and counts a phrase's matches as it does a word's", async () => {
      // A one-word phrase matches what the word does, but PostgreSQL finds a phrase's candidates once and
      // counts them and their bars itself (lib/search/postgres.ts, candidateSet), the word in its statements.
      for (const dates of [
        "",
        "&from=2026-11-01&to=2026-11-20",
        "&from=2026-03-10&to=2026-03-12&tz=America/New_York",
        "&range=30d",
      ])
        for (const word of ["flood", "ceasefire", "election"]) {
          const phrase = await search(`q=${encodeURIComponent(`"${word}"`)}${dates}`);
          const plain = await search(`q=${word}${dates}`);
          expect(plain.total).toBeGreaterThan(dates ? -1 : 0);
          expect([phrase.total, phrase.histogram]).toEqual([plain.total, plain.histogram]);
        }
    });

    it("puts day boundaries at midnight in the reader's time zone", async () => {
      expect(await foundKeys("from=2026-03-10&to=2026-03-10&tz=America/New_York")).toEqual(["lateNight"]);
      expect(await foundKeys("from=2026-03-10&to=2026-03-10")).toEqual([]);
      expect(await foundKeys("from=2026-03-11&to=2026-03-11&tz=UTC")).toEqual(["lateNight"]);
      expect(await foundKeys("q=flood&from=2026-11-10&to=2026-11-10")).toEqual(["floodNew"]);
      expect(await foundKeys("q=flood&range=24h")).toEqual([]);
      expect(await foundKeys("q=flood&range=30d")).toEqual(["floodNew", "floodOld"]);
    });

    it("returns an empty page past the end, not an error", async () => {
      const result = await search("q=flood&page=5");
      expect(result.items).toEqual([]);
      expect(result.total).toBe(2);
      expect(result.pageCount).toBe(1);
    });

    it("pages through results in a stable order", async () => {
      const all = await foundKeys("pageSize=100");
      const pages: (string | undefined)[] = [];
      for (let page = 1; page <= Math.ceil(all.length / 5); page++)
        pages.push(...(await foundKeys(`pageSize=5&page=${page}`)));
      expect(pages).toEqual(all);
      // Newest first; within the same minute, the later arrival first.
      expect(all.slice(0, 2)).toEqual(["bodyHit", "titleHit"]);
    });

    it("sorts by date on request, by relevance by default", async () => {
      expect(await foundKeys("q=ceasefire&sort=newest")).toEqual(["bodyHit", "titleHit", "xss"]);
    });

    it("treats a query of exclusions only as everything else", async () => {
      const result = await search("q=-flood+-ceasefire");
      expect(result.total).toBe(Object.keys(ids).length - 5);
      expect(result.items.map((i) => key(i.id))).not.toContain("floodNew");
    });

    it("gives histogram bars that add up to the total", async () => {
      const result = await search("q=flood+OR+election");
      expect(result.histogram.unit).toBe("week"); // the archive spans March to November
      expect(result.histogram.bins.reduce((n, b) => n + b.count, 0)).toBe(result.total);
      const days = await search("from=2026-11-01&to=2026-11-20");
      expect(days.histogram.unit).toBe("day");
      expect(days.histogram.bins).toHaveLength(20);
      expect(days.histogram.bins.find((b) => b.start === "2026-11-20")?.count).toBe(2);
    });

    it("answers dates at the calendar's edges", async () => {
      for (const range of [
        "from=1000-01-01&to=9999-12-31",
        "to=9999-12-31",
        "from=9999-12-31",
        "q=flood&to=9999-12-31",
      ]) {
        const result = await search(`${range}&tz=Pacific/Kiritimati`);
        expect(result.histogram.bins.reduce((n, b) => n + b.count, 0)).toBe(result.total);
      }
      expect((await search("to=9999-12-31")).total).toBe((await search("")).total);
      expect((await search("from=9999-12-31")).total).toBe(0);
    });

    it("never fails on strange input", async () => {
      for (const q of [
        '"',
        '"""',
        "-",
        "title:x",
        "NEAR(a b",
        "😀",
        "*",
        "a*",
        "中",
        "x".repeat(10_000),
        '"unbalanced -x OR',
        "\u0000",
        "%_\\",
      ]) {
        const { params } = parseListParams({ q });
        await expect(searchArticles(params, { db, provider, now: NOW })).resolves.toBeDefined();
      }
    });
  });

  describe(`stories on ${engine}: pages, totals and page counts are over stories`, () => {
    // A three-article story (all title matches) among five single articles (body matches), in June 2025,
    // which no other seed uses. Newest first: story, s28, s25, s20, story, s10, s05, story.
    const STORY_DAYS = [30, 15, 1];
    const SINGLE_DAYS = [28, 25, 20, 10, 5];
    const storyKeys = STORY_DAYS.map((d) => `story${d}`);
    const june = (day: number) => `2025-06-${String(day).padStart(2, "0")}T12:00:00Z`;
    const WORD = "Quillmarsh";
    const BROWSE = "from=2025-06-01&to=2025-06-30&pageSize=3";
    const RANKED = `q=${WORD}&pageSize=3`;

    beforeAll(async () => {
      for (const day of STORY_DAYS)
        await add({
          key: `story${day}`,
          title: `${WORD} bridge reopens`,
          at: june(day),
          source: (day % 3) + 1,
        });
      for (const day of SINGLE_DAYS)
        await add({
          key: `single${day}`,
          title: `Harbour news ${day}`,
          body: `A note on ${WORD}.`,
          at: june(day),
        });
      // The story's id is its first article's (docs/stories.md); the engines read only Article."storyId".
      const first = ids[storyKeys[storyKeys.length - 1]!]!;
      await db.article.updateMany({
        where: { id: { in: storyKeys.map((k) => ids[k]!) } },
        data: { storyId: first },
      });
    });

    /** Every page of a list state, in order, as seed keys (and each page's size). */
    async function allPages(query: string) {
      const first = await search(query);
      const pages = [first];
      for (let page = 2; page <= first.pageCount; page++) pages.push(await search(`${query}&page=${page}`));
      return {
        first,
        sizes: pages.map((p) => p.items.length),
        keys: pages.flatMap((p) => p.items.map((i) => key(i.id))),
      };
    }

    it("shows a story whose articles would fall on different pages once, on full pages", async () => {
      for (const query of [BROWSE, RANKED, `q=${WORD}&sort=newest&pageSize=3`]) {
        const { first, sizes, keys } = await allPages(query);
        expect(
          keys.filter((k) => storyKeys.includes(k!)),
          query,
        ).toHaveLength(1);
        expect(new Set(keys).size, query).toBe(keys.length);
        expect(first.total, query).toBe(6);
        expect(first.pageCount, query).toBe(2);
        expect(sizes, query).toEqual([3, 3]);
        expect(first.totalApproximate, query).toBe(false);
      }
    });

    it("represents a story by its newest article when browsing and by its best match when ranked", async () => {
      const browse = await allPages(BROWSE);
      expect(browse.keys).toEqual(["story30", "single28", "single25", "single20", "single10", "single5"]);
      // Title matches rank above body matches; the story's newest title match is its best (recency).
      const ranked = await allPages(RANKED);
      expect(ranked.keys[0]).toBe("story30");
      expect(new Set(ranked.keys.slice(1))).toEqual(new Set(SINGLE_DAYS.map((d) => `single${d}`)));
      // Past the last story the page is empty, and the count still says two pages.
      const past = await search(`${BROWSE}&page=3`);
      expect(past.items).toEqual([]);
      expect(past.pageCount).toBe(2);
    });

    it("lists every article with all=1, paginated and counted by article", async () => {
      for (const query of [`${BROWSE}&all=1`, `${RANKED}&all=1`]) {
        const { first, sizes, keys } = await allPages(query);
        expect(new Set(keys), query).toEqual(
          new Set([...storyKeys, ...SINGLE_DAYS.map((d) => `single${d}`)]),
        );
        expect(keys, query).toHaveLength(8);
        expect(first.total, query).toBe(8);
        expect(sizes, query).toEqual([3, 3, 2]);
      }
      // The histogram counts articles either way.
      const bars = (await search(BROWSE)).histogram.bins.reduce((n, b) => n + b.count, 0);
      expect(bars).toBe(8);
    });
  });

  describe(`the ${engine} search index stays in sync`, () => {
    it("after an update", async () => {
      const id = await add({
        key: "edit",
        title: "Original headline about volcanoes",
        at: "2026-11-21T09:00:00Z",
      });
      expect(await found("q=volcanoes")).toEqual([id]);
      await db.article.update({ where: { id }, data: { title: "Corrected headline about glaciers" } });
      expect(await found("q=volcanoes")).toEqual([]);
      expect(await found("q=glaciers")).toEqual([id]);
      await db.article.update({ where: { id }, data: { publishedAt: new Date("2025-01-01T00:00:00Z") } });
      expect(await found("q=glaciers&from=2025-01-01&to=2025-01-01")).toEqual([id]);
      await db.article.update({
        where: { id },
        data: { title: "东京新闻", bodyHtml: "<p>東京の天気</p>", bodyText: "東京の天気" },
      });
      expect(await found(`q=${encodeURIComponent("東京")}`)).toEqual([id]);
    });

    it("after a delete, also cascading from a source", async () => {
      const source = await db.source.create({ data: { name: "Gone" } });
      const a = await add({
        key: "gone1",
        title: "Temporary story on tornadoes",
        at: "2026-11-21T09:00:00Z",
        source: source.id,
      });
      const b = await add({
        key: "gone2",
        title: "临时新闻 tornadoes",
        at: "2026-11-21T09:00:00Z",
        source: source.id,
      });
      expect(new Set(await found("q=tornadoes"))).toEqual(new Set([a, b]));
      await db.article.delete({ where: { id: a } });
      expect(await found("q=tornadoes")).toEqual([b]);
      await db.source.delete({ where: { id: source.id } });
      expect(await found("q=tornadoes")).toEqual([]);
      expect(await found(`q=${encodeURIComponent("临时")}`)).toEqual([]);
      if (provider === "sqlite") {
        // The word index holds stems, not the article text, so FTS5's own comparison with the content does
        // not apply: compare it, word by word and position by position, with an index built from scratch.
        await db.$executeRaw`INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('integrity-check')`;
        // Temporary tables belong to one connection: made and read in one transaction (lib/db.ts).
        await db.$transaction(async (tx) => {
          await tx.$executeRaw`CREATE VIRTUAL TABLE temp."fresh" USING fts5("title", "summary", "bodyText", tokenize = 'unicode61 remove_diacritics 2')`;
          await tx.$executeRaw`INSERT INTO temp."fresh" ("rowid", "title", "summary", "bodyText")
            SELECT max(0, coalesce(unixepoch("publishedAt"), 0) / 60) * 2147483648 + "id",
              dispatch_stem("title", "language"), dispatch_stem("summary", "language"), dispatch_stem("bodyText", "language") FROM "Article"`;
          await tx.$executeRaw`CREATE VIRTUAL TABLE temp."kept_words" USING fts5vocab(main, "ArticleSearch", instance)`;
          await tx.$executeRaw`CREATE VIRTUAL TABLE temp."fresh_words" USING fts5vocab(temp, "fresh", instance)`;
          const differences = await tx.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM (
            SELECT * FROM (SELECT term, doc, col, offset FROM temp."kept_words" EXCEPT SELECT term, doc, col, offset FROM temp."fresh_words")
            UNION ALL SELECT * FROM (SELECT term, doc, col, offset FROM temp."fresh_words" EXCEPT SELECT term, doc, col, offset FROM temp."kept_words"))`;
          expect(Number(differences[0]?.n)).toBe(0);
          const indexed = await tx.$queryRaw<
            { n: bigint | number }[]
          >`SELECT count(*) AS n FROM temp."kept_words"`;
          expect(Number(indexed[0]?.n)).toBeGreaterThan(100);
        });
        await db.$executeRaw`INSERT INTO "ArticleSearchTrigram" ("ArticleSearchTrigram") VALUES ('integrity-check')`;
      }
    });

    it("for articles stored by the ingest pipeline", async () => {
      const { storeItems } = await import("@/lib/ingest/store");
      const counts = await storeItems(
        db,
        1,
        [
          {
            guid: "ingest-1",
            url: null,
            title: "Blizzard closes mountain passes",
            summary: null,
            bodyHtml: "<p>Snowploughs were out overnight.</p>",
            bodyText: "Snowploughs were out overnight.",
            author: null,
            publishedAt: new Date("2026-11-22T06:00:00Z"),
            dateEstimated: false,
            language: "en",
          },
        ],
        NOW,
      );
      expect(counts.new).toBe(1);
      expect((await search("q=snowplough")).items.map((i) => i.title)).toEqual([
        "Blizzard closes mountain passes",
      ]);
    });
  });
}

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  DEFAULT_LIST_PARAMS,
  feedHref,
  hasFilters,
  listFields,
  listHref,
  MAX_PAGE,
  parseListParams,
  parsePage,
  RANGES,
  topStoriesHref,
  withChange,
  type ListParams,
} from "./params";
import { REGIONS } from "@/lib/regions/taxonomy";

describe("parsePage", () => {
  it.each([
    [undefined, 1],
    ["", 1],
    ["3", 3],
    [["4", "5"], 4],
    ["0", 1],
    ["-2", 1],
    ["abc", 1],
    ["2.5", 1],
    ["1e3", 1],
    ["Infinity", 1],
    ["100001", MAX_PAGE],
    ["99999999999999999999999", MAX_PAGE],
  ] as const)("%j -> %d", (input, expected) => {
    expect(parsePage(input as string | string[] | undefined)).toBe(expected);
  });
});

const parse = (query: string) => parseListParams(new URLSearchParams(query));

describe("parseListParams", () => {
  it("gives the defaults for an empty address", () => {
    expect(parse("")).toEqual({ params: DEFAULT_LIST_PARAMS, errors: [] });
    expect(parseListParams({})).toEqual({ params: DEFAULT_LIST_PARAMS, errors: [] });
  });

  it("reads every parameter", () => {
    const { params, errors } = parse(
      "q=gaza+ceasefire&from=2026-01-01&to=2026-01-31&region=europe&region=Middle+East&country=fr,de&source=3&source=12,3&lang=PT,de&sort=newest&page=2&pageSize=50&tz=europe/paris&all=1",
    );
    expect(errors).toEqual([]);
    expect(params).toEqual({
      q: "gaza ceasefire",
      from: "2026-01-01",
      to: "2026-01-31",
      range: null,
      regions: ["europe", "middle-east-north-africa"],
      countries: ["DE", "FR"],
      sources: [3, 12],
      languages: ["de", "pt"],
      sort: "newest",
      page: 2,
      pageSize: 50,
      tz: "Europe/Paris",
      all: true,
    });
  });

  it("rejects language codes that are not ISO 639-1", () => {
    const { params, errors } = parse("lang=german,pt,x1");
    expect(params.languages).toEqual(["pt"]);
    expect(errors).toHaveLength(2);
    expect(listHref({ languages: ["pt", "de"] })).toBe("/?lang=pt,de");
  });

  it("accepts the same input as page props (values that may be arrays)", () => {
    const { params } = parseListParams({ q: ["first", "second"], region: ["africa", "europe"], page: "3" });
    expect(params).toMatchObject({ q: "first", regions: ["africa", "europe"], page: 3 });
  });

  it("sorts by relevance when there is a query, by date otherwise", () => {
    expect(parse("q=x").params.sort).toBe("relevance");
    expect(parse("").params.sort).toBe("newest");
    expect(parse("sort=relevance").params.sort).toBe("newest");
    expect(parse("q=%20%20").params).toMatchObject({ q: "", sort: "newest" });
  });

  it.each([
    ["from=2026-02-30", /from must be a date/],
    ["to=yesterday", /to must be a date/],
    ["from=2026-03-02&to=2026-03-01", /from \(2026-03-02\) is after to \(2026-03-01\)/],
    ["region=narnia", /Unknown region "narnia"/],
    ["country=XX", /Unknown country code "XX"/],
    ["source=abc", /source must be a source id/],
    ["source=0", /source must be a source id/],
    ["sort=best", /sort must be relevance or newest/],
    ["page=0", /page must be a whole number of at least 1/],
    ["page=-1", /page must be a whole number of at least 1/],
    ["page=two", /page must be a whole number/],
    ["pageSize=0", /pageSize must be a whole number from 1 to 100/],
    ["pageSize=101", /pageSize must be a whole number from 1 to 100/],
    ["tz=Mars/Base", /tz must be an IANA time zone/],
    ["range=1y", /range must be one of 24h, 7d, 30d, 12m/],
    ["range=7d&from=2026-01-01", /Use either range or from\/to/],
  ])("%s: falls back to the default with a message", (query, message) => {
    const { params, errors } = parse(query);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
    expect(params.page).toBeGreaterThanOrEqual(1);
  });

  it("keeps the valid values of a list and drops the rest", () => {
    const { params, errors } = parse("region=europe,atlantis,africa&country=fr,zz");
    expect(params.regions).toEqual(["africa", "europe"]);
    expect(params.countries).toEqual(["FR"]);
    expect(errors).toHaveLength(2);
  });

  it("clamps huge pages to past the end instead of failing", () => {
    expect(parse("page=99999999999999").params.page).toBe(MAX_PAGE);
  });

  it("drops both dates when from is after to", () => {
    expect(parse("from=2026-03-02&to=2026-03-01").params).toMatchObject({ from: null, to: null });
  });

  it("never throws and always gives valid params (property)", () => {
    const names = fc.constantFrom(
      "q",
      "from",
      "to",
      "range",
      "region",
      "country",
      "source",
      "sort",
      "page",
      "pageSize",
      "tz",
      "x",
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(names, fc.string({ maxLength: 30, unit: "binary" })), { maxLength: 12 }),
        (pairs) => {
          const { params } = parseListParams(new URLSearchParams(pairs));
          expect(params.page).toBeGreaterThanOrEqual(1);
          expect(params.pageSize).toBeGreaterThanOrEqual(1);
          expect(params.pageSize).toBeLessThanOrEqual(100);
          if (params.from && params.to) expect(params.from <= params.to).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("listHref", () => {
  it("leaves defaults out", () => {
    expect(listHref({})).toBe("/");
    expect(listHref(DEFAULT_LIST_PARAMS)).toBe("/");
    expect(listHref({ q: "gaza", sort: "relevance" })).toBe("/?q=gaza");
    expect(listHref({ q: "gaza" })).toBe("/?q=gaza");
    expect(listHref(DEFAULT_LIST_PARAMS, { q: "gaza" })).toBe("/?q=gaza");
    expect(listHref({ q: "gaza", sort: "newest" }, { regions: ["europe"] })).toBe(
      "/?q=gaza&region=europe&sort=newest",
    );
  });

  it("writes the canonical form, lists comma-separated", () => {
    expect(
      listHref({
        q: "a b",
        regions: ["europe", "africa"],
        countries: ["FR"],
        sources: [3, 4],
        sort: "newest",
        page: 2,
        tz: "Europe/Paris",
        pageSize: 50,
      }),
    ).toBe(
      "/?q=a+b&region=europe,africa&country=FR&source=3,4&sort=newest&tz=Europe%2FParis&pageSize=50&page=2",
    );
    expect(listHref({ from: "2026-01-01", range: "7d" })).toBe("/?from=2026-01-01");
    expect(listHref({ range: "7d" })).toBe("/?range=7d");
  });

  it("goes back to page 1 when a link changes something, unless it sets the page", () => {
    const current = { ...DEFAULT_LIST_PARAMS, q: "x", sort: "relevance" as const, page: 4 };
    expect(listHref(current)).toBe("/?q=x&page=4");
    expect(listHref(current, { regions: ["europe"] })).toBe("/?q=x&region=europe");
    expect(listHref(current, { page: 5 })).toBe("/?q=x&page=5");
  });

  it("round-trips through parseListParams", () => {
    const params = {
      ...DEFAULT_LIST_PARAMS,
      q: "café -x",
      from: "2026-01-01",
      regions: ["europe" as const],
      sources: [2],
      sort: "newest" as const,
      page: 3,
    };
    expect(parse(listHref(params).slice(2)).params).toEqual(params);
  });
});

describe("bad input", () => {
  it("falls back to the default of each invalid value and keeps the valid ones", () => {
    const { params, errors } = parse(
      "q=x&page=-3&pageSize=5000&sort=loudest&range=1y&tz=Mars/Olympus&region=atlantis,europe&country=ZZ&source=0&lang=english&all=maybe",
    );
    expect(params).toEqual({ ...DEFAULT_LIST_PARAMS, q: "x", sort: "relevance", regions: ["europe"] });
    expect(errors).toHaveLength(9);
    // The address rebuilt from it is the canonical one: the bad values are gone.
    expect(listHref(params)).toBe("/?q=x&region=europe");
  });
});

describe("withChange", () => {
  const current: ListParams = { ...DEFAULT_LIST_PARAMS, regions: ["europe"], page: 3 };

  it("resets the page to 1 when a filter changes", () => {
    expect(withChange(current, { countries: ["FR"] })).toMatchObject({ countries: ["FR"], page: 1 });
    expect(withChange(current, { range: "7d" }).page).toBe(1);
    expect(withChange(current, { q: "x" }).page).toBe(1);
  });

  it("keeps the page when nothing changes or the change sets it", () => {
    expect(withChange(current).page).toBe(3);
    expect(withChange(current, { page: 7 }).page).toBe(7);
  });

  it("ranks a list that gains a query, and keeps a chosen order when the query changes", () => {
    expect(withChange(current, { q: "x" }).sort).toBe("relevance");
    const newest: ListParams = { ...current, q: "x", sort: "newest" };
    expect(withChange(newest, { q: "y" }).sort).toBe("newest");
    expect(withChange(newest, { q: "" }).sort).toBe("newest");
    expect(listHref(newest, { q: "" })).toBe("/?region=europe");
  });
});

describe("topStoriesHref and feedHref", () => {
  const state: ListParams = {
    ...DEFAULT_LIST_PARAMS,
    q: "a",
    sort: "relevance",
    regions: ["africa"],
    page: 2,
  };

  it("build the same query on their own paths", () => {
    expect(topStoriesHref({})).toBe("/stories");
    expect(topStoriesHref(state)).toBe("/stories?q=a&region=africa&page=2");
    expect(topStoriesHref(state, { regions: [] })).toBe("/stories?q=a");
    expect(feedHref({})).toBe("/feed.xml");
  });

  it("point the feed at the first page", () => {
    expect(feedHref(state)).toBe("/feed.xml?q=a&region=africa");
  });
});

describe("listFields", () => {
  it("carries the state through a GET form, without the fields the form sends and without the page", () => {
    const state: ListParams = {
      ...DEFAULT_LIST_PARAMS,
      q: "x",
      sort: "newest",
      countries: ["DE", "FR"],
      tz: "Europe/Paris",
      page: 4,
    };
    expect(listFields(state, ["q"])).toEqual([
      ["country", "DE,FR"],
      ["sort", "newest"],
      ["tz", "Europe/Paris"],
    ]);
    expect(listFields(state, ["q", "tz"])).toEqual([
      ["country", "DE,FR"],
      ["sort", "newest"],
    ]);
    expect(listFields(DEFAULT_LIST_PARAMS, [])).toEqual([]);
  });
});

describe("hasFilters", () => {
  it("is true for any filter but not for the query, order, page or zone", () => {
    expect(hasFilters({ ...DEFAULT_LIST_PARAMS, q: "x", page: 2, tz: "Asia/Tokyo" })).toBe(false);
    expect(hasFilters({ ...DEFAULT_LIST_PARAMS, range: "24h" })).toBe(true);
    expect(hasFilters({ ...DEFAULT_LIST_PARAMS, to: "2026-01-01" })).toBe(true);
    expect(hasFilters({ ...DEFAULT_LIST_PARAMS, sources: [1] })).toBe(true);
    expect(hasFilters({ ...DEFAULT_LIST_PARAMS, languages: ["de"] })).toBe(true);
  });
});

describe("round trips (property)", () => {
  const day = fc
    .date({ min: new Date("2000-01-01"), max: new Date("2030-12-31"), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));
  const state = fc
    .record({
      q: fc.string({ maxLength: 20 }).map((q) => q.trim()),
      from: fc.option(day),
      to: fc.option(day),
      range: fc.option(fc.constantFrom(...RANGES)),
      // Subsets in canonical order (REGIONS order, codes sorted, ids ascending), as parsing gives them.
      regions: fc.subarray(REGIONS.map((r) => r.slug)),
      countries: fc.subarray(["DE", "FR", "JP", "US"]),
      sources: fc.uniqueArray(fc.integer({ min: 1, max: 1_000_000 })).map((ids) => ids.sort((a, b) => a - b)),
      languages: fc.subarray(["de", "en", "fr"]),
      sort: fc.constantFrom("relevance" as const, "newest" as const),
      page: fc.integer({ min: 1, max: MAX_PAGE }),
      pageSize: fc.integer({ min: 1, max: 100 }),
      tz: fc.constantFrom("UTC", "Europe/Paris", "America/New_York"),
      all: fc.boolean(),
    })
    // The states parseListParams can give: ordered dates, a range only without them, newest without words.
    .map((p) => {
      const [from, to] = p.from && p.to && p.from > p.to ? [p.to, p.from] : [p.from, p.to];
      return { ...p, from, to, range: from || to ? null : p.range, sort: p.q ? p.sort : "newest" };
    });

  it("parse(listHref(state)) gives the state back, and the href is a fixed point", () => {
    fc.assert(
      fc.property(state, (p) => {
        const href = listHref(p);
        const { params, errors } = parse(href.slice(2));
        expect(errors).toEqual([]);
        expect(params).toEqual(p);
        expect(listHref(params)).toBe(href);
      }),
      { numRuns: 300 },
    );
  });
});

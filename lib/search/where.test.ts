import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  and,
  filterConditions,
  hasLookupFilters,
  inSample,
  raw,
  sampleCondition,
  sql,
  type Filters,
  type FilterTarget,
} from "./where";

const none: Filters = { from: null, until: null, regions: [], countries: [], sources: [], languages: [] };
const target: FilterTarget = {
  id: raw(`a."id"`),
  date: (from, until) =>
    and([
      from ? sql`a."publishedAt" >= ${from.toISOString()}` : null,
      until ? sql`a."publishedAt" < ${until.toISOString()}` : null,
    ]),
};

describe("filterConditions", () => {
  it("is empty without filters", () => {
    expect(filterConditions(none, target)).toEqual([]);
    expect(and([]).sql).toBe("1 = 1");
  });

  it("binds every value and names no user input in the SQL", () => {
    const filters: Filters = { ...none, regions: ["europe", "africa"], countries: ["FR"], sources: [3, 4] };
    const where = and(filterConditions(filters, target));
    expect(where.sql).toBe(
      '(EXISTS (SELECT 1 FROM "ArticleRegion" fr WHERE fr."articleId" = a."id" AND fr."region" IN (?,?))) AND ' +
        '(EXISTS (SELECT 1 FROM "ArticleCountry" fc WHERE fc."articleId" = a."id" AND fc."code" IN (?))) AND ' +
        '(EXISTS (SELECT 1 FROM "Article" fa WHERE fa."id" = a."id" AND fa."sourceId" IN (?,?)))',
    );
    expect(where.values).toEqual(["europe", "africa", "FR", 3, 4]);
    // The same fragment renders $n placeholders for PostgreSQL.
    expect(where.text).toContain('fr."region" IN ($1,$2)');
  });

  it("uses the row's own source id when it has one", () => {
    const where = and(
      filterConditions({ ...none, sources: [7] }, { ...target, sourceId: raw(`a."sourceId"`) }),
    );
    expect(where.sql).toBe('(a."sourceId" IN (?))');
  });

  it("leaves out the kinds it is asked to", () => {
    const filters: Filters = {
      ...none,
      from: new Date("2026-01-01T00:00:00Z"),
      regions: ["europe"],
      countries: ["FR"],
    };
    expect(filterConditions(filters, target)).toHaveLength(3);
    expect(
      filterConditions(filters, target, ["region"])
        .map((c) => c.sql)
        .join(" "),
    ).not.toContain("ArticleRegion");
    expect(filterConditions(filters, target, ["date", "region", "country"])).toEqual([]);
    expect(hasLookupFilters(filters)).toBe(true);
    expect(hasLookupFilters(filters, ["region", "country"])).toBe(false);
  });

  it("samples about the requested share of ids, the same ones every time", () => {
    expect(sampleCondition(raw("id"), 1)).toBeNull();
    const condition = sampleCondition(raw("id"), 0.1)!;
    const db = new Database(":memory:");
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY)");
    const insert = db.prepare("INSERT INTO t (id) VALUES (?)");
    for (let i = 1; i <= 20_000; i++) insert.run(i);
    const n = (
      db.prepare(`SELECT count(*) AS n FROM t WHERE ${condition.sql}`).get(...condition.values) as {
        n: number;
      }
    ).n;
    expect(n).toBeGreaterThan(1800);
    expect(n).toBeLessThan(2200);
    // The same ids without the database (PostgreSQL's facets sample candidates they already hold).
    const ids = (
      db.prepare(`SELECT id FROM t WHERE ${condition.sql} ORDER BY id`).all(...condition.values) as {
        id: number;
      }[]
    ).map((r) => r.id);
    expect(Array.from({ length: 20_000 }, (_, i) => i + 1).filter((id) => inSample(id, 0.1))).toEqual(ids);
    expect(inSample(12345, 1)).toBe(true);
    for (const id of [2_147_483_647, 2_000_000_001, 987_654_321, 65_536])
      expect(inSample(id, 0.3)).toBe(
        Boolean(
          db
            .prepare(`SELECT ${sampleCondition(raw("?"), 0.3)!.sql} AS x`)
            .pluck()
            .get(id, ...sampleCondition(raw("?"), 0.3)!.values),
        ),
      );
    db.close();
  });
});

describe("filters against a database", () => {
  const db = new Database(":memory:");
  beforeAll(() => {
    db.exec(`
      CREATE TABLE "Article" ("id" INTEGER PRIMARY KEY, "sourceId" INTEGER, "publishedAt" TEXT);
      CREATE TABLE "ArticleRegion" ("articleId" INTEGER, "region" TEXT, PRIMARY KEY ("articleId", "region"));
      CREATE TABLE "ArticleCountry" ("articleId" INTEGER, "code" TEXT, PRIMARY KEY ("articleId", "code"));
      INSERT INTO "Article" VALUES (1, 1, '2026-01-05T10:00:00.000Z'), (2, 2, '2026-01-06T10:00:00.000Z'),
        (3, 1, '2026-01-07T10:00:00.000Z'), (4, 3, '2026-02-01T10:00:00.000Z');
      INSERT INTO "ArticleRegion" VALUES (1, 'europe'), (2, 'africa'), (3, 'europe'), (3, 'asia-pacific'), (4, 'world');
      INSERT INTO "ArticleCountry" VALUES (1, 'FR'), (2, 'NG'), (3, 'FR'), (3, 'JP');
    `);
  });
  afterAll(() => db.close());

  const ids = (filters: Partial<Filters>) => {
    const where = and(filterConditions({ ...none, ...filters }, target));
    return (
      db
        .prepare(`SELECT a."id" FROM "Article" a WHERE ${where.sql} ORDER BY a."id"`)
        .all(...where.values) as { id: number }[]
    ).map((r) => r.id);
  };

  it("ORs values within a kind", () => {
    expect(ids({ regions: ["europe", "africa"] })).toEqual([1, 2, 3]);
    expect(ids({ sources: [2, 3] })).toEqual([2, 4]);
  });

  it("ANDs across kinds", () => {
    expect(ids({ regions: ["europe"], countries: ["JP"] })).toEqual([3]);
    expect(ids({ regions: ["europe"], sources: [2] })).toEqual([]);
    expect(
      ids({
        countries: ["FR"],
        from: new Date("2026-01-06T00:00:00Z"),
        until: new Date("2026-01-31T00:00:00Z"),
      }),
    ).toEqual([3]);
  });
});

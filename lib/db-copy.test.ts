import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
import type { Db } from "@/lib/db";
import {
  checkDatabase,
  copyDatabase,
  databaseUrlProblem,
  DatabaseNotReadyError,
  redactUrl,
  sameDatabase,
  type CopySummary,
} from "./db-copy";
import { createTestDatabase, describeEachProvider, useTestDatabase } from "./testing/databases";

const day = (d: number) => new Date(Date.UTC(2023, 9, d, 14, 30, 15, 123));

/** A small database with what real data has: feeds and file-only sources, shared dedupKeys, nulls, tags, leases. */
async function seed(db: Db): Promise<void> {
  const wire = await db.source.create({
    data: {
      name: "Wire",
      siteUrl: "https://wire.example/",
      feedUrl: "https://wire.example/feed.xml",
      country: "GB",
      pollInterval: 900,
      etag: '"abc"',
      lastModified: "Fri, 27 Oct 2023 10:00:00 GMT",
      lastFetchedAt: day(27),
      nextFetchAt: day(28),
      failureCount: 2,
      lastError: "HTTP 503",
      leaseOwner: "old-host:123:abcd",
      leaseUntil: day(28),
      createdAt: day(1),
    },
  });
  const imported = await db.source.create({
    data: { name: "Imported articles", siteUrl: "https://agency.example/" },
  });
  const bare = await db.source.create({ data: { name: "Notes" } });

  const article = (sourceId: number, n: number, extra: object = {}) => ({
    sourceId,
    dedupKey: `guid:item-${n}`,
    guid: `item-${n}`,
    url: `https://wire.example/story/${n}`,
    title: `Story ${n}: Ukraine – Poland talks «continue»`,
    summary: n % 2 === 0 ? null : `Summary ${n}`,
    bodyHtml: `<p>Body ${n} with <em>markup</em> and émoji 🗞️</p>`,
    bodyText: `Body ${n} with markup and émoji 🗞️`,
    author: n % 3 === 0 ? null : "A. Reporter",
    publishedAt: day(n),
    dateEstimated: n === 4,
    fetchedAt: day(n + 1),
    language: "en",
    readingMinutes: n,
    contentHash: `hash-${n}`,
    taggerVersion: 3,
    countries: {
      create: [
        { code: "UA", salience: 0.75 + n / 1000, primary: true, mentions: n },
        { code: "PL", salience: 0.3333333333333333, primary: false },
      ],
    },
    regions: { create: [{ region: "europe" }, { region: "eastern-europe" }] },
    ...extra,
  });
  for (let n = 1; n <= 5; n++) await db.article.create({ data: article(wire.id, n) });
  // Same dedupKeys as Wire's first two items: unique per source, not globally.
  for (let n = 1; n <= 2; n++)
    await db.article.create({ data: article(imported.id, n, { url: null, guid: null }) });
  await db.article.create({
    data: article(bare.id, 9, { countries: undefined, regions: { create: [{ region: "world" }] } }),
  });
}

/** Everything a copy must carry over, without ids (they are not preserved) and leases (they start free). */
async function snapshot(db: Db) {
  const sources = await db.source.findMany({
    include: {
      articles: {
        orderBy: { dedupKey: "asc" },
        include: { countries: { orderBy: { code: "asc" } }, regions: { orderBy: { region: "asc" } } },
      },
    },
  });
  return sources
    .map(({ id: _id, leaseOwner: _owner, leaseUntil: _until, articles, ...source }) => ({
      ...source,
      articles: articles.map(({ id: _articleId, sourceId: _sourceId, countries, regions, ...a }) => ({
        ...a,
        countries: countries.map(({ articleId: _a, ...c }) => c),
        regions: regions.map(({ articleId: _a, ...r }) => r),
      })),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function counts(db: Db) {
  return {
    sources: await db.source.count(),
    articles: await db.article.count(),
    countries: await db.articleCountry.count(),
    regions: await db.articleRegion.count(),
  };
}

const nothingCopied = (s: CopySummary) => ({
  sources: s.sources.copied,
  articles: s.articles.copied,
  countries: s.countries,
  regions: s.regions,
});

await describeEachProvider("copyDatabase from SQLite", ({ provider }) => {
  const from = useTestDatabase("sqlite");
  const to = useTestDatabase(provider);
  beforeAll(async () => {
    await seed(from.db);
  });

  test("copies sources, articles and tags in batches, equal in content", async () => {
    const batches: number[] = [];
    let total = -1;
    const summary = await copyDatabase(from.db, to.db, {
      batchSize: 3,
      onStart: (n) => (total = n),
      onBatch: (_s, processed) => batches.push(processed),
    });
    expect(summary).toEqual({
      sources: { copied: 3, matched: 0 },
      articles: { copied: 8, skipped: 0 },
      countries: 14,
      regions: 15,
    });
    expect(total).toBe(8);
    expect(batches).toEqual([3, 6, 8]);
    expect(await counts(to.db)).toEqual(await counts(from.db));
    expect(await snapshot(to.db)).toEqual(await snapshot(from.db));
    const wire = await to.db.source.findUniqueOrThrow({
      where: { feedUrl: "https://wire.example/feed.xml" },
    });
    expect(wire).toMatchObject({ leaseOwner: null, leaseUntil: null, etag: '"abc"', failureCount: 2 });
  });

  test("a second run copies nothing and duplicates nothing", async () => {
    const before = await counts(to.db);
    const summary = await copyDatabase(from.db, to.db);
    expect(nothingCopied(summary)).toEqual({ sources: 0, articles: 0, countries: 0, regions: 0 });
    expect(summary.sources.matched).toBe(3);
    expect(summary.articles.skipped).toBe(8);
    expect(await counts(to.db)).toEqual(before);
  });

  test("a later run adds only what is new", async () => {
    const wire = await from.db.source.findUniqueOrThrow({
      where: { feedUrl: "https://wire.example/feed.xml" },
    });
    await from.db.article.create({
      data: {
        sourceId: wire.id,
        dedupKey: "guid:late",
        title: "Late story",
        bodyHtml: "<p>Late</p>",
        bodyText: "Late",
        publishedAt: day(30),
        fetchedAt: day(30),
        contentHash: "late",
        regions: { create: [{ region: "world" }] },
      },
    });
    const summary = await copyDatabase(from.db, to.db);
    expect(nothingCopied(summary)).toEqual({ sources: 0, articles: 1, countries: 0, regions: 1 });
    expect(await snapshot(to.db)).toEqual(await snapshot(from.db));
  });

  test("copies back the other way", async () => {
    const back = await createTestDatabase("sqlite");
    try {
      await copyDatabase(to.db, back.db);
      expect(await snapshot(back.db)).toEqual(await snapshot(from.db));
    } finally {
      await back.drop();
    }
  });

  test("merges into a target that already has some of the sources", async () => {
    const target = await createTestDatabase(provider);
    try {
      const existing = await target.db.source.create({
        data: { name: "Wire (renamed)", feedUrl: "https://wire.example/feed.xml" },
      });
      await target.db.source.create({ data: { name: "Notes" } });
      const summary = await copyDatabase(from.db, target.db);
      expect(summary.sources).toEqual({ copied: 1, matched: 2 });
      expect(await target.db.source.count()).toBe(3);
      expect(await target.db.article.count({ where: { sourceId: existing.id } })).toBe(6);
    } finally {
      await target.drop();
    }
  });

  test("refuses a target without the migrations and says how to migrate it", async () => {
    const bare = await createTestDatabase(provider, { migrate: false });
    try {
      const check = checkDatabase(bare.url, bare.db, "target");
      await expect(check).rejects.toBeInstanceOf(DatabaseNotReadyError);
      await expect(check).rejects.toThrow(/npx prisma migrate deploy/);
    } finally {
      await bare.drop();
    }
  });

  test("accepts migrated databases", async () => {
    await expect(checkDatabase(from.url, from.db, "source")).resolves.toBeUndefined();
    await expect(checkDatabase(to.url, to.db, "target")).resolves.toBeUndefined();
  });
});

describe("database URLs", () => {
  test("accepts SQLite files and PostgreSQL databases, explains the rest", () => {
    expect(databaseUrlProblem("file:./data/dispatch.db")).toBeNull();
    expect(databaseUrlProblem("postgresql://app:pw@db.internal:5432/dispatch")).toBeNull();
    expect(databaseUrlProblem("postgres://db.internal/dispatch?sslmode=require")).toBeNull();
    expect(databaseUrlProblem("mysql://db/dispatch")).toMatch(/neither a SQLite URL/);
    expect(databaseUrlProblem("./data/dispatch.db")).toMatch(/neither a SQLite URL/);
    expect(databaseUrlProblem("file::memory:")).toMatch(/does not name a SQLite file/);
    expect(databaseUrlProblem("postgresql://db.internal:5432")).toMatch(/names no database/);
    expect(databaseUrlProblem("postgresql://app:secret@db.internal:99999/x")).toMatch(
      /not a valid PostgreSQL URL/,
    );
    expect(databaseUrlProblem("postgresql://app:secret@db.internal:99999/x")).not.toMatch(/secret/);
  });

  test("tells when two URLs name the same database", () => {
    expect(sameDatabase("file:./data/dispatch.db", `file:${path.resolve("data/dispatch.db")}`)).toBe(true);
    expect(sameDatabase("postgresql://a@db:5432/dispatch", "postgresql://b:pw@db/dispatch")).toBe(true);
    expect(sameDatabase("postgresql://db/dispatch", "postgresql://db/other")).toBe(false);
    expect(sameDatabase("file:./data/dispatch.db", "postgresql://db/dispatch")).toBe(false);
  });

  test("masks passwords in messages and leaves other URLs alone", () => {
    expect(redactUrl("postgresql://app:s3cret@db.internal:5432/dispatch")).toBe(
      "postgresql://app:***@db.internal:5432/dispatch",
    );
    expect(redactUrl("postgresql://postgres@127.0.0.1:5432/postgres")).toBe(
      "postgresql://postgres@127.0.0.1:5432/postgres",
    );
    expect(redactUrl("file:./data/dispatch.db")).toBe("file:./data/dispatch.db");
    expect(redactUrl("postgresql://app:p%40ss@db:99999/x")).toBe("postgresql://app:***@db:99999/x");
    expect(redactUrl("postgresql://app:p@ss@db/x")).toBe("postgresql://app:***@db/x");
  });
});

describe("npm run db:copy", () => {
  const root = path.resolve(import.meta.dirname, "..");
  const cli = async (...args: string[]) => {
    const tsx = path.join(root, "node_modules", ".bin", "tsx");
    try {
      const { stdout, stderr } = await promisify(execFile)(
        tsx,
        ["--conditions=react-server", "scripts/db-copy.ts", ...args],
        { cwd: root },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const from = useTestDatabase("sqlite");
  const to = useTestDatabase("sqlite");
  beforeAll(async () => {
    await seed(from.db);
  });

  test("exits 2 with usage on bad arguments", async () => {
    const missing = await cli("--from", from.url);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--to is required[\s\S]*Usage:/);
    const bad = await cli("--from", "mysql://x/y", "--to", to.url);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--from: .*neither a SQLite URL/);
  });

  test("exits 1 when a database is unreachable", async () => {
    const result = await cli("--from", from.url, "--to", "postgresql://postgres@127.0.0.1:1/dispatch");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /cannot connect to the target database postgresql:\/\/postgres@127\.0\.0\.1:1\/dispatch/,
    );
  });

  test("copies and prints a JSON summary; a second run copies nothing", async () => {
    const first = await cli("--from", from.url, "--to", to.url, "--json");
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      sources: { copied: 3 },
      articles: { copied: 8, skipped: 0 },
    });
    const second = await cli("--from", from.url, "--to", to.url);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/copied 0 sources \(3 already there\), 0 articles \(8 already there\)/);
    // Two CLI runs (tsx start-up each): more than the default 30 s on a busy machine.
  }, 90_000);
});

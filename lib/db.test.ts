import { afterAll, beforeAll, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/sqlite/client";
import {
  providerOfDb,
  readRows,
  sqliteBulkWriter,
  sqliteValue,
  SQLITE_BUSY_TIMEOUT_MS,
  SQLITE_CACHE_MB,
} from "@/lib/db";
import { env } from "@/lib/env";
import { createTestDatabase, describeEachProvider, type TestDatabase } from "@/lib/testing/databases";

await describeEachProvider("database connections", ({ provider }) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
  });
  afterAll(() => database.drop());

  it("say which provider they are for (code that is given a client writes its provider's SQL)", () => {
    expect(providerOfDb(database.db)).toBe(provider);
  });

  if (provider === "sqlite")
    it("run in WAL mode with a busy timeout, so reads and the poller's writes do not block each other", async () => {
      const [mode] = await database.db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      expect(mode?.journal_mode).toBe("wal");
      const [busy] = await database.db.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
      expect(Number(busy?.timeout)).toBe(SQLITE_BUSY_TIMEOUT_MS);
    });

  if (provider === "sqlite")
    it("keep SQLITE_CACHE_MB of pages, not SQLite's default 2 MB", async () => {
      const [cache] =
        await database.db.$queryRawUnsafe<{ cache_size: bigint | number }[]>("PRAGMA cache_size");
      expect(Number(cache?.cache_size)).toBe(-SQLITE_CACHE_MB * 1024);
    });

  if (provider === "postgresql")
    it("have no SQLite bulk writer (an import binds through Prisma there)", () => {
      expect(sqliteBulkWriter(database.db)).toBeNull();
    });

  if (provider === "sqlite")
    it("derive an article's text from its HTML on SQLite: the client's writes leave the text out", async () => {
      const { db } = database;
      const source = await db.source.create({ data: { name: "Derived text" } });
      const when = new Date("2026-12-01T09:00:00Z");
      const article = await db.article.create({
        data: {
          sourceId: source.id,
          dedupKey: "derived",
          title: "T",
          bodyHtml: "<p>First <em>paragraph</em>.</p><p>Second &amp; last.</p>",
          bodyText: "a text the HTML does not say",
          publishedAt: when,
          fetchedAt: when,
          contentHash: "h",
        },
      });
      expect(article.bodyText).toBe("First paragraph.\n\nSecond & last.");
      await db.article.update({
        where: { id: article.id },
        data: { bodyHtml: "<p>Corrected.</p>", bodyText: "ignored" },
      });
      const read = await db.article.findUniqueOrThrow({
        where: { id: article.id },
        select: { bodyText: true },
      });
      expect(read.bodyText).toBe("Corrected.");
      await db.article.upsert({
        where: { id: article.id },
        create: {
          sourceId: source.id,
          dedupKey: "x",
          title: "T",
          bodyHtml: "",
          bodyText: "x",
          publishedAt: when,
          fetchedAt: when,
          contentHash: "h",
        },
        update: { bodyHtml: "<p>Upserted.</p>", bodyText: "ignored" },
      });
      expect((await db.article.findUniqueOrThrow({ where: { id: article.id } })).bodyText).toBe("Upserted.");
    });

  if (provider === "sqlite")
    it("write through the SQLite bulk writer exactly what Prisma's adapter writes, inside the client's transaction", async () => {
      const { db } = database;
      const source = await db.source.create({ data: { name: "Bulk writer" } });
      const when = new Date("2026-11-30T21:05:09.123Z");
      // Every kind of value an import binds: text, null, integer, boolean, date.
      const columns = [
        "sourceId",
        "dedupKey",
        "title",
        "summary",
        "bodyHtml",
        "author",
        "publishedAt",
        "dateEstimated",
        "fetchedAt",
        "updatedAt",
        "readingMinutes",
        "contentHash",
      ];
      const values = (key: string) => [
        source.id,
        key,
        "Tïtle “quoted”",
        null,
        "<p>Body</p>",
        null,
        when,
        true,
        when,
        when,
        3,
        "hash",
      ];
      const list = columns.map((c) => `"${c}"`).join(", ");
      await db.$transaction(async (tx) => {
        await tx.$executeRaw`INSERT INTO "Article" (${Prisma.raw(list)}) VALUES (${Prisma.join(values("prisma"))})`;
        const bulk = sqliteBulkWriter(db);
        expect(bulk).not.toBeNull();
        const returned = bulk!(
          `INSERT INTO "Article" (${list}) VALUES (${columns.map(() => "?").join(", ")}) RETURNING "dedupKey"`,
          values("bulk").map(sqliteValue),
        );
        expect(returned).toEqual([["bulk"]]);
      });
      const stored = (key: string) =>
        db.$queryRawUnsafe<Record<string, string>[]>(
          `SELECT ${columns
            .filter((c) => c !== "dedupKey")
            .map((c) => `typeof("${c}") || ':' || quote("${c}") AS "${c}"`)
            .join(", ")} FROM "Article" WHERE "dedupKey" = ?`,
          key,
        );
      const [viaPrisma] = await stored("prisma");
      expect(viaPrisma?.publishedAt).toBe("text:'2026-11-30T21:05:09.123+00:00'");
      expect(await stored("bulk")).toEqual([viaPrisma]);
      // Prisma reads the bulk-written row back as it reads its own.
      const read = await db.article.findFirst({ where: { dedupKey: "bulk" } });
      expect(read).toMatchObject({
        publishedAt: when,
        dateEstimated: true,
        summary: null,
        readingMinutes: 3,
      });

      // A statement run by the bulk writer inside a transaction that fails is rolled back with it.
      await expect(
        db.$transaction(async (tx) => {
          await tx.source.update({ where: { id: source.id }, data: { name: "Renamed" } });
          sqliteBulkWriter(db)!(
            `INSERT INTO "Article" (${list}) VALUES (${columns.map(() => "?").join(", ")})`,
            values("rolled back").map(sqliteValue),
          );
          throw new Error("abort");
        }),
      ).rejects.toThrow("abort");
      expect(await db.article.count({ where: { dedupKey: "rolled back" } })).toBe(0);
      expect((await db.source.findUniqueOrThrow({ where: { id: source.id } })).name).toBe("Bulk writer");
    });

  it("read rows as $queryRaw does, on SQLite past Prisma's client", async () => {
    const { db } = database;
    const source = await db.source.create({ data: { name: "Raw reads" } });
    const when = new Date("2026-12-03T08:30:00.250Z");
    const statement = Prisma.sql`SELECT "id", "name", "createdAt" IS NOT NULL AS "dated", ${BigInt(2) ** BigInt(60)} AS "big",
      ${1.5} AS "real", ${"text"} AS "text", ${when} AS "when", NULL AS "none" FROM "Source" WHERE "id" = ${source.id}`;
    const viaPrisma = await db.$queryRaw<Record<string, unknown>[]>(statement);
    const direct = await readRows<Record<string, unknown>>(db, statement);
    expect(direct).toHaveLength(1);
    // $queryRaw gives SQLite's integers as bigints; readRows gives numbers where they are exact.
    const numbered = (rows: Record<string, unknown>[]) =>
      rows.map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [
            k,
            typeof v === "bigint" && Number.isSafeInteger(Number(v)) ? Number(v) : v,
          ]),
        ),
      );
    expect(numbered(direct)).toEqual(numbered(viaPrisma));
    expect(direct[0]).toMatchObject({ id: source.id, name: "Raw reads", none: null });
    if (provider === "sqlite") {
      expect(direct[0]!.big).toBe(BigInt(2) ** BigInt(60));
      expect(typeof direct[0]!.id).toBe("number");
      expect(direct[0]!.real).toBe(1.5);
      // A date is bound as the adapter binds it: ISO 8601 text, as Prisma stores it.
      expect(direct[0]!.when).toBe("2026-12-03T08:30:00.250+00:00");
    }
  });

  if (provider === "sqlite")
    it("run a read the reading connection cannot prepare on the writing one, and report a bad one as Prisma does", async () => {
      const { db } = database;
      await db.$executeRawUnsafe(`CREATE TEMP TABLE "Scratch" ("x" INTEGER)`);
      await db.$executeRawUnsafe(`INSERT INTO temp."Scratch" ("x") VALUES (7)`);
      const rows = await db.$queryRawUnsafe<{ x: bigint | number }[]>(`SELECT "x" FROM temp."Scratch"`);
      expect(rows.map((r) => Number(r.x))).toEqual([7]);
      await expect(db.$queryRawUnsafe(`SELECT "nothing" FROM "NoSuchTable"`)).rejects.toMatchObject({
        code: "P2010",
      });
    });

  it("show a transaction's writes to other statements only once it commits, and keep theirs out of it", async () => {
    // On SQLite one process's statements share the adapter's connection: a page read while an admin's
    // "poll now" stores a feed must not see the feed half-stored, and a write meanwhile (a login's session)
    // must not be rolled back with it. PostgreSQL's pool gives each its own connection.
    const { db } = database;
    const names = ["Uncommitted feed", "Written meanwhile"];
    let begun!: () => void;
    const inside = new Promise<void>((resolve) => (begun = resolve));
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db
      .$transaction(async (tx) => {
        await tx.source.create({ data: { name: names[0]! } });
        begun();
        await held;
        throw new Error("the feed failed half-way");
      })
      .catch((error: unknown) => error);
    await inside;
    expect(await db.source.count({ where: { name: names[0] } })).toBe(0);
    const [counted] = await readRows<{ n: number | bigint }>(
      db,
      Prisma.sql`SELECT count(*) AS "n" FROM "Source" WHERE "name" = ${names[0]}`,
    );
    expect(Number(counted?.n)).toBe(0);
    const meanwhile = db.source.create({ data: { name: names[1]! } });
    release();
    expect(await transaction).toMatchObject({ message: "the feed failed half-way" });
    await meanwhile;
    const stored = await db.source.findMany({ where: { name: { in: names } }, select: { name: true } });
    expect(stored).toEqual([{ name: names[1] }]);
  });
  if (provider === "postgresql")
    it("never exceed DATABASE_POOL_SIZE, however many queries wait", async () => {
      const name = new URL(database.url).pathname.slice(1);
      let most = 0;
      const watching = (async () => {
        for (let i = 0; i < 20; i++) {
          const [row] = await database.db.$queryRawUnsafe<{ n: bigint }[]>(
            `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = '${name}'`,
          );
          most = Math.max(most, Number(row?.n ?? 0));
          await new Promise((r) => setTimeout(r, 20));
        }
      })();
      await Promise.all([
        watching,
        ...Array.from({ length: 4 * env.DATABASE_POOL_SIZE }, () =>
          database.db.$queryRawUnsafe("SELECT 1 AS done FROM pg_sleep(0.1)"),
        ),
      ]);
      expect(most).toBeGreaterThan(1);
      expect(most).toBeLessThanOrEqual(env.DATABASE_POOL_SIZE);
    });
});

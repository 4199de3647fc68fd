import { afterAll, beforeAll, expect, it } from "vitest";
import { providerOfDb, SQLITE_BUSY_TIMEOUT_MS, SQLITE_CACHE_MB } from "@/lib/db";
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

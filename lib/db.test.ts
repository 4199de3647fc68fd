import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SQLITE_BUSY_TIMEOUT_MS } from "@/lib/db";
import { createTestDatabase, type TestDatabase } from "@/lib/testing/databases";

describe("the SQLite connection", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase("sqlite");
  });
  afterAll(() => database.drop());

  it("runs in WAL mode with a busy timeout, so reads and the poller's writes do not block each other", async () => {
    const [mode] = await database.db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
    expect(mode?.journal_mode).toBe("wal");
    const [busy] = await database.db.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
    expect(Number(busy?.timeout)).toBe(SQLITE_BUSY_TIMEOUT_MS);
  });
});

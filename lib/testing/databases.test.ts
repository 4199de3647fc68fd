import { existsSync } from "node:fs";
import pg from "pg";
import { expect, test } from "vitest";
import { sqlitePath } from "@/lib/db";
import { createTestDatabase, describeEachProvider, testPostgresUrl, useTestDatabase } from "./databases";

async function postgresDatabaseExists(name: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: testPostgresUrl() });
  await client.connect();
  try {
    const result = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

async function databaseExists(provider: string, url: string): Promise<boolean> {
  return provider === "sqlite"
    ? existsSync(sqlitePath(url))
    : postgresDatabaseExists(new URL(url).pathname.slice(1));
}

await describeEachProvider("createTestDatabase", ({ provider }) => {
  test("creates a migrated database, writes through Prisma, and drops it", async () => {
    const test = await createTestDatabase(provider);
    try {
      expect(await databaseExists(provider, test.url)).toBe(true);
      const created = await test.db.source.create({
        data: { name: "Wire", feedUrl: "https://wire.example/feed.xml" },
      });
      const found = await test.db.source.findUniqueOrThrow({ where: { id: created.id } });
      expect(found).toMatchObject({
        name: "Wire",
        feedUrl: "https://wire.example/feed.xml",
        pollInterval: 1800,
      });
    } finally {
      await test.drop();
      await test.drop(); // a second drop is harmless
    }
    expect(await databaseExists(provider, test.url)).toBe(false);
  });

  test("gives each call its own database", async () => {
    const [a, b] = await Promise.all([createTestDatabase(provider), createTestDatabase(provider)]);
    try {
      expect(a.url).not.toBe(b.url);
      await a.db.source.create({ data: { name: "Only in a" } });
      expect(await b.db.source.count()).toBe(0);
    } finally {
      await Promise.all([a.drop(), b.drop()]);
    }
  });

  test("skips the migrations when asked", async () => {
    const bare = await createTestDatabase(provider, { migrate: false });
    try {
      await expect(bare.db.source.count()).rejects.toThrow();
    } finally {
      await bare.drop();
    }
  });
});

await describeEachProvider("useTestDatabase", ({ provider }) => {
  const t = useTestDatabase(provider);

  test("hands the suite one database across its tests", async () => {
    await t.db.source.create({ data: { name: "First" } });
    expect(t.provider).toBe(provider);
  });

  test("sees what an earlier test wrote", async () => {
    expect(await t.db.source.count()).toBe(1);
  });
});

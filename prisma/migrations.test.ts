// Proves the offline migration path (prisma.config.ts + prisma/engine/schema-engine.mjs) on fresh databases,
// for both providers, by running the real Prisma CLI. Also checks that the two schemas describe the same
// client. PostgreSQL tests need a server (TEST_POSTGRES_URL, default postgresql://postgres@127.0.0.1:5432/postgres):
// without one they are skipped, except under CI=true, where they fail.

import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { registerSqliteFunctions } from "@/lib/sqlite-functions";
import { schemaForDiff } from "./schema-for-diff";

type Provider = "sqlite" | "postgresql";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
const CLI_TEST_TIMEOUT = 60_000;

interface CliResult {
  code: number;
  output: string;
}

/** Runs the Prisma CLI from the repo root against `databaseUrl`; never throws on a non-zero exit. */
function prisma(databaseUrl: string, ...args: string[]): Promise<CliResult> {
  // Unset, so that prisma.config.ts picks the offline engine even where a native one is configured.
  const { PRISMA_SCHEMA_ENGINE_BINARY: _native, ...inherited } = process.env;
  const env = {
    ...inherited,
    DATABASE_URL: databaseUrl,
    CHECKPOINT_DISABLE: "1",
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [prismaCli, ...args],
      { cwd: root, env, timeout: 50_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, output: `$ prisma ${args.join(" ")}\n${stdout}${stderr}` });
      },
    );
  });
}

async function expectSuccess(result: Promise<CliResult>): Promise<string> {
  const { code, output } = await result;
  expect(code, output).toBe(0);
  return output;
}

function schemaPath(provider: Provider): string {
  return path.join("prisma", provider, "schema.prisma");
}

/** The table names the schema's models map to. */
function modelTables(provider: Provider): string[] {
  const text = readFileSync(path.join(root, schemaPath(provider)), "utf8");
  return [...text.matchAll(/^model\s+(\w+)\s*{([^}]*)}/gm)].map(
    ([, name, body]) => /@@map\("([^"]+)"\)/.exec(body ?? "")?.[1] ?? name ?? "",
  );
}

/** A provider's throwaway databases, and the few direct queries the tests make. */
interface TestDatabases {
  /** The URL of a database that does not exist yet; the CLI creates it. */
  freshUrl(): string;
  /** Creates an empty database and returns its URL. */
  createEmpty(): Promise<string>;
  tables(url: string): Promise<string[]>;
  execute(url: string, sql: string): Promise<void>;
  count(url: string, sql: string): Promise<number>;
  dropAll(): Promise<void>;
}

function sqliteDatabases(): TestDatabases {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-migrations-"));
  let next = 0;
  const file = (url: string) => url.slice("file:".length);
  const withDb = <T>(url: string, work: (db: Database.Database) => T): T => {
    const db = new Database(file(url));
    registerSqliteFunctions(db);
    try {
      return work(db);
    } finally {
      db.close();
    }
  };
  // better-sqlite3 is synchronous; the interface is not.
  const databases: TestDatabases = {
    freshUrl: () => `file:${path.join(dir, `test-${++next}.db`)}`,
    createEmpty: () => {
      const url = databases.freshUrl();
      withDb(url, () => undefined);
      return Promise.resolve(url);
    },
    tables: (url) =>
      Promise.resolve(
        withDb(url, (db) =>
          db
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
            .pluck()
            .all(),
        ) as string[],
      ),
    execute: (url, sql) => Promise.resolve(withDb(url, (db) => void db.exec(sql))),
    count: (url, sql) => Promise.resolve(withDb(url, (db) => Number(db.prepare(sql).pluck().get()))),
    dropAll: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
  return databases;
}

function postgresDatabases(adminUrl: string): TestDatabases {
  const prefix = `dispatch_test_${process.pid}_${Date.now().toString(36)}`;
  const created: string[] = [];
  let next = 0;
  const urlOf = (name: string) => {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const withClient = async <T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  const databases: TestDatabases = {
    freshUrl: () => {
      const name = `${prefix}_${++next}`;
      created.push(name);
      return urlOf(name);
    },
    createEmpty: async () => {
      const url = databases.freshUrl();
      await withClient(adminUrl, (client) =>
        client.query(`CREATE DATABASE "${new URL(url).pathname.slice(1)}"`),
      );
      return url;
    },
    tables: (url) =>
      withClient(url, async (client) => {
        const { rows } = await client.query<{ name: string }>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
        );
        return rows.map((row) => row.name);
      }),
    execute: (url, sql) => withClient(url, async (client) => void (await client.query(sql))),
    count: (url, sql) =>
      withClient(url, async (client) =>
        Number((await client.query({ text: sql, rowMode: "array" })).rows[0]?.[0]),
      ),
    dropAll: () =>
      withClient(adminUrl, async (client) => {
        for (const name of created) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      }),
  };
  return databases;
}

/** Why PostgreSQL cannot be used, or null when it answers. */
async function postgresProblem(adminUrl: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (error) {
    return `PostgreSQL does not answer at ${adminUrl.replace(/\/\/[^@]*@/, "//")}: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function migrationSuite(provider: Provider, databases: () => TestDatabases): void {
  const expectedTables = modelTables(provider);

  it(
    "migrate deploy applies every migration to a fresh database",
    { timeout: CLI_TEST_TIMEOUT },
    async () => {
      const url = databases().freshUrl();
      await expectSuccess(prisma(url, "migrate", "deploy"));
      expect(await databases().tables(url)).toEqual(
        expect.arrayContaining([...expectedTables, "_prisma_migrations"]),
      );
      expect(await expectSuccess(prisma(url, "migrate", "status"))).toContain(
        "Database schema is up to date",
      );
    },
  );

  it(
    "the migrations folder matches the schema (migrate diff --exit-code)",
    { timeout: CLI_TEST_TIMEOUT },
    async () => {
      // On PostgreSQL the engine creates its temporary shadow database through DATABASE_URL's server.
      const url = await databases().createEmpty();
      const migrations = path.join("prisma", provider, "migrations");
      const diff = await prisma(
        url,
        "migrate",
        "diff",
        "--from-migrations",
        migrations,
        "--to-schema",
        schemaForDiff(path.join(root, schemaPath(provider)), provider),
        "--exit-code",
      );
      expect(diff.code, `${diff.output}\nThe migrations do not produce the schema: add a migration.`).toBe(0);
      // Control: a non-empty diff exits 2. (The CLI exits 0 quietly if its engine dies, so 0 alone proves little.)
      const control = await prisma(
        url,
        "migrate",
        "diff",
        "--from-empty",
        "--to-schema",
        schemaPath(provider),
        "--exit-code",
      );
      expect(control.code, control.output).toBe(2);
    },
  );

  it("db push creates the schema in a fresh database", { timeout: CLI_TEST_TIMEOUT }, async () => {
    const url = databases().freshUrl();
    await expectSuccess(prisma(url, "db", "push"));
    expect(await databases().tables(url)).toEqual(expect.arrayContaining(expectedTables));
  });

  it(
    "migrate reset --force empties the database and migrate deploy accepts it again",
    { timeout: CLI_TEST_TIMEOUT },
    async () => {
      const url = databases().freshUrl();
      await expectSuccess(prisma(url, "migrate", "deploy"));
      await databases().execute(
        url,
        `INSERT INTO "Source" ("name", "updatedAt") VALUES ('reset me', CURRENT_TIMESTAMP)`,
      );

      await expectSuccess(prisma(url, "migrate", "reset", "--force"));
      expect(await databases().count(url, `SELECT count(*) FROM "Source"`)).toBe(0);
      const applied = `SELECT count(*) FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
      const migrationCount = await databases().count(url, applied);
      expect(migrationCount).toBeGreaterThan(0);

      expect(await expectSuccess(prisma(url, "migrate", "deploy"))).toContain(
        "No pending migrations to apply",
      );
      expect(await databases().count(url, applied)).toBe(migrationCount);
    },
  );
}

describe("SQLite migrations", () => {
  const databases = sqliteDatabases();
  afterAll(() => databases.dropAll());
  migrationSuite("sqlite", () => databases);
});

const postgresAdminUrl = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const postgresDown = await postgresProblem(postgresAdminUrl);
const skipPostgres = postgresDown !== null && process.env.CI !== "true";
if (skipPostgres)
  console.warn(`[prisma/migrations.test] skipping the PostgreSQL migration tests. ${postgresDown}`);

describe.skipIf(skipPostgres)(
  `PostgreSQL migrations${skipPostgres ? ` (skipped: ${postgresDown})` : ""}`,
  () => {
    let databases: TestDatabases | undefined;
    const get = (): TestDatabases => {
      if (postgresDown) throw new Error(`${postgresDown} (CI=true requires PostgreSQL)`);
      return (databases ??= postgresDatabases(postgresAdminUrl));
    };
    afterAll(() => databases?.dropAll());
    migrationSuite("postgresql", get);
  },
);

describe("the two schemas", () => {
  /**
   * What the generated clients expose: models and enums, their fields with types, and the attributes that
   * shape unique lookups. Provider-specific columns (Unsupported(...), e.g. a tsvector) and indexes may differ.
   */
  function clientShape(provider: Provider): Record<string, string[]> {
    const text = readFileSync(path.join(root, schemaPath(provider)), "utf8");
    const shape: Record<string, string[]> = {};
    for (const [, kind, name, body] of text.matchAll(/^(model|enum)\s+(\w+)\s*{([^}]*)}/gm)) {
      const members: string[] = [];
      for (const raw of (body ?? "").split("\n")) {
        const line = raw.replace(/\s\/\/.*$/, "").trim();
        if (!line || line.startsWith("//")) continue;
        if (line.startsWith("@@")) {
          if (/^@@(id|unique)\b/.test(line)) members.push(line.replace(/\s+/g, ""));
          continue;
        }
        if (kind === "enum") {
          members.push(line.split(/\s+/)[0] ?? "");
          continue;
        }
        const field = /^(\w+)\s+(Unsupported\("[^"]*"\)\??|\w+(?:\[\]|\?)?)(.*)$/.exec(line);
        if (!field)
          throw new Error(`${schemaPath(provider)}: cannot parse the line "${line}" in ${kind} ${name}`);
        const [, fieldName, type = "", attributes = ""] = field;
        if (type.startsWith("Unsupported(")) continue;
        const unique = ["@id", "@unique"].filter((attribute) =>
          new RegExp(`${attribute}\\b`).test(attributes),
        );
        members.push([fieldName, type, ...unique].join(" "));
      }
      shape[`${kind} ${name}`] = members.sort();
    }
    return shape;
  }

  it("declare the same models, fields and types", () => {
    const sqlite = clientShape("sqlite");
    expect(Object.keys(sqlite)).toContain("model Article");
    expect(clientShape("postgresql")).toEqual(sqlite);
  });
});

import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import Database from "better-sqlite3";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEARCH_TABLES } from "./external-tables";
import { registerSqliteFunctions } from "@/lib/sqlite-functions";
import { schemaForDiff } from "@/prisma/schema-for-diff";

const root = process.cwd();
const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the Prisma CLI without blocking this process (the PostgreSQL test serves the database from here). */
function prisma(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ status: number | null; output: string }> {
  const { NODE_OPTIONS: _ignored, ...rest } = process.env;
  return new Promise((resolve) => {
    const child = spawn(path.join(root, "node_modules/.bin/prisma"), args, {
      cwd: root,
      env: { ...rest, ...env },
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("close", (status) => resolve({ status, output }));
  });
}

describe("the SQLite search migration", () => {
  it("applies with prisma migrate deploy, and its triggers index new articles", async () => {
    const file = path.join(dir, "deploy.db");
    const deploy = await prisma(["migrate", "deploy"], { DATABASE_URL: `file:${file}` });
    expect(deploy.output).toContain("20261125100000_search");
    expect(deploy.status).toBe(0);

    const db = new Database(file);
    registerSqliteFunctions(db);
    db.exec(`INSERT INTO "Source" ("id", "name", "updatedAt") VALUES (1, 'S', '2026-11-25T00:00:00.000+00:00');
      INSERT INTO "Article" ("sourceId", "dedupKey", "title", "bodyHtml", "publishedAt", "fetchedAt", "updatedAt", "contentHash")
      VALUES (1, 'k', 'Glaciers retreat', '<p>Ice is <b>melting</b>.</p><p>Fast.</p>', '2026-11-25T07:00:00.000+00:00', '2026-11-25T07:00:00.000+00:00', '2026-11-25T07:00:00.000+00:00', 'h')`);
    // The body's text is not stored: a virtual generated column, the text of the HTML (lib/articles/body-text.ts).
    expect(db.prepare(`SELECT "bodyText" FROM "Article"`).pluck().get()).toBe("Ice is melting.\n\nFast.");
    const bodyText = (
      db.prepare(`PRAGMA table_xinfo("Article")`).all() as { name: string; hidden: number }[]
    ).find((c) => c.name === "bodyText");
    expect(bodyText?.hidden).toBe(2); // 2: a virtual generated column (3 would be stored)
    expect(() => db.exec(`UPDATE "Article" SET "bodyText" = 'x'`)).toThrow(/generated column/);
    const rows = db
      .prepare(
        `SELECT rowid >> 31 AS minute, rowid & 2147483647 AS id FROM "ArticleSearch" WHERE "ArticleSearch" MATCH 'glacier'`,
      )
      .all();
    expect(rows).toEqual([{ minute: Date.parse("2026-11-25T07:00:00Z") / 60_000, id: 1 }]);

    // The tables Prisma does not model are exactly the ones prisma.config.ts must declare external.
    const modelled = new Set([
      "Source",
      "Article",
      "ArticleCountry",
      "ArticleRegion",
      "Setting",
      "AdminSession",
      "LoginAttempt",
      "Story",
      "StoryTerm",
      "StoryKey",
      "DataVersion",
      "_prisma_migrations",
      "sqlite_sequence",
    ]);
    const tables = (
      db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((name) => !modelled.has(name))
      .sort();
    expect(tables).toEqual([...SEARCH_TABLES.sqlite].sort());

    // Titles or summaries in scripts written without spaces put an article in the substring index too.
    const insert = db.prepare(`INSERT INTO "Article" ("sourceId", "dedupKey", "title", "summary", "bodyHtml",
      "publishedAt", "fetchedAt", "updatedAt", "contentHash") VALUES (1, ?, ?, ?, ?, '2026-11-25T07:00:00.000+00:00',
      '2026-11-25T07:00:00.000+00:00', '2026-11-25T07:00:00.000+00:00', 'h')`);
    const titles = [
      "ข่าวไทย",
      "서울에서 회의",
      "東京の天気",
      "中国经济",
      "မြန်မာ",
      "ខ្មែរ",
      "ｶﾀｶﾅ",
      "हिन्दी समाचार",
      "العربية",
      "English — “quotes”",
    ];
    titles.forEach((title, i) => insert.run(`t${i}`, title, null, "Body."));
    insert.run("summary", "English title", "摘要：中国经济", "Body.");
    insert.run("body", "English title", "English summary", "Only the body quotes 中国经济.");
    const trigram = db
      .prepare(`SELECT "title", "summary" FROM "ArticleSearchTrigram" ORDER BY rowid`)
      .all() as { title: string; summary: string | null }[];
    expect(trigram.map((r) => r.summary ?? r.title)).toEqual([...titles.slice(0, 7), "摘要：中国经济"]);
    db.close();
  });

  it("leaves no drift for prisma migrate diff (prisma.config.ts declares the search tables external)", async () => {
    const diff = await prisma(
      [
        "migrate",
        "diff",
        "--from-migrations",
        "prisma/sqlite/migrations",
        "--to-schema",
        schemaForDiff(path.join(root, "prisma/sqlite/schema.prisma"), "sqlite"),
        "--exit-code",
      ],
      { DATABASE_URL: `file:${path.join(dir, "diff.db")}` },
    );
    expect(diff.output).toContain("No difference detected");
    expect(diff.status).toBe(0);
  });
});

describe("the SQLite migration that derives an article's text from its HTML", () => {
  it("keeps a stored article's text and word index: the same words found, the text now computed", () => {
    const folder = path.join(root, "prisma/sqlite/migrations");
    const migrations = readdirSync(folder)
      .filter((d) => existsSync(path.join(folder, d, "migration.sql")))
      .sort();
    const derived = migrations.indexOf("20261204000000_body_text_derived");
    expect(derived).toBeGreaterThan(0);
    const db = new Database(path.join(dir, "upgrade.db"));
    registerSqliteFunctions(db);
    const apply = (names: string[]) => {
      for (const name of names) db.exec(readFileSync(path.join(folder, name, "migration.sql"), "utf8"));
    };
    // An archive as the migration before finds it: the text stored beside the HTML.
    apply(migrations.slice(0, derived));
    db.exec(`INSERT INTO "Source" ("id", "name", "updatedAt") VALUES (1, 'S', '2026-11-25T00:00:00.000+00:00');
      INSERT INTO "Article" ("sourceId", "dedupKey", "title", "bodyHtml", "bodyText", "publishedAt", "fetchedAt", "updatedAt", "contentHash", "language")
      VALUES (1, 'k', 'Wohnungsbau', '<p>Neue <b>Wohnungen</b> &amp; Häuser.</p>', 'Neue Wohnungen & Häuser.', '2026-11-25T07:00:00.000+00:00', '2026-11-25T07:00:00.000+00:00', '2026-11-25T07:00:00.000+00:00', 'h', 'de')`);
    const matches = (q: string) =>
      db.prepare(`SELECT count(*) FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ?`).pluck().get(q);
    expect(matches("wohnung")).toBe(1);
    apply(migrations.slice(derived));
    expect(db.prepare(`SELECT "bodyText" FROM "Article"`).pluck().get()).toBe("Neue Wohnungen & Häuser.");
    expect(matches("wohnung")).toBe(1);
    // Edits and deletes take the old words out of the index (its 'delete' rows are stemmed from the HTML).
    db.exec(`UPDATE "Article" SET "bodyHtml" = '<p>Alte Brücken.</p>'`);
    expect([matches("wohnung"), matches("bruck")]).toEqual([0, 1]);
    expect(db.prepare(`SELECT "bodyText" FROM "Article"`).pluck().get()).toBe("Alte Brücken.");
    db.exec(`INSERT INTO "ArticleSearch" ("ArticleSearch") VALUES ('integrity-check')`);
    db.exec(`DELETE FROM "Article"`);
    expect(matches("bruck")).toBe(0);
    db.close();
  });
});

describe("the PostgreSQL search migration", () => {
  // PGlite cannot create the shadow database `--from-migrations` needs, so the migrations are deployed to it
  // and the live database is compared with the schema instead.
  let pg: PGlite;
  let server: PGLiteSocketServer;
  beforeAll(async () => {
    pg = await PGlite.create({ extensions: { unaccent } });
    server = new PGLiteSocketServer({ db: pg, host: "127.0.0.1", port: 0 });
    await server.start();
  });
  afterAll(async () => {
    await server.stop();
    await pg.close();
  });

  it("deploys and leaves no drift (prisma.config.ts declares the search table external)", async () => {
    const env = { DATABASE_URL: `postgresql://postgres@${server.getServerConn()}/postgres` };
    const deploy = await prisma(["migrate", "deploy"], env);
    expect(deploy.output).toContain("20261125100000_search");
    expect(deploy.status).toBe(0);
    const diff = await prisma(
      [
        "migrate",
        "diff",
        "--from-config-datasource",
        "--to-schema",
        "prisma/postgresql/schema.prisma",
        "--exit-code",
      ],
      env,
    );
    expect(diff.output).toContain("No difference detected");
    expect(diff.status).toBe(0);
    const indexed = await pg.query(`SELECT count(*)::int AS n FROM "ArticleSearch"`);
    expect(indexed.rows).toEqual([{ n: 0 }]);
  });
});

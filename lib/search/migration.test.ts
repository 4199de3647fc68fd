import Database from "better-sqlite3";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SEARCH_TABLES } from "./external-tables";

const root = process.cwd();
const prisma = path.join(root, "node_modules/.bin/prisma");
const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-migrate-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const { NODE_OPTIONS: _ignored, ...rest } = process.env;
  const result = spawnSync(prisma, args, { cwd: root, env: { ...rest, ...env }, encoding: "utf8", timeout: 60_000 });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("the search migration", () => {
  it("applies with prisma migrate deploy, and its triggers index new articles", () => {
    const file = path.join(dir, "deploy.db");
    const deploy = run(["migrate", "deploy"], { DATABASE_URL: `file:${file}` });
    expect(deploy.output).toContain("20261125100000_search");
    expect(deploy.status).toBe(0);

    const db = new Database(file);
    db.exec(`INSERT INTO "Source" ("id", "name", "updatedAt") VALUES (1, 'S', '2026-11-25T00:00:00.000+00:00');
      INSERT INTO "Article" ("sourceId", "dedupKey", "title", "bodyHtml", "bodyText", "publishedAt", "fetchedAt", "updatedAt", "contentHash")
      VALUES (1, 'k', 'Glaciers retreat', '', 'Ice is melting.', '2026-11-25T07:00:00.000+00:00', '2026-11-25T07:00:00.000+00:00', '2026-11-25T07:00:00.000+00:00', 'h')`);
    const rows = db.prepare(`SELECT rowid >> 31 AS minute, rowid & 2147483647 AS id FROM "ArticleSearch" WHERE "ArticleSearch" MATCH 'glacier'`).all();
    expect(rows).toEqual([{ minute: Date.parse("2026-11-25T07:00:00Z") / 60_000, id: 1 }]);

    // The tables Prisma does not model are exactly the ones prisma.config.ts must declare external.
    const modelled = new Set(["Source", "Article", "ArticleCountry", "ArticleRegion", "_prisma_migrations", "sqlite_sequence"]);
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[])
      .map((t) => t.name)
      .filter((name) => !modelled.has(name))
      .sort();
    expect(tables).toEqual([...SEARCH_TABLES.sqlite].sort());
    db.close();
  });

  it("leaves no drift for prisma migrate diff once the search tables are external", () => {
    // A config like prisma.config.ts plus `tables.external`; Prisma resolves `prisma/config` from its folder.
    const configDir = path.join(dir, "config");
    mkdirSync(configDir, { recursive: true });
    symlinkSync(path.join(root, "node_modules"), path.join(configDir, "node_modules"));
    writeFileSync(
      path.join(configDir, "prisma.config.ts"),
      `import { defineConfig } from "prisma/config";
export default defineConfig({
  experimental: { externalTables: true },
  tables: { external: ${JSON.stringify(SEARCH_TABLES.sqlite)} },
  schema: ${JSON.stringify(path.join(root, "prisma/sqlite/schema.prisma"))},
  migrations: { path: ${JSON.stringify(path.join(root, "prisma/sqlite/migrations"))} },
  datasource: { url: ${JSON.stringify(`file:${path.join(dir, "diff.db")}`)} },
});
`,
    );
    const diff = run(
      [
        "migrate",
        "diff",
        "--config",
        path.join(configDir, "prisma.config.ts"),
        "--from-migrations",
        "prisma/sqlite/migrations",
        "--to-schema",
        "prisma/sqlite/schema.prisma",
        "--exit-code",
      ],
      { PRISMA_SCHEMA_ENGINE_BINARY: path.join(root, "prisma/engine/schema-engine.mjs") },
    );
    expect(diff.output).toContain("No difference detected");
    expect(diff.status).toBe(0);
  });
});

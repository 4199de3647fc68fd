// Test helpers: a throwaway SQLite database with the real migrations applied.
import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb, type Db } from "@/lib/db";
import { registerSqliteFunctions } from "@/lib/sqlite-functions";

const MIGRATIONS = path.join(process.cwd(), "prisma/sqlite/migrations");

/** The SQLite migration scripts, oldest first. */
export function sqliteMigrations(): string[] {
  return readdirSync(MIGRATIONS, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
}

/**
 * A fresh database in a temporary directory with every migration applied directly (faster than the
 * Prisma CLI; migration.test.ts checks the CLI path), and a client for it.
 */
export function tempDatabase(): { url: string; file: string; db: Db; dispose: () => Promise<void> } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "dispatch-search-"));
  const file = path.join(dir, "test.db");
  const raw = new Database(file);
  registerSqliteFunctions(raw);
  for (const script of sqliteMigrations()) raw.exec(script);
  raw.close();
  const url = `file:${file}`;
  const db = createDb(url);
  return {
    url,
    file,
    db,
    dispose: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

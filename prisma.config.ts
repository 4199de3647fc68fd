import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";

// Prisma CLI configuration. One schema and one migrations folder per provider (Prisma refuses
// `provider = env(...)`); DATABASE_URL picks the pair:
//   unset or file:...              -> prisma/sqlite      (default file:./data/dispatch.db)
//   postgres:// or postgresql://   -> prisma/postgresql
//
// Relative SQLite paths are relative to the repository root, which is also the app's working directory
// (lib/db.ts resolves them against process.cwd()). They are made absolute here so that the CLI and the
// schema engine, which run in other directories, open the same file.

const root = path.dirname(fileURLToPath(import.meta.url));

const DEFAULT_SQLITE_URL = "file:./data/dispatch.db";
const url = process.env.DATABASE_URL || DEFAULT_SQLITE_URL;
const provider = providerOf(url);

// Prisma's native schema engine is downloaded from a host our machines cannot reach; this executable runs
// the WebAssembly engine instead (see docs/migrations.md). Anyone with the native binary can still set it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma/engine/schema-engine.mjs");

export default defineConfig({
  schema: path.join(root, "prisma", provider, "schema.prisma"),
  migrations: { path: path.join(root, "prisma", provider, "migrations") },
  datasource: {
    url: provider === "sqlite" ? absoluteSqliteUrl(url) : url,
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});

function providerOf(databaseUrl: string): "sqlite" | "postgresql" {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${databaseUrl.split(":")[0]}:...")`);
}

function absoluteSqliteUrl(databaseUrl: string): string {
  const [file = "", query] = databaseUrl.slice("file:".length).split("?", 2);
  if (file === ":memory:") return databaseUrl;
  const absolute = path.resolve(root, file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  return `file:${absolute}${query ? `?${query}` : ""}`;
}

import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "prisma/config";
import { SEARCH_TABLES } from "./lib/search/external-tables";

// Prisma CLI configuration. One schema and one migrations folder per provider (Prisma refuses
// `provider = env(...)`); DATABASE_URL picks the pair:
//   unset or file:...              -> prisma/sqlite      (default file:./data/dispatch.db)
//   postgres:// or postgresql://   -> prisma/postgresql
//
// Relative SQLite paths are relative to the repository root, which is also the app's working directory
// (lib/db.ts resolves them against process.cwd()). They are made absolute here, so that the CLI and the
// schema engine, which run in other directories, open the same file.
//
// Prisma 7 does not read .env files: DATABASE_URL comes from the environment.

type Provider = "sqlite" | "postgresql";

const root = path.dirname(fileURLToPath(import.meta.url));
const url = process.env.DATABASE_URL?.trim() || "file:./data/dispatch.db";
const provider = providerOf(url);

// Tables that hand-written migrations create and Prisma must leave alone. Prisma's SQLite describer lists an
// FTS5 virtual table and its shadow tables (<name>_config, _data, _docsize, _idx, and _content unless the
// table uses content=...) as ordinary tables: unlisted, `migrate diff` reports them and `migrate dev` drops
// them. PostgreSQL names must be schema-qualified ("public.name"). See docs/migrations.md.
const externalTables: Record<Provider, string[]> = {
  sqlite: [...SEARCH_TABLES.sqlite],
  postgresql: [...SEARCH_TABLES.postgresql],
};

// Prisma's native schema engine is downloaded from a host our machines cannot reach; this executable runs
// the WebAssembly engine instead (see docs/migrations.md). Anyone with the native binary can still set it.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma/engine/schema-engine.mjs");

export default defineConfig({
  schema: path.join(root, "prisma", provider, "schema.prisma"),
  migrations: { path: path.join(root, "prisma", provider, "migrations") },
  datasource: {
    // No shadowDatabaseUrl: the engine creates a temporary shadow database (in memory on SQLite).
    url: provider === "sqlite" ? absoluteSqliteUrl(url) : url,
  },
  ...(externalTables[provider].length > 0
    ? { experimental: { externalTables: true }, tables: { external: externalTables[provider] } }
    : {}),
});

function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(
    `DATABASE_URL must start with file:, postgres:// or postgresql:// (got "${databaseUrl.split(":")[0]}:…")`,
  );
}

/** `file:./x.db` -> `file:/repo/x.db`, creating the directory (a fresh clone has no data/). */
function absoluteSqliteUrl(databaseUrl: string): string {
  const [file = "", query] = databaseUrl.slice("file:".length).split("?", 2);
  if (file === ":memory:") return databaseUrl;
  const absolute = path.resolve(root, file);
  mkdirSync(path.dirname(absolute), { recursive: true });
  return `file:${absolute}${query ? `?${query}` : ""}`;
}

// The shared search tests on PostgreSQL: PGlite (PostgreSQL compiled to WebAssembly) behind a socket
// server, reached through the app's own Prisma client and pg adapter.
import { PGlite } from "@electric-sql/pglite";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { PrismaPg } from "@prisma/adapter-pg";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/lib/db";
import { PrismaClient } from "@/lib/generated/postgresql/client";
import { searchSuite } from "./search-suite";

searchSuite("PostgreSQL", async () => {
  const pg = await PGlite.create({ extensions: { unaccent } });
  const dir = path.join(process.cwd(), "prisma/postgresql/migrations");
  for (const name of readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    await pg.exec(readFileSync(path.join(dir, name, "migration.sql"), "utf8"));
  }
  const server = new PGLiteSocketServer({ db: pg, host: "127.0.0.1", port: 0 });
  await server.start();
  const db = new PrismaClient({
    adapter: new PrismaPg({
      connectionString: `postgresql://postgres@${server.getServerConn()}/postgres`,
      max: 1,
    }),
  }) as unknown as Db;
  return {
    db,
    provider: "postgresql",
    dispose: async () => {
      await db.$disconnect();
      await server.stop();
      await pg.close();
    },
  };
});

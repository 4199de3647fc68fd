import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, test } from "vitest";
import { createDb, type Db } from "@/lib/db";
import { redactUrl } from "@/lib/db-copy";

/** The database families the suite runs against. */
export type Provider = "sqlite" | "postgresql";
export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];

/** A throwaway, fully migrated database and a client for it. */
export interface TestDatabase {
  provider: Provider;
  url: string;
  db: Db;
  /** Disconnects and deletes the database; safe to call twice. */
  drop(): Promise<void>;
}

const root = fileURLToPath(new URL("../../", import.meta.url));
const prismaBin = path.join(root, "node_modules", ".bin", "prisma");
const run = promisify(execFile);

/** The PostgreSQL server tests use, as an admin URL (its database is only used to create and drop others). */
export function testPostgresUrl(): string {
  return process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";
}

/** Applies the provider's migrations with the project's own `prisma migrate deploy`; throws with the CLI's output. */
export async function migrateDatabase(url: string): Promise<void> {
  try {
    await run(prismaBin, ["migrate", "deploy"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url },
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { code?: number | string; stdout?: string; stderr?: string; message?: string };
    const output = `${e.stdout ?? ""}${e.stderr ?? ""}`.trim() || e.message || String(error);
    throw new Error(`prisma migrate deploy failed for ${redactUrl(url)} (exit ${e.code ?? "?"}):\n${output}`);
  }
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testPostgresUrl(), connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates an empty database (a file in a temporary folder for SQLite, `dispatch_test_<random>` on the
 * TEST_POSTGRES_URL server for PostgreSQL), applies the migrations unless `migrate: false`, and returns a client.
 */
export async function createTestDatabase(
  provider: Provider,
  options: { migrate?: boolean } = {},
): Promise<TestDatabase> {
  let url: string;
  let remove: () => Promise<void>;
  if (provider === "sqlite") {
    const dir = await mkdtemp(path.join(os.tmpdir(), "dispatch-test-"));
    url = `file:${path.join(dir, "test.db")}`;
    remove = () => rm(dir, { recursive: true, force: true });
  } else {
    const name = `dispatch_test_${randomBytes(6).toString("hex")}`;
    await withAdminClient((client) => client.query(`CREATE DATABASE "${name}"`));
    const parsed = new URL(testPostgresUrl());
    parsed.pathname = `/${name}`;
    url = parsed.toString();
    remove = () =>
      withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(
        () => {},
      );
  }
  try {
    if (options.migrate !== false) await migrateDatabase(url);
  } catch (error) {
    await remove();
    throw error;
  }
  const db = createDb(url);
  let dropped: Promise<void> | undefined;
  return {
    provider,
    url,
    db,
    drop: () => (dropped ??= db.$disconnect().then(remove)),
  };
}

const probes = new Map<string, Promise<string | null>>();

/** Connects to `url` with a short timeout; null when it answers, else why not. Probed once per URL and process. */
function probePostgres(url: string): Promise<string | null> {
  let probe = probes.get(url);
  if (!probe) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    probe = client
      .connect()
      .then(() => client.query("SELECT 1"))
      .then(
        () => null,
        (error: unknown) => (error instanceof Error ? error.message || error.name : String(error)),
      )
      .finally(() => client.end().catch(() => {}));
    probes.set(url, probe);
  }
  return probe;
}

function missingPostgresMessage(reason: string): string {
  return (
    `PostgreSQL is required when CI=true, but no server answered at ${redactUrl(testPostgresUrl())} (${reason}). ` +
    "Start PostgreSQL 15+ there, or point TEST_POSTGRES_URL at a server whose user may CREATE DATABASE."
  );
}

/**
 * Declares `body` once per provider, as suites named "<name> [sqlite]" and "<name> [postgresql]". Await it at
 * the top of a test file. Without a PostgreSQL server its suite is reported as skipped; under CI=true it
 * instead holds one failing test that says why.
 */
export async function describeEachProvider(
  name: string,
  body: (ctx: { provider: Provider }) => void,
): Promise<void> {
  const postgresProblem = await probePostgres(testPostgresUrl());
  const ci = process.env.CI === "true";
  for (const provider of PROVIDERS) {
    const missing = provider === "postgresql" && postgresProblem !== null;
    describe.skipIf(missing && !ci)(`${name} [${provider}]`, () => {
      if (missing && ci) {
        test("PostgreSQL server is reachable", () => {
          throw new Error(missingPostgresMessage(postgresProblem));
        });
        return;
      }
      body({ provider });
    });
  }
}

/**
 * Gives the enclosing suite its own database: created in beforeAll, dropped in afterAll. Read `db` and `url`
 * inside hooks and tests, not while the suite is being declared.
 */
export function useTestDatabase(
  provider: Provider,
  options: { migrate?: boolean } = {},
): Omit<TestDatabase, "drop"> {
  let current: TestDatabase | undefined;
  beforeAll(async () => {
    current = await createTestDatabase(provider, options);
  });
  afterAll(async () => {
    await current?.drop();
  });
  const get = (): TestDatabase => {
    if (!current)
      throw new Error("useTestDatabase: the database exists only inside hooks and tests of its suite");
    return current;
  };
  return {
    provider,
    get url() {
      return get().url;
    },
    get db() {
      return get().db;
    },
  };
}

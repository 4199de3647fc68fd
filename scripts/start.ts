/**
 * `npm start`: prepares the database (creates it, applies migrations, imports the sample content once),
 * builds the app when the sources changed since the last build, then serves the production app on PORT
 * with one web server process per core (scripts/serve.mjs; DISPATCH_WORKERS sets the count).
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { availableParallelism } from "node:os";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env, providerOf } from "@/lib/env";

const root = process.cwd();
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const say = (line: string) => console.log(`[dispatch] ${line}`);

/** Environment for child processes, without this process's react-server resolution condition. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _ignored, ...rest } = process.env;
  return { ...rest, DATABASE_URL: env.DATABASE_URL, ...extra };
}

function run(cmd: string, args: string[], what: string, extraEnv: Record<string, string> = {}): void {
  const result = spawnSync(cmd, args, {
    cwd: root,
    env: childEnv(extraEnv),
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout ?? "");
    process.stderr.write(result.stderr ?? "");
    say(`${what} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

const BUILD_INPUTS = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "proxy.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package-lock.json",
];

/** A fingerprint of everything `next build` reads, so a stale build is rebuilt and a current one is reused. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!existsSync(p)) return;
    const info = statSync(p);
    if (info.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
        visit(path.join(p, name));
      }
    } else {
      hash.update(path.relative(root, p)).update(readFileSync(p));
    }
  };
  for (const input of BUILD_INPUTS) visit(path.join(root, input));
  return hash.digest("hex");
}

/**
 * Why SQLite could not keep its database (and its -wal and -shm files) in `dir`, or null when it can:
 * creates the directory if it is missing, then writes and removes a probe file (a permission check would
 * pass for root on a read-only mount).
 */
function unwritableDirectory(dir: string): string | null {
  const probe = path.join(dir, `.dispatch-write-check-${process.pid}`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(probe, "");
    rmSync(probe);
    return null;
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const why: Record<string, string> = {
      EACCES: "permission denied",
      EPERM: "operation not permitted",
      EROFS: "the file system is read-only",
      ENOTDIR: "a part of the path is a file, not a directory",
      EEXIST: "a part of the path is a file, not a directory",
      ENOENT: "the directory does not exist and cannot be created",
      ENOSPC: "the disk is full",
    };
    return (code && why[code]) ?? message.split("\n")[0] ?? String(error);
  }
}

/** True when the SQLite database exists and has applied every migration in prisma/sqlite/migrations. */
async function sqliteUpToDate(): Promise<boolean> {
  const { sqlitePath } = await import("@/lib/db");
  const file = sqlitePath(env.DATABASE_URL);
  if (!existsSync(file)) return false;
  const wanted = readdirSync(path.join(root, "prisma", "sqlite", "migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const { default: Database } = await import("better-sqlite3");
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = sqlite
      .prepare(
        `SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
      .all() as { name: string }[];
    const applied = new Set(rows.map((r) => r.name));
    return wanted.every((name) => applied.has(name));
  } catch {
    return false;
  } finally {
    sqlite.close();
  }
}

async function main(): Promise<void> {
  const provider = providerOf(env.DATABASE_URL);
  if (provider === "sqlite") {
    const { sqlitePath } = await import("@/lib/db");
    const file = sqlitePath(env.DATABASE_URL);
    const problem = unwritableDirectory(path.dirname(file));
    if (problem) {
      say(
        `Cannot use the database directory ${path.dirname(file)}: ${problem}. Set DATABASE_URL to a writable place.`,
      );
      process.exit(1);
    }
    say(`${existsSync(file) ? "Using" : "Creating"} SQLite database ${path.relative(root, file) || file}`);
  } else {
    say("Using PostgreSQL database from DATABASE_URL");
  }

  if (provider === "sqlite" && (await sqliteUpToDate())) {
    // The schema engine cannot open a SQLite file that another instance holds open in WAL mode, so a
    // restart beside a running instance (or `npm run poll`) only migrates when something is pending.
    say("Database migrations are up to date.");
  } else {
    say("Applying database migrations…");
    run(bin("prisma"), ["migrate", "deploy"], "Applying migrations");
  }

  const { db } = await import("@/lib/db");
  const { importSampleContent } = await import("@/lib/ingest/sample");
  if (!env.DISPATCH_SAMPLE_CONTENT) {
    say("Sample content disabled (DISPATCH_SAMPLE_CONTENT=0).");
  } else if ((await db.article.count()) === 0) {
    say("Importing sample content…");
    const reports = await importSampleContent(db);
    const added = reports.reduce((n, r) => n + (r.status === "imported" ? r.counts.new : 0), 0);
    for (const r of reports)
      if (r.status === "rejected") say(`  skipped ${path.relative(root, r.file)}: ${r.reason}`);
    say(`Imported ${added} sample articles.`);
  } else {
    say("Database already has articles; sample content not imported again.");
  }
  await db.$disconnect();

  const stampFile = path.join(root, ".next", "dispatch-build-fingerprint");
  const fingerprint = sourceFingerprint();
  const built =
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(stampFile) &&
    readFileSync(stampFile, "utf8") === fingerprint;
  if (built) {
    say("Production build is up to date.");
  } else {
    say("Building the app (first start or sources changed)…");
    run(bin("next"), ["build"], "next build", { NEXT_TELEMETRY_DISABLED: "1" });
    writeFileSync(stampFile, fingerprint);
  }

  const workers = env.DISPATCH_WORKERS ?? availableParallelism();
  say(
    `Serving on http://localhost:${env.PORT} with ${workers} web server process${workers === 1 ? "" : "es"}`,
  );
  const server = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], {
    cwd: root,
    env: childEnv({
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(env.PORT),
      DISPATCH_WORKERS: String(workers),
    }),
    stdio: "inherit",
  });

  // The scheduler runs here, beside the server, so stopping is ours to order: on SIGTERM the feeds in
  // progress finish (their leases are released) while the server shuts down, then the process exits.
  const stop = new AbortController();
  let polling: Promise<unknown> = Promise.resolve();
  if (env.DISPATCH_POLL) {
    const [{ createDb }, { runScheduler }, { logger }] = await Promise.all([
      import("@/lib/db"),
      import("@/lib/ingest/scheduler"),
      import("@/lib/logger"),
    ]);
    const pollDb = createDb();
    say("Polling due feeds in this process (DISPATCH_POLL=off to leave it to npm run poll).");
    polling = runScheduler(pollDb, { signal: stop.signal, logger })
      .catch((error: unknown) =>
        say(`Polling stopped: ${error instanceof Error ? error.message : String(error)}`),
      )
      .finally(() => pollDb.$disconnect());
  } else {
    say("Polling is off (DISPATCH_POLL=off): run npm run poll beside this server to keep feeds current.");
  }
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stop.signal.aborted) process.exit(130);
      stop.abort();
      server.kill(signal);
    });
  }
  server.on("exit", (code, signal) => {
    stop.abort();
    void polling.finally(() => process.exit(code ?? (signal ? 0 : 1)));
  });
}

main().catch((error: unknown) => {
  say(`Start failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

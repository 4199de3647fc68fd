#!/usr/bin/env node
// Offline stand-in for Prisma's native `schema-engine` binary.
//
// The Prisma CLI downloads that binary from Prisma's own host, which our machines and CI cannot reach.
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY at this file, and the CLI then spawns it wherever it
// would spawn the native engine. This program speaks the same protocol (JSON-RPC 2.0 over stdin/stdout, the
// `cli ...` subcommands, `--version`) and does the work with the WebAssembly build of the engine
// (@prisma/schema-engine-wasm) running on our own driver adapters (better-sqlite3, pg).
//
// The wasm engine and the adapters disagree in a few places; each workaround below is marked "Workaround N"
// and docs/migrations.md explains them. Stdout carries protocol messages only: diagnostics go to stderr.
// Set SCHEMA_ENGINE_DEBUG=1 to log every SQL statement the engine sends (shown with `prisma --debug`, or
// run the engine by hand).

import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { createInterface } from "node:readline";

const require = createRequire(import.meta.url);
const debugSql = process.env.SCHEMA_ENGINE_DEBUG === "1";
const logSql = (kind, sql) => console.error(`[schema-engine] ${kind}: ${sql.replace(/\s+/g, " ").trim()}`);

/** Same code and message as the native engine's error responses; the CLI reads `data`. */
const RPC_ERROR_CODE = 4466;

// ---------------------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels") args.datamodels.push(argv[++i]);
    else if (arg === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") i++;
    else if (arg === "cli") {
      args.cli = argv[i + 1];
      break;
    }
  }
  return args;
}

function providerOf(url) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new EngineError(
    `Unsupported datasource URL "${redact(url)}": expected file: or postgres(ql)://`,
    "P1013",
  );
}

/** The provider declared in the schema files, for commands that run without a datasource URL. */
function providerOfSchemas(datamodels) {
  for (const [, text] of datamodels) {
    const match = /datasource\s+\w+\s*{[^}]*provider\s*=\s*"(\w+)"/.exec(text);
    if (match) return match[1] === "postgres" ? "postgresql" : match[1];
  }
  return "sqlite";
}

/**
 * The file behind a SQLite URL. prisma.config.ts hands us absolute paths; a relative one resolves against
 * the working directory, as in the app.
 */
function sqlitePath(url) {
  const file = url.replace(/^file:/, "").replace(/\?.*$/, "");
  return file === ":memory:" ? file : path.resolve(file);
}

/** The URL form adapter-better-sqlite3 opens (it drops "file:" and takes the rest as the path). */
function sqliteUrl(url) {
  return `file:${sqlitePath(url)}`;
}

function redact(url) {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, "//$1:***@");
}

class EngineError extends Error {
  constructor(message, errorCode = null, meta = null) {
    super(message);
    this.errorCode = errorCode;
    this.meta = meta;
  }
}

// ---------------------------------------------------------------------------------------------------------
// The WebAssembly engine

async function loadWasmEngine() {
  // Node 20 cannot `import` a .wasm file, so instantiate it by hand, the way the package's own entry would.
  // The glue reports Rust panics through this global.
  globalThis.PRISMA_WASM_PANIC_REGISTRY = {
    message: "",
    get() {
      return this.message;
    },
    set_message(message) {
      this.message = message;
    },
  };
  const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const glue = await import(gluePath);
  const bytes = readFileSync(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start?.();
  return glue;
}

// ---------------------------------------------------------------------------------------------------------
// Driver adapters, with the workarounds the wasm engine needs

const MIGRATIONS_TABLE_COLUMNS = [
  ["id", "Text"],
  ["checksum", "Text"],
  ["finished_at", "DateTime"],
  ["migration_name", "Text"],
  ["logs", "Text"],
  ["rolled_back_at", "DateTime"],
  ["started_at", "DateTime"],
  ["applied_steps_count", "Int64"],
];

/**
 * The schema calls JavaScript functions each connection registers (lib/sqlite-functions.ts: the search
 * index's `dispatch_stem`, the generated `bodyText` column's `dispatch_text`), so migrations that read or
 * write articles (or rebuild the index) need them here too. The
 * adapter keeps its better-sqlite3 connection in `client`.
 */
async function registerSqliteFunctions(adapter) {
  const { tsImport } = await import("tsx/esm/api");
  const { registerSqliteFunctions: register } = await tsImport(
    "../../lib/sqlite-functions.ts",
    import.meta.url,
  );
  if (!adapter.client?.function)
    throw new EngineError("@prisma/adapter-better-sqlite3 no longer exposes its connection");
  register(adapter.client);
}

/**
 * The adapter factory handed to the wasm engine, and the connections it has opened (so that `reset` can use
 * the engine's own SQLite connection, which holds an exclusive lock, and so that exit can close them cleanly).
 */
async function createAdapters(provider, datasource) {
  const { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } =
    await import("@prisma/driver-adapter-utils");
  const connections = new Set();
  const track = async (role, connecting) => {
    const connected = await connecting;
    if (provider === "sqlite") await registerSqliteFunctions(connected);
    const connection = tweakAdapter(connected, provider, ColumnTypeEnum);
    const dispose = connection.dispose;
    connection.role = role;
    connection.dispose = () => {
      connections.delete(connection);
      return dispose();
    };
    connections.add(connection);
    return connection;
  };

  // The native engine wipes a configured shadow database before each use; this one does not, so it always
  // uses a temporary one.
  if (datasource?.shadowDatabaseUrl) {
    throw new EngineError(
      "shadowDatabaseUrl is not supported by the offline engine: remove it from prisma.config.ts.",
    );
  }

  let main;
  let connectToShadowDb;
  if (provider === "sqlite") {
    const { PrismaBetterSqlite3 } = await import("@prisma/adapter-better-sqlite3");
    main = new PrismaBetterSqlite3({ url: sqliteUrl(datasource?.url ?? "file::memory:") });
    const shadow = new PrismaBetterSqlite3({ url: ":memory:" });
    connectToShadowDb = () => shadow.connect();
  } else {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    await readCharColumnsAsText();
    // Without a URL (e.g. `migrate diff --from-empty --to-schema`) nothing connects: pg pools are lazy.
    main = new PrismaPg({ connectionString: datasource?.url ?? "postgresql://localhost/postgres" });
    connectToShadowDb = () => connectToPgShadowDb(datasource);
  }

  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: main.provider,
    adapterName: main.adapterName,
    connect: () => track("main", main.connect()),
    connectToShadowDb: () => track("shadow", connectToShadowDb()),
  });
  return { factory, connections, connectMain: () => track("main", main.connect()) };
}

/**
 * Wraps a connected adapter before it is bound for the engine. The binder copies only these members, so a
 * plain object that forwards them is enough.
 */
function tweakAdapter(adapter, provider, ColumnTypeEnum) {
  const queryRaw = async (query) => {
    if (debugSql) logSql("query", query.sql);
    let result;
    try {
      result = await adapter.queryRaw(query);
    } catch (error) {
      // Workaround 1: a missing _prisma_migrations table means "no migrations yet", as in the native engine;
      // the wasm engine turns the adapter's TableDoesNotExist into a hard P1014 on every fresh database.
      if (
        error?.cause?.kind === "TableDoesNotExist" &&
        /^\s*SELECT\b[\s\S]*\b_prisma_migrations\b/i.test(query.sql)
      ) {
        return {
          columnNames: MIGRATIONS_TABLE_COLUMNS.map(([name]) => name),
          columnTypes: MIGRATIONS_TABLE_COLUMNS.map(([, type]) => ColumnTypeEnum[type]),
          rows: [],
        };
      }
      throw error;
    }
    // Workaround 3, second half: after a reset, SQLite keeps its internal sqlite_sequence table (it cannot
    // be dropped), and `migrate deploy` would call the database "not empty" (P3005). The native engine
    // truncates the file instead. Leave that table out of the list of tables the check reads.
    if (provider === "sqlite" && result.columnNames.length === 1 && result.columnNames[0] === "table_name") {
      return { ...result, rows: result.rows.filter(([name]) => name !== "sqlite_sequence") };
    }
    return result;
  };

  const executeRaw = async (query) => {
    if (debugSql) logSql("execute", query.sql);
    try {
      return await adapter.executeRaw(query);
    } catch (error) {
      // Workaround 2: the SQLite shadow database receives whole migration scripts through executeRaw, and
      // better-sqlite3 prepares one statement at a time. executeScript runs a script.
      if (
        provider === "sqlite" &&
        query.args.length === 0 &&
        /more than one statement/.test(error?.message)
      ) {
        await adapter.executeScript(query.sql);
        return 0;
      }
      throw error;
    }
  };

  const executeScript = async (script) => {
    if (debugSql) logSql("script", script);
    if (provider === "sqlite") return adapter.executeScript(script);
    // Workaround 6: adapter-pg splits scripts on every ";", which breaks migrations with semicolons inside
    // strings, comments or function bodies. Send the script whole, as the native engine does: the simple
    // query protocol runs several statements (in one implicit transaction).
    try {
      await adapter.underlyingDriver().query(script);
    } catch (error) {
      adapter.onError(error);
    }
  };

  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw,
    executeRaw,
    executeScript,
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    ...(adapter.getConnectionInfo && { getConnectionInfo: () => adapter.getConnectionInfo() }),
    dispose: () => adapter.dispose(),
  };
}

/**
 * Workaround 4: the PostgreSQL schema describer reads pg_catalog columns of type "char" (OID 18), which
 * adapter-pg refuses to deserialize. In this process only, report them as text (OID 25): the values are
 * one-character strings either way.
 */
async function readCharColumnsAsText() {
  const { default: pg } = await import("pg");
  const addFields = pg.Result.prototype.addFields;
  pg.Result.prototype.addFields = function (fields) {
    for (const field of fields) if (field.dataTypeID === 18) field.dataTypeID = 25;
    return addFields.call(this, fields);
  };
}

/**
 * Workaround 5: adapter-pg's connectToShadowDb passes `{connectionString, database}` to pg, where the
 * connection string wins, so its "shadow" database is the main one. Create a uniquely named database and
 * connect to it by URL instead; drop it on dispose.
 */
async function connectToPgShadowDb(datasource) {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  if (!datasource?.url)
    throw new EngineError("A PostgreSQL shadow database needs a datasource URL (DATABASE_URL).");

  const name = `prisma_migrate_shadow_db_${globalThis.crypto.randomUUID().replaceAll("-", "")}`;
  const admin = await new PrismaPg({ connectionString: datasource.url }).connect();
  await admin.executeScript(`CREATE DATABASE "${name}"`);
  const shadowUrl = new URL(datasource.url);
  shadowUrl.pathname = `/${name}`;
  const shadow = await new PrismaPg({ connectionString: shadowUrl.toString() }).connect();
  const dispose = shadow.dispose.bind(shadow);
  shadow.dispose = async () => {
    await dispose();
    await admin.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.dispose();
  };
  return shadow;
}

// ---------------------------------------------------------------------------------------------------------
// JSON-RPC server

function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

/** Starts the wasm engine on our adapters. `call` answers one request; `close` closes the connections. */
async function startEngine(args) {
  const datamodels = args.datamodels.map((file) => [file, readFileSync(file, "utf8")]);
  const provider = args.datasource?.url ? providerOf(args.datasource.url) : providerOfSchemas(datamodels);
  const { SchemaEngine } = await loadWasmEngine();
  const adapters = await createAdapters(provider, args.datasource);
  const log = (line) => process.stderr.write(line.endsWith("\n") ? line : `${line}\n`);
  // An empty list makes the engine panic on commands that bring their own schema (`migrate diff`).
  const engine = await SchemaEngine.new(
    { datamodels: datamodels.length ? datamodels : undefined },
    log,
    adapters.factory,
  );

  // Workaround 7: evaluateDataLoss and createMigration get no shadow database in the wasm engine; they read
  // the schema of the migration history from a cache that diagnoseMigrationHistory fills, keyed by the
  // migrations applied to the database. `migrate dev` on a database that was behind (a fresh one) misses it.
  // On that error, fill the cache now that the migrations are applied, and retry.
  const withHistorySchema = (method) => async (params) => {
    try {
      return await engine[method](params);
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/.test(errorDetails(error).message))
        throw error;
      const { migrationsList, filters } = params;
      await engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
      return engine[method](params);
    }
  };

  let nextPrintId = 1;
  const overrides = {
    evaluateDataLoss: withHistorySchema("evaluateDataLoss"),
    createMigration: withHistorySchema("createMigration"),
    getDatabaseVersion: (params) => engine.version(params),
    reset: async (params) => {
      if (provider === "sqlite") await dropSqliteSchema(adapters);
      return engine.reset(params);
    },
    diff: async (params) => {
      const result = await engine.diff(params);
      // The native engine sends its output to the CLI as a `print` request before answering; so do we.
      if (result.stdout) {
        send({
          jsonrpc: "2.0",
          id: `print-${nextPrintId++}`,
          method: "print",
          params: { content: result.stdout },
        });
      }
      return result;
    },
  };

  const call = (method, params) => {
    const run = overrides[method] ?? engine[method]?.bind(engine);
    if (!run) throw new EngineError(`Unknown method ${method}`);
    return run(params ?? {});
  };
  const close = async () => {
    for (const connection of adapters.connections) await connection.dispose().catch(() => {});
  };
  return { call, close };
}

/**
 * Answers JSON-RPC requests from stdin, one at a time, in order; lines without a method are the CLI's answers
 * to our prints. The CLI closes stdin when it is done: close the connections (SQLite then removes its
 * journal) and exit 0.
 *
 * The CLI fails quietly (exit 0, or a hang) when the engine process dies, so failures are always sent as
 * error responses: a startup error or a Rust panic, which can surface outside any awaited call from a wasm
 * task, becomes the answer to the request in flight and to every later one, and the exit code is then 101.
 */
function serve(args) {
  let fatal;
  let inFlight;
  const fail = (request, error) => send({ jsonrpc: "2.0", id: request.id, error: rpcError(error) });

  let panicked;
  process.on("uncaughtException", (error) => {
    fatal ??= error;
    logError(errorDetails(error).message);
    if (inFlight) fail(inFlight, error);
    inFlight = undefined;
    panicked();
  });
  const ready = Promise.race([
    startEngine(args).catch((error) => {
      fatal ??= error;
      logError(errorDetails(error).message);
    }),
    new Promise((resolve) => (panicked = resolve)),
  ]);

  const handle = async (request) => {
    const engine = await ready;
    if (fatal) return fail(request, fatal);
    inFlight = request;
    try {
      const result = await engine.call(request.method, request.params);
      if (inFlight === request) send({ jsonrpc: "2.0", id: request.id, result: result ?? {} });
    } catch (error) {
      if (inFlight === request) fail(request, error);
    }
    inFlight = undefined;
  };

  let queue = Promise.resolve();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    const message = JSON.parse(line);
    if (!message.method) return;
    // After a panic the request in flight never settles: answer at once instead of queueing behind it.
    if (fatal) fail(message, fatal);
    else queue = queue.then(() => handle(message));
  });
  lines.on("close", async () => {
    if (fatal) process.exit(101);
    await queue;
    await (await ready)?.close();
    process.exit(0);
  });
}

function rpcError(error) {
  const details = errorDetails(error);
  return {
    code: RPC_ERROR_CODE,
    // The CLI shows `message` for panics and `data.message` otherwise.
    message: details.isPanic
      ? `Schema engine panicked: ${details.message}`
      : "An error happened. Check the data field for details.",
    data: {
      is_panic: details.isPanic,
      message: details.message,
      meta: details.meta,
      error_code: details.errorCode,
    },
  };
}

/** Normalizes what the wasm engine throws (a JS error or a plain object) and our own errors. */
function errorDetails(error) {
  if (error instanceof EngineError) {
    return { isPanic: false, message: error.message, meta: error.meta, errorCode: error.errorCode };
  }
  if (error instanceof WebAssembly.RuntimeError) {
    const message = globalThis.PRISMA_WASM_PANIC_REGISTRY.get() || error.message;
    return { isPanic: true, message, meta: null, errorCode: null };
  }
  const message = error?.message ?? String(error);
  return {
    isPanic: Boolean(error?.is_panic),
    message,
    meta: error?.meta ?? null,
    errorCode: error?.error_code ?? error?.code ?? null,
  };
}

/**
 * Workaround 3: on SQLite the wasm engine's reset only deletes rows. Like the native engine, leave an empty
 * database: drop every view and table, through the engine's own connection when it has one (that connection
 * holds an exclusive lock). sqlite_sequence cannot be dropped; see the table list filter in tweakAdapter.
 */
async function dropSqliteSchema(adapters) {
  const open = [...adapters.connections].find((connection) => connection.role === "main");
  const db = open ?? (await adapters.connectMain());
  try {
    const { rows } = await db.queryRaw({
      // Views first, then virtual tables (an FTS5 table drops its own shadow tables), then the rest.
      sql: `SELECT type, name FROM sqlite_master WHERE type IN ('view', 'table') AND name NOT LIKE 'sqlite_%'
            ORDER BY type = 'view' DESC, sql LIKE 'CREATE VIRTUAL TABLE%' DESC`,
      args: [],
      argTypes: [],
    });
    const drops = rows.map(
      ([type, name]) => `DROP ${type.toUpperCase()} IF EXISTS "${name.replaceAll('"', '""')}";`,
    );
    await db.executeScript(`PRAGMA foreign_keys = OFF;\n${drops.join("\n")}\nPRAGMA foreign_keys = ON;`);
  } finally {
    if (!open) await db.dispose();
  }
}

// ---------------------------------------------------------------------------------------------------------
// `cli can-connect-to-database | create-database | drop-database`

async function runCliCommand(command, datasource) {
  const url = datasource?.url;
  if (!url) throw new EngineError("The datasource has no URL.");
  const provider = providerOf(url);
  const commands = provider === "sqlite" ? sqliteCommands : postgresCommands;
  const run = commands[command];
  if (!run) throw new EngineError(`Unknown cli command: ${command}`);
  await run(url);
}

const sqliteCommands = {
  "can-connect-to-database": async (url) => {
    const file = sqlitePath(url);
    if (file !== ":memory:" && !existsSync(file)) {
      throw new EngineError(`Database ${path.basename(file)} does not exist at ${file}`, "P1003");
    }
  },
  "create-database": async (url) => {
    const file = sqlitePath(url);
    if (file === ":memory:") return;
    mkdirSync(path.dirname(file), { recursive: true });
    const { default: Database } = await import("better-sqlite3");
    new Database(file).close();
  },
  "drop-database": async (url) => {
    const file = sqlitePath(url);
    for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  },
};

const postgresCommands = {
  "can-connect-to-database": (url) => withPgClient(url, (client) => client.query("SELECT 1")),
  "create-database": (url) =>
    withPgClient(maintenanceUrl(url), (client) =>
      client.query(`CREATE DATABASE ${quoteIdent(databaseName(url))}`),
    ),
  "drop-database": (url) =>
    withPgClient(maintenanceUrl(url), (client) =>
      client.query(`DROP DATABASE ${quoteIdent(databaseName(url))}`),
    ),
};

function databaseName(url) {
  return decodeURIComponent(new URL(url).pathname.slice(1)) || "postgres";
}

/** The same server, database `postgres`: where CREATE/DROP DATABASE can run. */
function maintenanceUrl(url) {
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  return maintenance.toString();
}

function quoteIdent(name) {
  return `"${name.replaceAll('"', '""')}"`;
}

async function withPgClient(url, work) {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    await work(client);
  } catch (error) {
    throw pgConnectionError(error, url);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Maps pg errors to the codes the CLI understands (it creates the database on P1003). */
function pgConnectionError(error, url) {
  const where = new URL(url);
  const host = `${where.hostname}:${where.port || 5432}`;
  const database = databaseName(url);
  switch (error.code) {
    case "3D000":
      return new EngineError(
        `Database \`${database}\` does not exist on the database server at \`${host}\`.`,
        "P1003",
      );
    case "28P01":
    case "28000":
      return new EngineError(`Authentication failed against the database server at \`${host}\`.`, "P1000");
    case "42P04":
      return new EngineError(
        `Database \`${database}\` already exists on the database server at \`${host}\``,
        "P1009",
      );
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return new EngineError(`Can't reach database server at \`${host}\``, "P1001");
    default:
      return error instanceof EngineError ? error : new EngineError(error.message);
  }
}

// ---------------------------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    const { version } = JSON.parse(
      readFileSync(
        path.join(
          path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
          "package.json",
        ),
      ),
    );
    console.log(`schema-engine-wasm ${version} (offline engine, prisma/engine/schema-engine.mjs)`);
    return;
  }
  if (args.cli) {
    try {
      await runCliCommand(args.cli, args.datasource);
      process.exit(0);
    } catch (error) {
      // The CLI skips the first stderr line and reads the error code from the JSON log line that follows.
      const { message, errorCode } = errorDetails(error);
      console.error(`schema-engine: ${args.cli} failed`);
      logError(message, errorCode);
      process.exit(1);
    }
  }
  serve(args);
}

/** An error line in the native engine's log format; the CLI reads these from stderr. */
function logError(message, errorCode = null) {
  const fields = errorCode ? { error_code: errorCode, message } : { message };
  console.error(JSON.stringify({ level: "ERROR", target: "schema_engine::logger", fields }));
}

main().catch((error) => {
  logError(error?.stack ?? String(error));
  process.exit(1);
});

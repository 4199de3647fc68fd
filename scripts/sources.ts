/**
 * `npm run sources -- add <feed-url> [--name N] [--interval 15m]`, `sources list [--json]`, `sources remove <id>`.
 * Manages the feeds `npm run poll` keeps up to date.
 */
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db";
import {
  addSource,
  DEFAULT_INTERVAL_SECONDS,
  formatInterval,
  listSources,
  parseFeedUrl,
  parseInterval,
  parseSourceId,
  removeSource,
  SourceInputError,
  type SourceListing,
} from "@/lib/ingest/sources";

const usage = `Usage:
  npm run sources -- add <feed-url> [--name <name>] [--interval <interval>]
      subscribe to a feed; interval as seconds (900) or with a unit (90s, 15m, 1h, 1h30m, 1d),
      between 1m and 7d (default ${formatInterval(DEFAULT_INTERVAL_SECONDS)}); the name defaults to the feed's host
  npm run sources -- list [--json]
      every source: id, name, feed URL, interval, last fetched, failures and last error
  npm run sources -- remove <id>
      delete a source together with its articles`;

/** Exits 2 for bad usage, with the usage text when the command line itself is wrong. */
function fail(message: string, showUsage = true): never {
  console.error(`sources: ${message}${showUsage ? `\n\n${usage}` : ` (npm run sources -- --help)`}`);
  process.exit(2);
}

function when(date: Date | null): string {
  return date ? date.toISOString().replace(/\.\d{3}Z$/, "Z") : "never";
}

function printTable(sources: SourceListing[]): void {
  if (sources.length === 0) {
    console.log("No sources. Add one with: npm run sources -- add <feed-url>");
    return;
  }
  const rows = sources.map((s) => [
    String(s.id),
    s.name,
    s.feedUrl ?? "(imported files)",
    s.feedUrl ? formatInterval(s.pollInterval) : "-",
    s.feedUrl ? when(s.lastFetchedAt) : "-",
    String(s.articles),
    s.failureCount > 0 ? `${s.failureCount}: ${s.lastError ?? ""}` : "0",
  ]);
  const header = ["ID", "NAME", "FEED URL", "INTERVAL", "LAST FETCHED", "ARTICLES", "FAILURES"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  for (const row of [header, ...rows]) {
    // The last column (the error) is not padded so a long message does not widen every line.
    console.log(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  "));
  }
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        name: { type: "string" },
        interval: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = args;
  const [command, ...rest] = positionals;
  if (values.help || command === "help") {
    console.log(usage);
    return;
  }

  // Arguments are checked before the database is opened, so a typo never waits on a connection.
  let run: (db: ReturnType<typeof createDb>) => Promise<void>;
  try {
    if (command === "add") {
      if (rest.length !== 1) fail("add takes one feed URL");
      const feedUrl = parseFeedUrl(rest[0] ?? "");
      const pollInterval = values.interval === undefined ? undefined : parseInterval(values.interval);
      run = async (db) => {
        const source = await addSource(db, { feedUrl, name: values.name, pollInterval });
        if (values.json) console.log(JSON.stringify(source));
        else
          console.log(
            `Added source ${source.id} "${source.name}" (${source.feedUrl}), polled every ${formatInterval(source.pollInterval)}.`,
          );
      };
    } else if (command === "list") {
      if (rest.length > 0) fail("list takes no arguments");
      run = async (db) => {
        const sources = await listSources(db);
        if (values.json) console.log(JSON.stringify(sources));
        else printTable(sources);
      };
    } else if (command === "remove") {
      if (rest.length !== 1) fail("remove takes one source id");
      const id = parseSourceId(rest[0] ?? "");
      run = async (db) => {
        const removed = await removeSource(db, id);
        if (values.json) console.log(JSON.stringify(removed));
        else
          console.log(
            `Removed source ${removed.id} "${removed.name}" and its ${removed.articles} article${removed.articles === 1 ? "" : "s"}.`,
          );
      };
    } else {
      fail(command === undefined ? "give a command: add, list or remove" : `unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof SourceInputError) fail(error.message, false);
    throw error;
  }

  const db = createDb();
  try {
    await run(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      `sources: ${error instanceof SourceInputError ? reason : `cannot use the database: ${reason}`}`,
    );
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}

void main();

/**
 * `npm run db:copy -- --from <url> --to <url> [--batch-size N] [--json]`
 * Copies sources, articles and their tags from one Dispatch database to another (e.g. SQLite -> PostgreSQL).
 */
import { parseArgs } from "node:util";
import cliProgress from "cli-progress";
import { createDb, type Db } from "@/lib/db";
import {
  checkDatabase,
  copyDatabase,
  databaseUrlProblem,
  DatabaseNotReadyError,
  DEFAULT_BATCH_SIZE,
  redactUrl,
  sameDatabase,
  type CopySummary,
} from "@/lib/db-copy";

const usage = `Usage: npm run db:copy -- --from <database url> --to <database url> [options]
  --from <url>          database to read: file:./data/dispatch.db or postgresql://user:pass@host:5432/db
  --to <url>            database to add to; it must be migrated first:
                        DATABASE_URL=<url> npx prisma migrate deploy
  --batch-size <n>      articles per transaction (default ${DEFAULT_BATCH_SIZE})
  --json                print the summary as JSON
Running it again copies only what the target lacks.`;

function fail(message: string): never {
  console.error(`db:copy: ${message}\n\n${usage}`);
  process.exit(2);
}

function summaryLine(s: CopySummary, seconds: number): string {
  return (
    `copied ${s.sources.copied} sources (${s.sources.matched} already there), ` +
    `${s.articles.copied} articles (${s.articles.skipped} already there), ` +
    `${s.countries} country tags, ${s.regions} region tags in ${seconds.toFixed(1)} s`
  );
}

function createBar(enabled: boolean) {
  if (!enabled) return null;
  return new cliProgress.SingleBar(
    {
      format: "db:copy {bar} {value}/{total} articles | {copied} copied, {skipped} already there",
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        from: { type: "string" },
        to: { type: "string" },
        "batch-size": { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values } = args;
  if (values.help) {
    console.log(usage);
    return;
  }
  const { from, to } = values;
  if (!from) fail("--from is required");
  if (!to) fail("--to is required");
  for (const [option, url] of [
    ["--from", from],
    ["--to", to],
  ] as const) {
    const problem = databaseUrlProblem(url);
    if (problem) fail(`${option}: ${problem}`);
  }
  if (sameDatabase(from, to)) fail("--from and --to name the same database");
  const batchSize = values["batch-size"] === undefined ? DEFAULT_BATCH_SIZE : Number(values["batch-size"]);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    fail(`--batch-size must be a whole number from 1 to 10000 (got "${values["batch-size"]}")`);
  }

  const started = performance.now();
  const bar = createBar(!values.json && process.stdout.isTTY);
  const dbs: Db[] = [];
  try {
    const source = createDb(from);
    const target = createDb(to);
    dbs.push(source, target);
    await checkDatabase(from, source, "source");
    await checkDatabase(to, target, "target");
    const summary = await copyDatabase(source, target, {
      batchSize,
      onStart: (total) => bar?.start(total, 0, { copied: 0, skipped: 0 }),
      onBatch: (s, processed) =>
        bar?.update(processed, { copied: s.articles.copied, skipped: s.articles.skipped }),
    });
    bar?.stop();
    const seconds = (performance.now() - started) / 1000;
    if (values.json)
      console.log(
        JSON.stringify({
          from: redactUrl(from),
          to: redactUrl(to),
          ...summary,
          seconds: Number(seconds.toFixed(3)),
        }),
      );
    else console.log(`${redactUrl(from)} -> ${redactUrl(to)}: ${summaryLine(summary, seconds)}`);
  } catch (error) {
    bar?.stop();
    if (error instanceof DatabaseNotReadyError) console.error(`db:copy: ${error.message}`);
    else
      console.error(
        `db:copy: the copy stopped: ${error instanceof Error ? error.message : String(error)}\nWhat was committed stays; run the same command again to resume.`,
      );
    process.exitCode = 1;
  } finally {
    await Promise.all(dbs.map((db) => db.$disconnect()));
  }
}

void main();

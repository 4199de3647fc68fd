/**
 * `npm run ingest -- <file|folder|url>... [--source-name N] [--source-url U] [--url U] [--date D] [--json]`
 * Imports plain-text articles, feeds (RSS, Atom, RDF, JSON Feed) and OPML lists once.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { env, providerOf } from "@/lib/env";
import { statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { startThreadReader, type ThreadReader } from "@/lib/ingest/read-thread";
import type { IngestSummary } from "@/lib/ingest/run";
import { isUrlInput } from "@/lib/ingest/targets";

const usage = `Usage: npm run ingest -- <file|folder|url>... [options]
  --source-name <name>  source of plain-text articles (default "Imported articles")
  --source-url <url>    that source's site
  --url <url>           link to the original (one plain-text article)
  --date <date>         publication date of plain-text articles (ISO 8601); default: now, marked estimated
  --json                print the summary as JSON
  --single-thread       read, parse and tag on the main thread too (by default, with several inputs and
                        a second core, a worker thread reads the next inputs while one is stored)`;

function isDirectory(p: string): boolean {
  return statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

function fail(message: string): never {
  console.error(`ingest: ${message}\n\n${usage}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        "source-name": { type: "string" },
        "source-url": { type: "string" },
        url: { type: "string" },
        date: { type: "string" },
        json: { type: "boolean", default: false },
        "single-thread": { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = args;
  if (values.help) {
    console.log(usage);
    return;
  }
  if (positionals.length === 0) fail("give at least one file, folder or feed URL");
  let publishedAt: Date | undefined;
  if (values.date !== undefined) {
    publishedAt = new Date(values.date);
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.date) || Number.isNaN(publishedAt.getTime())) {
      fail(`--date "${values.date}" is not a valid ISO 8601 date (e.g. 2023-10-27 or 2023-10-27T14:30:00Z)`);
    }
  }
  for (const option of ["source-url", "url"] as const) {
    const value = values[option];
    if (value !== undefined && !URL.canParse(value)) fail(`--${option} "${value}" is not an absolute URL`);
  }

  const readOptions = {
    sourceName: values["source-name"],
    sourceUrl: values["source-url"] ?? null,
    url: values.url ?? null,
    publishedAt,
  };
  // With a second core, the next inputs are parsed, tagged and (for SQLite's word index) stemmed on a worker
  // thread while this one is stored.
  const several = positionals.length > 1 || positionals.some((p) => !isUrlInput(p) && isDirectory(p));
  const reader: ThreadReader | null =
    availableParallelism() > 1 && several && !values["single-thread"]
      ? startThreadReader({ ...readOptions, stems: providerOf(env.DATABASE_URL) === "sqlite" })
      : null;
  // The reading thread starts (loading the app's modules, a second or so) while this one loads its own.
  const [
    { createDb },
    { runIngest },
    { BULK_LOAD_ARTICLES, optimizeSearchIndex, pauseSearchIndexMerges },
    { createProgress },
  ] = await Promise.all([
    import("@/lib/db"),
    import("@/lib/ingest/run"),
    import("@/lib/search/optimize"),
    import("./progress"),
  ]);
  const db = createDb();
  const progress = values.json ? null : createProgress("ingest");
  let summary: IngestSummary;
  try {
    // Several inputs may be a bulk load: the word index merges its segments once, at the end (optimize.ts).
    const resumeMerges = several ? await pauseSearchIndexMerges(db) : null;
    try {
      summary = await runIngest(db, positionals, {
        ...readOptions,
        reader: reader?.read,
        onStart: (total) => progress?.start(total),
        onResult: (report, counts) => progress?.update(report, counts),
      });
    } finally {
      await resumeMerges?.();
    }
    // A bulk load leaves the SQLite word index in many segments that every search reads: merge them now.
    if (summary.counts.new + summary.counts.updated >= BULK_LOAD_ARTICLES) await optimizeSearchIndex(db);
  } catch (error) {
    progress?.stop();
    console.error(
      `ingest: cannot use the database: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  } finally {
    await reader?.close();
    await db.$disconnect();
  }
  progress?.stop();
  if (values.json) {
    console.log(JSON.stringify(summary));
  } else {
    for (const r of summary.reports) {
      if (r.status === "rejected")
        console.log(
          `rejected ${isUrlInput(r.file) ? r.file : path.relative(process.cwd(), r.file) || r.file}: ${r.reason}`,
        );
    }
    const c = summary.counts;
    console.log(
      `${summary.reports.length} inputs: ${c.new} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.failed} failed, ${c.subscribed} feeds subscribed`,
    );
  }
  if (summary.reports.length > 0 && summary.reports.every((r) => r.status === "rejected"))
    process.exitCode = 1;
}

void main();

/**
 * `npm run poll [-- --once] [--json] [--concurrency N]`
 * Polls every feed at its own interval until stopped (Ctrl-C or SIGTERM finish the feeds in progress,
 * then exit), or each feed once with --once. Exits non-zero only when nothing could be done.
 */
import { parseArgs } from "node:util";
import { createDb } from "@/lib/db";
import { DEFAULT_CONCURRENCY, pollSources, type PollResult, type PollSummary } from "@/lib/ingest/poll";
import { createProgress } from "./progress";

const usage = `Usage: npm run poll -- [options]
  --once             poll every feed once, due or not, then exit (default: keep polling until stopped)
  --json             print the summary as JSON
  --concurrency <n>  feeds fetched at the same time (default ${DEFAULT_CONCURRENCY})`;

function fail(message: string, code: number): never {
  console.error(`poll: ${message}${code === 2 ? `\n\n${usage}` : ""}`);
  process.exit(code);
}

function describe(s: PollSummary): string {
  const feeds = `${s.polls} feed${s.polls === 1 ? "" : "s"} polled`;
  const articles = `${s.new} new, ${s.updated} updated, ${s.unchanged} unchanged articles`;
  const polls = `${s.notModified} not modified, ${s.failed} failed, ${s.busy} busy elsewhere${s.errors ? `, ${s.errors} database errors` : ""}`;
  return `${feeds}: ${articles}; ${polls}`;
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({
      options: {
        once: { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        concurrency: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error), 2);
  }
  const { values } = args;
  if (values.help) {
    console.log(usage);
    return;
  }
  const concurrency = values.concurrency === undefined ? DEFAULT_CONCURRENCY : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) {
    fail(`--concurrency "${values.concurrency}" is not a whole number between 1 and 64`, 2);
  }

  const stop = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (stop.signal.aborted) process.exit(130);
      console.error("poll: stopping after the feeds in progress (again to quit at once)");
      stop.abort();
    });
  }

  const db = createDb();
  const progress = values.json ? null : createProgress("poll");
  let failures: string[] = [];
  const started = Date.now();
  let summary: PollSummary;
  try {
    summary = await pollSources(db, {
      once: values.once,
      signal: stop.signal,
      concurrency,
      onRoundStart: (total) => {
        failures = [];
        if (total > 0) progress?.start(total);
      },
      onResult: (result: PollResult, totals) => {
        if (result.status === "failed") failures.push(`failed ${result.feedUrl}: ${result.reason}`);
        if (result.status === "error")
          failures.push(`database error for source ${result.sourceId}: ${result.reason}`);
        progress?.update(result, { ...totals, failed: totals.failed + totals.errors });
      },
      onRoundEnd: (round) => {
        if (round.polls === 0) return;
        progress?.stop();
        if (values.json) return;
        for (const line of failures) console.log(line);
        // A long-running poller leaves one line per round in its log when stdout is not a terminal.
        if (!values.once && !process.stdout.isTTY)
          console.log(`${new Date().toISOString()} ${describe(round)}`);
      },
    });
  } catch (error) {
    progress?.stop();
    fail(`cannot use the database: ${error instanceof Error ? error.message : String(error)}`, 1);
  } finally {
    await db.$disconnect();
  }

  if (values.json) console.log(JSON.stringify({ ...summary, durationMs: Date.now() - started }));
  else if (summary.rounds > 0 && summary.polls === 0 && values.once)
    console.log("No feeds to poll. Add one with: npm run sources -- add <feed-url>");
  else console.log(describe(summary));
  if (summary.polls > 0 && summary.errors === summary.polls) process.exitCode = 1;
}

void main();

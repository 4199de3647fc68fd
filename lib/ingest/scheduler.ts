import "server-only";
import type { Logger } from "pino";
import { providerOfDb, type Db } from "@/lib/db";
import { resumeSearchIndexMerges } from "@/lib/search/optimize";
import { emptyPollSummary, pollSources, type PollRunOptions, type PollSummary } from "./poll";

/** The setting that records when a scheduler (any instance's) last finished a round. */
export const SCHEDULER_LAST_RUN_KEY = "scheduler.lastRunAt";

/**
 * The in-process scheduler `npm start` runs: polls due feeds until `signal` aborts, under the same
 * per-source leases as `npm run poll`, so any number of instances can run it without fetching a feed
 * twice. Logs one line per feed polled and records each round's end for the admin page's health line.
 * Resolves when stopped (the feeds in progress are finished, leases released).
 */
export async function runScheduler(
  db: Db,
  opts: { signal: AbortSignal; logger: Logger } & Pick<
    PollRunOptions,
    "maxSleepMs" | "concurrency" | "owner"
  >,
): Promise<PollSummary> {
  const { logger } = opts;
  const recordRound = () =>
    db.setting
      .upsert({
        where: { key: SCHEDULER_LAST_RUN_KEY },
        create: { key: SCHEDULER_LAST_RUN_KEY, value: new Date().toISOString() },
        update: { value: new Date().toISOString() },
      })
      .catch((error: unknown) => logger.warn({ err: error }, "scheduler: could not record the round"));
  // A bulk load killed before it ended leaves the SQLite word index's merges paused (lib/search/optimize.ts).
  await resumeSearchIndexMerges(db, providerOfDb(db)).catch((error: unknown) =>
    logger.warn({ err: error }, "scheduler: could not restore the word index's merge settings"),
  );
  for (;;) {
    try {
      return await pollSources(db, {
        signal: opts.signal,
        maxSleepMs: opts.maxSleepMs,
        concurrency: opts.concurrency,
        owner: opts.owner,
        onResult: (result) => {
          switch (result.status) {
            case "fetched":
              logger.info(
                {
                  sourceId: result.sourceId,
                  feedUrl: result.feedUrl,
                  ...result.counts,
                  skipped: result.skipped,
                },
                `poll: fetched ${result.feedUrl}: ${result.counts.new} new, ${result.counts.updated} updated`,
              );
              break;
            case "not-modified":
              logger.info(
                { sourceId: result.sourceId, feedUrl: result.feedUrl },
                `poll: ${result.feedUrl} not modified`,
              );
              break;
            case "failed":
              logger.warn(
                {
                  sourceId: result.sourceId,
                  feedUrl: result.feedUrl,
                  reason: result.reason,
                  retryAt: result.retryAt,
                },
                `poll: ${result.feedUrl} failed: ${result.reason}`,
              );
              break;
            case "busy":
              logger.debug({ sourceId: result.sourceId }, "poll: source busy elsewhere");
              break;
            case "error":
              logger.error(
                { sourceId: result.sourceId, reason: result.reason },
                `poll: database error for source ${result.sourceId}: ${result.reason}`,
              );
              break;
          }
        },
        onRoundEnd: () => void recordRound(),
      });
    } catch (error) {
      // The database was unreachable when a run started: say so once, wait, and try again.
      logger.error({ err: error }, "scheduler: cannot read the sources; retrying in a minute");
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 60_000);
        opts.signal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
      });
      if (opts.signal.aborted) return emptyPollSummary();
    }
  }
}

import "server-only";
import type { Db } from "@/lib/db";
import { discoverFeeds, type FoundFeed } from "@/lib/ingest/discover";
import { pollSource, type PollResult } from "@/lib/ingest/poll";
import { SCHEDULER_LAST_RUN_KEY } from "@/lib/ingest/scheduler";
import { addSource, SourceInputError } from "@/lib/ingest/sources";

/** Days the sparkline covers. */
export const SPARKLINE_DAYS = 30;
/** A source failing for longer than this is flagged on the admin page. */
export const FAILING_FLAG_MS = 24 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** One source as the admin page shows it. */
export interface SourceOverview {
  id: number;
  name: string;
  feedUrl: string | null;
  siteUrl: string | null;
  pollInterval: number;
  lastFetchedAt: Date | null;
  nextFetchAt: Date | null;
  lastStatus: number | null;
  failureCount: number;
  lastError: string | null;
  failingSince: Date | null;
  /** Failing for more than a day. */
  failingLong: boolean;
  paused: boolean;
  articles: number;
  articlesLastWeek: number;
  /** Articles published per day, oldest first, SPARKLINE_DAYS long (today last). */
  perDay: number[];
}

/** The admin page's data: every source with its figures, and when a scheduler last finished a round. */
export interface SourcesOverview {
  sources: SourceOverview[];
  schedulerLastRunAt: Date | null;
  failingLong: number;
}

function startOfUtcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

/** Reads every source with its article counts; the per-day counts are grouped in SQL, one query per day. */
export async function sourcesOverview(db: Db, now: Date = new Date()): Promise<SourcesOverview> {
  const firstDay = new Date(startOfUtcDay(now).getTime() - (SPARKLINE_DAYS - 1) * DAY_MS);
  const weekAgo = new Date(now.getTime() - 7 * DAY_MS);
  const [rows, lastWeek, days, lastRun] = await Promise.all([
    db.source.findMany({
      orderBy: { id: "asc" },
      select: {
        id: true,
        name: true,
        feedUrl: true,
        siteUrl: true,
        pollInterval: true,
        lastFetchedAt: true,
        nextFetchAt: true,
        lastStatus: true,
        failureCount: true,
        lastError: true,
        failingSince: true,
        pausedAt: true,
        _count: { select: { articles: true } },
      },
    }),
    db.article.groupBy({
      by: ["sourceId"],
      where: { publishedAt: { gte: weekAgo } },
      _count: { _all: true },
    }),
    Promise.all(
      Array.from({ length: SPARKLINE_DAYS }, (_, d) =>
        db.article.groupBy({
          by: ["sourceId"],
          where: {
            publishedAt: {
              gte: new Date(firstDay.getTime() + d * DAY_MS),
              lt: new Date(firstDay.getTime() + (d + 1) * DAY_MS),
            },
          },
          _count: { _all: true },
        }),
      ),
    ),
    db.setting.findUnique({ where: { key: SCHEDULER_LAST_RUN_KEY }, select: { value: true } }),
  ]);
  const weekCounts = new Map(lastWeek.map((g) => [g.sourceId, g._count._all]));
  const sources = rows.map(({ _count, pausedAt, ...row }): SourceOverview => {
    const failingLong =
      row.failureCount > 0 &&
      row.failingSince !== null &&
      now.getTime() - row.failingSince.getTime() > FAILING_FLAG_MS;
    return {
      ...row,
      paused: pausedAt !== null,
      failingLong,
      articles: _count.articles,
      articlesLastWeek: weekCounts.get(row.id) ?? 0,
      perDay: days.map((groups) => groups.find((g) => g.sourceId === row.id)?._count._all ?? 0),
    };
  });
  const lastRunAt = lastRun ? new Date(lastRun.value) : null;
  return {
    sources,
    schedulerLastRunAt: lastRunAt && !Number.isNaN(lastRunAt.getTime()) ? lastRunAt : null,
    failingLong: sources.filter((s) => s.failingLong).length,
  };
}

/** What subscribing to a pasted address came to. */
export type SubscribeOutcome =
  | { status: "subscribed"; sourceId: number; name: string; feedUrl: string; poll: PollResult }
  | { status: "choose"; feeds: FoundFeed[] }
  | { status: "refused"; reason: string };

/**
 * Subscribes to the feed behind an address (a feed, or a page that links one) and polls it at once, so
 * its articles are there when the page reloads. Several linked feeds come back for the operator to pick.
 */
export async function subscribeToAddress(
  db: Db,
  url: string,
  opts: { allowPrivateNetwork: boolean; name?: string | null },
): Promise<SubscribeOutcome> {
  const found = await discoverFeeds(url, { allowPrivateNetwork: opts.allowPrivateNetwork });
  if (found.status === "none") return { status: "refused", reason: found.reason };
  if (found.status === "choices") return { status: "choose", feeds: found.feeds };
  let source;
  try {
    source = await addSource(db, { feedUrl: found.feed.feedUrl, name: opts.name || found.feed.title });
  } catch (error) {
    if (error instanceof SourceInputError) return { status: "refused", reason: error.message };
    throw error;
  }
  const poll = await pollSource(db, source.id, { allowPrivateNetwork: opts.allowPrivateNetwork });
  return { status: "subscribed", sourceId: source.id, name: source.name, feedUrl: found.feed.feedUrl, poll };
}

/** Changes a source's name and poll interval; throws SourceInputError for an unknown id. */
export async function updateSource(
  db: Db,
  id: number,
  input: { name: string; pollInterval: number },
): Promise<void> {
  const { count } = await db.source.updateMany({
    where: { id },
    data: { name: input.name, pollInterval: input.pollInterval },
  });
  if (count === 0) throw new SourceInputError(`no source with id ${id}`);
}

/** Pauses (pollers skip it) or resumes (due at once) a source; throws SourceInputError for an unknown id. */
export async function setPaused(db: Db, id: number, paused: boolean, now: Date = new Date()): Promise<void> {
  const { count } = await db.source.updateMany({
    where: { id },
    data: paused ? { pausedAt: now } : { pausedAt: null, nextFetchAt: now },
  });
  if (count === 0) throw new SourceInputError(`no source with id ${id}`);
}

/** Polls one source now, paused or not (the lease still keeps two pollers apart). */
export async function pollNow(
  db: Db,
  id: number,
  opts: { allowPrivateNetwork: boolean },
): Promise<PollResult> {
  const source = await db.source.findUnique({ where: { id }, select: { feedUrl: true } });
  if (!source) throw new SourceInputError(`no source with id ${id}`);
  if (!source.feedUrl)
    throw new SourceInputError("this source has no feed (its articles were imported from files)");
  return pollSource(db, id, { allowPrivateNetwork: opts.allowPrivateNetwork });
}

/** Whether any feed is subscribed (the first-run note shows until one is). */
export async function hasSubscriptions(db: Db): Promise<boolean> {
  return (await db.source.count({ where: { feedUrl: { not: null } } })) > 0;
}

/** Describes a poll's result in words for the admin page. */
export function describePoll(result: PollResult): string {
  switch (result.status) {
    case "fetched":
      return `fetched: ${result.counts.new} new, ${result.counts.updated} updated, ${result.counts.unchanged} unchanged articles`;
    case "not-modified":
      return "not modified since the last fetch";
    case "failed":
      return `failed: ${result.reason} (next try ${result.retryAt.toISOString().slice(0, 16).replace("T", " ")} UTC)`;
    case "busy":
      return "another poller is fetching it right now; look again in a moment";
    case "error":
      return `database error: ${result.reason}`;
  }
}
